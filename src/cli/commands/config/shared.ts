// What the config verbs share: the files they edit, kubectl's "print help" answers for
// missing arguments, and the options of the verbs that take one name.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError, ExitCode, RawError } from '../../errors';
import type { KubeconfigChain } from '../../kubeconfig';
import { commandPath } from '../../program';

export function chainOf(c: CommandContext): KubeconfigChain {
  return c.configChain();
}

/** The file kubectl names in config messages: the explicit one, else the default destination. */
export function configFileName(chain: KubeconfigChain): string {
  return chain.defaultFile;
}

/**
 * cobra's cmd.Help(), as config verbs print it for missing arguments or flags they cannot
 * complete; then succeed, or fail with the verb's error (`{ error }`: its own words).
 */
export function helpAnd(c: CommandContext, cmd: Command, then: 'ok' | { error: string }): never {
  const { helpText } = require('../../help') as typeof import('../../help');
  c.io.out.write(helpText(commandPath(cmd), cmd, c.helpEnv()));
  if (then === 'ok') throw new ExitCode(0);
  throw new CliError(then.error);
}

/**
 * The config verbs' helpErrorf for a wrong number of arguments: the help on standard output,
 * then "Unexpected args: " and the arguments as Go's %v prints a []string.
 */
export function unexpectedArgs(c: CommandContext, cmd: Command, args: string[]): never {
  helpAnd(c, cmd, { error: `Unexpected args: [${args.join(' ')}]` });
}

/** A config verb's count of arguments: any other prints the help and fails. */
export function exactArgs(c: CommandContext, cmd: Command, args: string[], count: number): void {
  if (args.length !== count) unexpectedArgs(c, cmd, args);
}

/** The options of a verb of one kubeconfig entry (use-context, delete-context, delete-cluster, delete-user). */
export interface EntryOptions {
  name: string;
}

export function requireName(name: string | undefined, what: string, cmd: Command): string {
  if (!name) throw new RawError(`error: ${what} to delete is required\nSee 'kubectl ${commandPath(cmd)} -h' for help and examples\n`);
  return name;
}

export { upsertEntry } from '../../kubeconfig';
