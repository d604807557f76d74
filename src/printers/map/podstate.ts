// What `pocketkube map` shows of a pod: get's STATUS word and READY count, and the state its colour
// stands for. The word carries the state without colour; the state only picks the colour.
import { isPodReady } from '../../api/pod/status';
import type { Pod } from '../../api/types';
import { podSummary } from '../table/pod';

export type PodState = 'pending' | 'ready' | 'notReady' | 'waiting' | 'succeeded' | 'failed' | 'terminating' | 'unknown';

export interface PodMark {
  state: PodState;
  /** kubectl get's STATUS: Running, Pending, CrashLoopBackOff, Init:0/1, Terminating, ... */
  word: string;
  /** kubectl get's READY: 1/1. */
  ready: string;
  /** What the words above leave unsaid: a Running pod whose Ready condition is not True. */
  note?: string;
}

/** Words a pod on its way up shows; any other word of a Pending or Running pod is trouble. */
const STARTING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);
const UP = new Set(['Running', 'NotReady', 'Completed']);
const INIT_PROGRESS = /^Init:\d+\/\d+$/;

function stateOf(pod: Pod, word: string): PodState {
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') return 'terminating';
  switch (phase) {
    case 'Succeeded':
      return 'succeeded';
    case 'Failed':
      return 'failed';
    case 'Running':
      if (!UP.has(word)) return 'waiting';
      return word === 'Running' && isPodReady(pod) ? 'ready' : 'notReady';
    case 'Pending':
    case undefined:
      return STARTING.has(word) || INIT_PROGRESS.test(word) ? 'pending' : 'waiting';
    default:
      return 'unknown';
  }
}

export function podMark(pod: Pod, now: number): PodMark {
  const s = podSummary(pod, now);
  const state = stateOf(pod, s.status);
  // Containers can all be ready in a pod that is not (its node unreachable, a readiness gate).
  return { state, word: s.status, ready: s.ready, ...(state === 'notReady' ? { note: 'not ready' } : {}) };
}
