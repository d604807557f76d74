// Time as the API speaks it. Cluster time is a number of milliseconds since the epoch handed out
// by a Clock (sim/clock); nothing in api/ reads the wall clock.

export interface Clock {
  /** Current cluster time in ms since the epoch. */
  now(): number;
}

/** RFC3339 with seconds precision, as metav1.Time serializes: "2024-12-15T10:00:00Z". */
/** The last second formatted: a convergence stamps thousands of objects within the same second. */
let lastSecond = NaN;
let lastText = '';

export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastText;
}

/** RFC3339 with microseconds, as metav1.MicroTime serializes. */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseTime(s: string | null | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z at a UTC offset in minutes: "Thu, 26 Nov 2026 12:05:00 +0000". */
export function rfc1123zAt(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes >= 0 ? '+' : '-'}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${zone}`;
}
