// backoffLimitPerIndex (indexed_job_utils.go, backoff_utils.go): each index of an Indexed Job has
// its own failure count, carried from pod to pod in an annotation; an index whose failures pass
// the limit (or that a FailIndex rule names) fails and is not run again, and each index waits out
// its own back-off before its next pod.
import type { Job, Pod } from '../../api/types';
import { backoffLeft, finishedAt } from './backoff';
import type { Verdict } from './failurepolicy';
import { indexOf } from './indexes';

export const INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
export const INDEX_IGNORED_FAILURE_COUNT = 'batch.kubernetes.io/job-index-ignored-failure-count';
const MAX_INT32 = 2147483647;

/** An annotation's count; missing, malformed or out of range reads as 0. */
function count(p: Pod, key: string): number {
  const v = p.metadata.annotations?.[key];
  if (v === undefined || !/^[0-9]+$/.test(v)) return 0;
  const n = Number(v);
  return n <= MAX_INT32 ? n : 0;
}

export const failureCountOf = (p: Pod) => count(p, INDEX_FAILURE_COUNT);
const absoluteFailures = (p: Pod) => count(p, INDEX_FAILURE_COUNT) + count(p, INDEX_IGNORED_FAILURE_COUNT);

/** isIndexFailed: a failed pod fails its index when its failures reach the limit, or a FailIndex rule matched. */
export function failsIndex(job: Job, p: Pod, verdict: Verdict): boolean {
  if (verdict.action === 'failIndex') return true;
  return verdict.action !== 'ignore' && failureCountOf(p) >= (job.spec.backoffLimitPerIndex ?? 0);
}

/** The failed pods of each index, the latest first: the most failures, then the latest end. */
export function lastFailedByIndex(pods: readonly Pod[]): Map<number, Pod> {
  const out = new Map<number, Pod>();
  for (const p of pods) {
    if (p.status?.phase !== 'Failed') continue;
    const i = indexOf(p);
    if (i === undefined) continue;
    const known = out.get(i);
    if (!known || absoluteFailures(p) > absoluteFailures(known) || (absoluteFailures(p) === absoluteFailures(known) && finishedAt(p) > finishedAt(known))) out.set(i, p);
  }
  return out;
}

/** getNewIndexFailureCounts: the counts a replacement for `replaced` starts with. */
export function replacementCounts(replaced: Pod | undefined, verdict: Verdict | undefined): Record<string, string> {
  if (!replaced) return { [INDEX_FAILURE_COUNT]: '0' };
  let failures = failureCountOf(replaced);
  let ignored = count(replaced, INDEX_IGNORED_FAILURE_COUNT);
  if (verdict?.action === 'ignore') ignored++;
  else failures++;
  return ignored > 0 ? { [INDEX_FAILURE_COUNT]: String(failures), [INDEX_IGNORED_FAILURE_COUNT]: String(ignored) } : { [INDEX_FAILURE_COUNT]: String(failures) };
}

/** getRemainingTimePerIndex: 10s doubling per failure of the index (ignored ones too), at most 10m, from its last failure. */
export function indexBackoffRemaining(lastFailed: Pod | undefined, now: number): number {
  if (!lastFailed) return 0;
  return backoffLeft(absoluteFailures(lastFailed) + 1, finishedAt(lastFailed), now);
}
