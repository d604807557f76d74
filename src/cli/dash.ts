// Where "--" fell on the command line: kubectl's ArgsLenAtDash. The parser merges the words after
// "--" into the operands; exec and run need to tell the pod from the command.
import type { Command } from './command';

/** The operands before "--" and the words after it (undefined when there was no "--"). */
export function splitAtDash(cmd: Command, args: string[]): { before: string[]; after?: string[] } {
  const raw: string[] = cmd.root().rawArgs;
  const dash = raw.indexOf('--');
  if (dash < 0) return { before: args };
  const after = raw.slice(dash + 1);
  return { before: args.slice(0, Math.max(0, args.length - after.length)), after };
}
