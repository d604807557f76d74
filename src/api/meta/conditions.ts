// Reading and writing status conditions.
import type { Condition } from '../types';

export function findCondition<C extends Condition>(conditions: readonly C[] | undefined, type: string): C | undefined {
  return conditions?.find((c) => c.type === type);
}

/**
 * Replaces the condition of the same type in place, keeping lastTransitionTime when the status
 * did not change. Returns the new list.
 */
export function upsertCondition<C extends Condition>(conditions: readonly C[] | undefined, next: C): C[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) return [...list, next];
  const cur = list[i];
  list[i] = cur.status === next.status ? { ...next, lastTransitionTime: cur.lastTransitionTime } : next;
  return list;
}
