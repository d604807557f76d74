// kubectl's describe PrefixWriter over a tabwriter (minwidth 0, padding 2). flush() ends an
// alignment section, as DescribeEvents does before its table. Unaligned, it keeps the raw tabs, as
// `rollout history --revision` and `rollout undo --dry-run` print a pod template.
import { rfc1123zAt } from '../../api/time';
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
  const ms = Date.parse(timestamp);
  return rfc1123zAt(ms, -new Date(ms).getTimezoneOffset());
}
