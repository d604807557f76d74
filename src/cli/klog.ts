// klog's line format, for the few lines kubectl logs rather than prints
// ("W1126 14:54:20.071552    3714 helpers.go:702] --dry-run is deprecated ...").
import type { CommandContext } from './context';
import { ExitCode } from './errors';

/** What a klog line needs: the streams, the wall clock and the process id (a verb's context, or a reader's IO). */
type Logger = Pick<CommandContext, 'io'>;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function klogLine(c: Logger, severity: 'I' | 'W' | 'E' | 'F', source: string, message: string): void {
  const now = new Date(c.io.wallTime());
  const stamp = `${pad(now.getMonth() + 1)}${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds() * 1000, 6)}`;
  c.io.err.write(`${severity}${stamp} ${String(c.io.pid).padStart(7)} ${source}] ${message}\n`);
}

/** Writes a klog warning to standard error; `source` is the Go file:line kubectl logs from. */
export function klogWarning(c: CommandContext, source: string, message: string): void {
  klogLine(c, 'W', source, message);
}

/** Writes a klog info line to standard error (what -v=N shows). */
export function klogInfo(c: Logger, source: string, message: string): void {
  klogLine(c, 'I', source, message);
}

/** Writes a klog error line to standard error. */
export function klogError(c: CommandContext, source: string, message: string): void {
  klogLine(c, 'E', source, message);
}

/** The structured error line kubectl's main logs when a command fails outside cobra's checks. */
export function klogCommandFailed(c: CommandContext, err: string): void {
  // klog writes a multi-line value as a block: each line indented by a tab, closed by " >".
  const value = err.includes('\n') ? `<\n${err.replace(/\n$/, '').split('\n').map((l) => `\t${l}\n`).join('')} >` : JSON.stringify(err);
  klogLine(c, 'E', 'run.go:72', `"command failed" err=${value}`);
}

/**
 * cobra's required-flag check, made before the command runs: the flags not given, named in the
 * order declared, in klog's "command failed" line, and exit status 1.
 */
export function checkRequiredFlags(c: CommandContext, flags: Record<string, unknown>, names: readonly string[]): void {
  const missing = names.filter((k) => flags[k] === undefined);
  if (!missing.length) return;
  klogCommandFailed(c, `required flag(s) ${missing.map((k) => `"${k}"`).join(', ')} not set`);
  throw new ExitCode(1);
}

/** klog.Exitf's line: the fatal severity, no stack; the caller then exits with status 1. */
export function klogFatal(c: CommandContext, source: string, message: string): void {
  klogLine(c, 'F', source, message);
}
