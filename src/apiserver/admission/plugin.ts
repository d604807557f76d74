// The admission chain's contract: mutating plugins change the object, validating ones may refuse.
import type { Random } from '../../api/random';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { UserInfo } from '../auth';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionRequest {
  operation: Operation;
  type: ResourceType;
  namespace?: string;
  name: string;
  /** The incoming object; mutating plugins change it in place. */
  object?: KubeObject;
  oldObject?: KubeObject;
  user: UserInfo;
  subresource?: string;
}

export interface AdmissionContext {
  read(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined;
  /** How many objects of a type the store holds. */
  count(type: ResourceType): number;
  random: Random;
  /** pocketkube's limit of pods in a cluster (podlimit.ts), when not the default. */
  maxPods?: number;
}

export interface AdmissionPlugin {
  name: string;
  admit?(req: AdmissionRequest, ctx: AdmissionContext): void;
  validate?(req: AdmissionRequest, ctx: AdmissionContext): void;
}
