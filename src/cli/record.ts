// --record (deprecated, still accepted by apply, create and scale): the command line goes into
// the object's kubernetes.io/change-cause annotation, which `rollout history` shows.
import { type Command, Option } from './command';
import type { KubeObject } from '../api/types';
import type { CommandContext } from './context';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** A boolean flag as pflag has it: --record, --record=true|false (never the next argument). */
export function addRecordFlag(cmd: Command): Command {
  return cmd.addOption(new Option('--record', 'Record current kubectl command in the resource annotation.').hideHelp());
}

/**
 * The command line as kubectl records it: "kubectl", the arguments, then every flag as
 * --long-name=value in the order given (cli-runtime's parseCommandArguments).
 */
export function commandLine(cmd: Command): string {
  const argv: string[] = cmd.root().rawArgs;
  const options: Option[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) options.push(...c.options);
  const args: string[] = [];
  let flags = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const opt = options.find((o) => o.short === name || o.long === name);
    if (!opt) continue;
    // The parser spells a false boolean --no-x; pflag, and so the record, --x=false.
    const long = (opt.long ?? opt.short ?? '').replace(/^-+/, '').replace(opt.negate ? /^no-/ : /^$/, '');
    let value: string;
    if (eq > 0) value = a.slice(eq + 1);
    else if (opt.required || (opt.optional && i + 1 < argv.length && !argv[i + 1].startsWith('-'))) value = argv[++i];
    else value = opt.negate ? 'false' : 'true';
    flags += ` --${long}=${value}`;
  }
  return ['kubectl', ...args].join(' ') + flags;
}

/**
 * Reads --record: warns that it is deprecated (as cobra does whenever it is given) and returns
 * the change cause to record, if recording was asked for.
 */
export function recordOption(c: CommandContext, cmd: Command, value: boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  c.io.err.write('Flag --record has been deprecated, --record will be removed in the future\n');
  return value ? commandLine(cmd) : undefined;
}

/** The object with the change cause recorded in its annotations. */
export function withChangeCause(obj: KubeObject, cause: string | undefined): KubeObject {
  if (cause === undefined) return obj;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: cause } } };
}
