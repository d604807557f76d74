// pflag's DurationVar (--timeout and friends): Go's time.ParseDuration with pflag's error.
import { InvalidArgumentError } from '../command';
import { DurationError, parseGoDuration } from '../../api/duration';

/** A value parser for duration flags, failing as pflag does. */
export function durationFlag() {
  return (value: string): number => {
    try {
      return parseGoDuration(value);
    } catch (e) {
      if (e instanceof DurationError) throw new InvalidArgumentError(e.message);
      throw e;
    }
  };
}
