// An Indexed Job's completion indexes: which index a pod runs, which are still to run, and the
// compressed text status.completedIndexes holds ("0-2,4").
import type { Pod } from '../../api/types';

/** The annotation (and label) naming the index a pod runs. */
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

/** The index a pod runs (its annotation), if it has a valid one. */
export function indexOf(p: Pod): number | undefined {
  const v = p.metadata.annotations?.[COMPLETION_INDEX];
  return v !== undefined && /^(0|[1-9][0-9]*)$/.test(v) ? Number(v) : undefined;
}

/** firstPendingIndexes: the lowest indexes neither completed nor running. */
export function pendingIndexes(completions: number, completed: ReadonlySet<number>, running: readonly (number | undefined)[]): number[] {
  const busy = new Set(running.filter((i): i is number => i !== undefined));
  const out: number[] = [];
  for (let i = 0; i < completions; i++) if (!completed.has(i) && !busy.has(i)) out.push(i);
  return out;
}

/** orderedIntervals.String(): runs of three or more consecutive indexes as "a-b", two as "a,b", comma separated. */
export function completedIndexesText(indexes: ReadonlySet<number>): string | undefined {
  const sorted = [...indexes].sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}${j === i + 1 ? ',' : '-'}${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The indexes "0-2,4" names. */
export function parseIndexes(text: string | undefined): number[] {
  const out: number[] = [];
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.push(i);
  }
  return out;
}
