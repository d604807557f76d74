// Pods as the map lists them: one line each, namespace/name then get's STATUS and READY, in the
// colour of the pod's state. The words alone tell the state when there is no colour.
import type { Pod } from '../../api/types';
import type { Paint } from './paint';
import { podMark } from './podstate';

export function podName(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

/** By namespace, then name. */
export function byName(a: Pod, b: Pod): number {
  const ka = podName(a);
  const kb = podName(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** One line per pod, its columns padded to line up across all of them. */
export function podLines(pods: readonly Pod[], now: number, paint: Paint): string[] {
  const marks = pods.map((p) => podMark(p, now));
  const cells = pods.map((p, i) => [podName(p), marks[i].word, marks[i].ready, marks[i].note ?? '']);
  const widths = [0, 1, 2].map((col) => Math.max(0, ...cells.map((c) => c[col].length)));
  return cells.map((c, i) => paint(marks[i].state, c.map((cell, col) => (col < 3 ? cell.padEnd(widths[col]) : cell)).join('  ').trimEnd()));
}
