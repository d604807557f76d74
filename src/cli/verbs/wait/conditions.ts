// What `kubectl wait --for=` asks for: an object's deletion or creation, a status condition
// (type and value compared case-insensitively, as Unicode simple folding), or a JSONPath value.
import { goQuote } from '../../../api/meta/goquote';
import type { KubeObject } from '../../../api/types';
import { CliError } from '../../errors';
import { jsonPathCheck } from './jsonpath';

export type WaitFor =
  | { mode: 'delete' }
  | { mode: 'create' }
  /** `check` is true once the object satisfies the condition; it throws to end the wait. */
  | { mode: 'check'; check: (obj: KubeObject) => boolean };

/** One code point's simple case mappings (full mappings such as ß → SS do not fold in Go). */
function simpleCases(ch: string): string[] {
  return [ch, ch.toLowerCase(), ch.toUpperCase()].filter((c) => [...c].length === 1);
}

/** Go's strings.EqualFold: equal under simple Unicode case folding, code point by code point. */
export function equalFold(a: string, b: string): boolean {
  const xs = [...a];
  const ys = [...b];
  if (xs.length !== ys.length) return false;
  return xs.every((x, i) => {
    const y = ys[i];
    if (x === y) return true;
    const fx = simpleCases(x);
    return simpleCases(y).some((c) => fx.includes(c));
  });
}

type JsonMap = Record<string, unknown>;

const isMap = (v: unknown): v is JsonMap => !!v && typeof v === 'object' && !Array.isArray(v);

/** ConditionalWait.checkCondition: the first condition of that type decides. */
export function conditionMet(obj: KubeObject, name: string, value: string): boolean {
  const status = (obj as unknown as JsonMap).status;
  const conditions = isMap(status) ? status.conditions : undefined;
  if (!Array.isArray(conditions)) return false;
  for (const c of conditions) {
    if (!isMap(c) || typeof c.type !== 'string' || !equalFold(c.type, name)) continue;
    if (typeof c.status !== 'string') continue;
    // A condition about an older generation does not count yet.
    const generation = obj.metadata.generation;
    if (typeof generation === 'number') {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : isMap(status) && typeof status.observedGeneration === 'number' ? status.observedGeneration : undefined;
      if (observed !== undefined && observed < generation) return false;
    }
    return equalFold(c.status, value);
  }
  return false;
}

/** conditionFuncFor: parses the --for value. */
export function parseWaitFor(text: string): WaitFor {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { mode: 'delete' };
  if (lower === 'create') return { mode: 'create' };
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    const name = eq === -1 ? rest : rest.slice(0, eq);
    const value = eq === -1 ? 'true' : rest.slice(eq + 1);
    return { mode: 'check', check: (obj) => conditionMet(obj, name, value) };
  }
  if (text.startsWith('jsonpath=')) return { mode: 'check', check: jsonPathCheck(text.slice('jsonpath='.length)) };
  throw new CliError(`unrecognized condition: ${goQuote(text)}`);
}
