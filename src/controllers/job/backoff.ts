// The pod failure back-off (backoff_utils.go), shared by a Job's pods as a whole and by each index
// of one with backoffLimitPerIndex: 10s doubling per failure, at most 10m, from the last failure.
import { parseTime } from '../../api/time';
import type { Pod } from '../../api/types';

const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 10 * 60_000;

/** A finished pod's end: when its last container terminated, else when it was made. */
export function finishedAt(p: Pod): number {
  let at = 0;
  for (const s of p.status?.containerStatuses ?? []) at = Math.max(at, parseTime(s.state?.terminated?.finishedAt) ?? 0);
  return at || (parseTime(p.metadata.creationTimestamp) ?? 0);
}

/** How long is left of the back-off after `failures` failures, the last ended at `lastFailure`. */
export function backoffLeft(failures: number, lastFailure: number, now: number): number {
  if (failures <= 0) return 0;
  const delay = Math.min(BACKOFF_INITIAL_MS * 2 ** (failures - 1), BACKOFF_MAX_MS);
  return Math.max(0, delay - (now - lastFailure));
}
