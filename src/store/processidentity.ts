// Who a process is, beyond its id, as far as the operating system tells: the host, the boot it
// runs in and when it started. A process id alone is reused; with its start time it is not.
import * as fs from 'node:fs';

export interface ProcessIdentity {
  host: string;
  /** Linux's boot id: differs after every reboot. */
  boot?: string;
  /** When the process started, in clock ticks since boot (Linux's /proc/PID/stat). */
  start?: number;
}

/** Clock ticks per second as Linux reports process times (USER_HZ, 100 on every architecture it runs on). */
const TICKS_PER_SECOND = 100;

function readOr(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function bootId(): string | undefined {
  return readOr('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

/** The start time of a running process in ticks since boot, or undefined where the system does not say. */
export function startTicks(pid: number): number | undefined {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // "pid (comm) state ppid ...": the name may hold spaces and parentheses, the fields after the
  // last ")" do not; starttime is the 22nd field, the 20th after the name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isSafeInteger(ticks) ? ticks : undefined;
}

/** The boot time (ms since the epoch), from /proc/stat's btime. */
function bootTimeMs(): number | undefined {
  const m = /^btime (\d+)$/m.exec(readOr('/proc/stat') ?? '');
  return m ? Number(m[1]) * 1000 : undefined;
}

/** The host's name as os.hostname() gives it: Linux's is in /proc (loading node:os costs ~0.3 ms of a first command). */
function hostname(): string {
  return readOr('/proc/sys/kernel/hostname')?.trim() || (require('node:os') as typeof import('node:os')).hostname();
}

export function processIdentity(pid: number): ProcessIdentity {
  const id: ProcessIdentity = { host: hostname() };
  const boot = bootId();
  if (boot) id.boot = boot;
  const start = startTicks(pid);
  if (start !== undefined) id.start = start;
  return id;
}

/**
 * Whether the running process with the holder's id is the holder itself, not a later process
 * given the same id: its start time is the one the holder wrote, or (a holder that wrote none)
 * it started before the lock was written. True when the system does not say.
 */
export function sameProcessRunning(holder: { pid: number; start?: number }, lockWrittenMs: number): boolean {
  const now = startTicks(holder.pid);
  if (now === undefined) return true;
  if (holder.start !== undefined) return holder.start === now;
  const boot = bootTimeMs();
  if (boot === undefined) return true;
  // A tick and the boot time's whole second of slack.
  return boot + (now / TICKS_PER_SECOND) * 1000 <= lockWrittenMs + 1000 + 1000 / TICKS_PER_SECOND;
}
