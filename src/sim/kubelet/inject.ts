// Failure injection: pod annotations under pocketkube.io/ that make a container do what no
// manifest field can express. Documented in the README ("Failure injection").
//   pocketkube.io/exit.<container>: "<code> after <duration>"  the process exits with <code> that
//                                                              long after each start ("1 after 30s")
//   pocketkube.io/readiness.<container>: fail | pass           the readiness probe's verdict
//   pocketkube.io/liveness.<container>: fail | pass            the liveness probe's verdict
//   pocketkube.io/memory-usage: <quantity> | <c>=<q>,...      memory the containers use (sim/node/
//                                                              usage.ts): above its limit one is OOMKilled
import { DurationError, parseGoDuration } from '../../api/duration';
import { tryParseQuantity } from '../../api/meta/quantity';
import type { Container, Pod } from '../../api/types';
import { annotatedMemory } from '../node/usage';

const PREFIX = 'pocketkube.io/';

function annotation(pod: Pod, what: string, container: string): string | undefined {
  return pod.metadata.annotations?.[`${PREFIX}${what}.${container}`];
}

/** When (ms after start) and how the process is made to exit, if asked. */
export function injectedExit(pod: Pod, container: string): { code: number; afterMs: number } | undefined {
  const v = annotation(pod, 'exit', container)?.trim();
  if (!v) return undefined;
  const m = /^(\d{1,3})(?:\s+after\s+(\S+))?$/.exec(v);
  if (!m) return undefined;
  try {
    return { code: Number(m[1]) & 255, afterMs: m[2] ? Math.max(0, parseGoDuration(m[2])) : 0 };
  } catch (e) {
    if (e instanceof DurationError) return undefined;
    throw e;
  }
}

/** A forced probe verdict: true (pass), false (fail) or undefined (probe as configured). */
export function injectedProbe(pod: Pod, kind: 'readiness' | 'liveness', container: string): boolean | undefined {
  const v = annotation(pod, kind, container)?.trim();
  return v === 'fail' ? false : v === 'pass' ? true : undefined;
}

/** Whether the container's annotated memory use exceeds its limit (it is OOMKilled soon after starting). */
export function exceedsMemoryLimit(pod: Pod, c: Container): boolean {
  const usage = annotatedMemory(pod, c);
  if (usage === undefined) return false;
  const limit = tryParseQuantity(String(c.resources?.limits?.memory ?? ''));
  return !!limit && usage > limit.value();
}
