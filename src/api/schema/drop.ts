// Removing a field named by the path decode() reports it under ("spec.containers[0].foo"): what a
// typed decoder does with a field its struct lacks.
import { hasOwn } from '../meta/own';

export function dropPath(obj: unknown, path: string): void {
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  let cur: unknown = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    // Own properties only: a part named "constructor" is a key, not Object's.
    if (!cur || typeof cur !== 'object' || !hasOwn(cur, parts[i])) return;
    cur = (cur as Record<string, unknown>)[parts[i]];
  }
  if (cur && typeof cur === 'object') delete (cur as Record<string, unknown>)[parts[parts.length - 1]];
}
