// The cluster clock: wall time, read once when the invocation starts, plus an offset kept in the
// store. This is the only module that reads the wall clock; `advance` moves simulated time.
import type { Clock } from '../api/time';

export class SimClock implements Clock {
  private constructor(
    private readonly wallMs: number,
    private offset: number,
  ) {}

  /**
   * A clock at the current wall time shifted by the stored offset. `wallOverride` (from
   * POCKETKUBE_WALLCLOCK, an RFC3339 time) pins the wall-clock reading, for reproducible output.
   */
  static start(offsetMs: number, wallOverride?: string): SimClock {
    const pinned = wallOverride ? Date.parse(wallOverride) : NaN;
    return new SimClock(Number.isNaN(pinned) ? Date.now() : pinned, offsetMs);
  }

  /** A clock fixed at a given cluster time (tests, goldens). */
  static fixed(nowMs: number): SimClock {
    return new SimClock(nowMs, 0);
  }

  now(): number {
    return this.wallMs + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  advance(ms: number): void {
    if (ms > 0) this.offset += ms;
  }
}

/**
 * The machine's own time, never pinned nor shifted: for what is judged against file times (how
 * long ago a lock was written), not for anything the cluster sees.
 */
export function machineTime(): number {
  return Date.now();
}
