// --request-timeout as client-go's ParseTimeout reads it: whole seconds, or a Go duration; 0 is none.
import { DurationError, parseGoDuration } from '../../api/duration';
import { CliError } from '../errors';

const INVALID = 'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

/** The timeout in ms (0: none); kubectl's error for text that is neither. */
export function parseRequestTimeout(value: string | undefined): number {
  if (value === undefined) return 0;
  if (/^\+?\d+$/.test(value)) return Number(value) * 1000;
  try {
    return parseGoDuration(value);
  } catch (e) {
    if (e instanceof DurationError) throw new CliError(INVALID);
    throw e;
  }
}

/** When a watch bounded by --request-timeout ends, in cluster time; undefined without one. */
export function requestDeadline(value: string | undefined, now: number): number | undefined {
  const ms = parseRequestTimeout(value);
  return ms > 0 ? now + ms : undefined;
}
