// How fmt prints a Go map of decoded JSON: `map[k1:v1 k2:v2]`, its keys in byte order (code
// points, as Go sorts strings), each value printed by the verb at hand (%v, %s …).
import { compareCodePoints } from './codepoint';

export function goMap(m: Record<string, unknown>, element: (v: unknown) => string): string {
  return `map[${Object.keys(m)
    .sort(compareCodePoints)
    .map((k) => `${k}:${element(m[k])}`)
    .join(' ')}]`;
}
