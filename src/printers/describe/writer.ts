// kubectl's describe PrefixWriter over a tabwriter (minwidth 0, padding 2). flush() ends an
// alignment section, as DescribeEvents does before its table. Unaligned, it keeps the raw tabs, as
// `rollout history --revision` and `rollout undo --dry-run` print a pod template.
import { DESCRIBE_TABWRITER, tabwrite } from '../tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class DescribeWriter {
  private done = '';
  private pending = '';

  constructor(private readonly aligned = true) {}

  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  flush(): void {
    this.done += this.aligned ? tabwrite(this.pending, DESCRIBE_TABWRITER) : this.pending;
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.done;
  }
}

/** Go's time.RFC1123Z in the process's local zone: "Thu, 26 Nov 2026 12:24:32 +0000". */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(timestamp);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return `${days[d.getDay()]}, ${pad(d.getDate())} ${months[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`;
}
