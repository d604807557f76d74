// The rollout capabilities a workload kind offers (kubectl's StatusViewer, HistoryViewer,
// Rollbacker, ObjectPauser/Resumer/Restarter).
import type { KubeObject } from '../../../api/types';
import type { Client } from '../../../client/client';

export interface RolloutStatus {
  message: string;
  done: boolean;
}

export interface HistoryViewer {
  /** Revision → the object that records it (a ReplicaSet, a ControllerRevision). */
  history(client: Client, obj: KubeObject, warn: (message: string) => void): Map<number, KubeObject>;
  /** The revision table, or one revision's pod template when `revision` > 0. */
  view(client: Client, obj: KubeObject, revision: number, warn: (message: string) => void): string;
}

export type DryRunMode = 'none' | 'client' | 'server';

export interface RolloutKind {
  /** StatusViewer.Status: the progress line and whether the rollout is done; throws to fail. */
  status?(obj: KubeObject, revision: number): RolloutStatus;
  history?: HistoryViewer;
  /** Rolls back to `toRevision` (0: the previous one); returns what happened ("rolled back"). */
  rollback?(client: Client, obj: KubeObject, toRevision: number, dryRun: DryRunMode): string;
  /** The object as it should be after the verb; throws RefusedError when the verb does not apply. */
  pause?(obj: KubeObject): KubeObject;
  resume?(obj: KubeObject): KubeObject;
  restart?(obj: KubeObject, now: number): KubeObject;
}

/** A verb that does not apply to this object ("is already paused"). */
export class RefusedError extends Error {}
