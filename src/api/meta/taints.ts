// Taints and tolerations: whether a pod tolerates a node's taint.
import type { Taint, Toleration } from '../types';

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.key ?? '') !== taint.key) {
    if (t.operator === 'Exists' && !t.key) return true;
    return false;
  }
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function toleratesAll(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

/** "{key: value}" as the scheduler names an untolerated taint. */
export function formatTaintForScheduler(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}

/** key[=value]:Effect as kubectl prints taints. */
export function formatTaint(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}
