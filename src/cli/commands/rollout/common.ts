// What every rollout subcommand shares: how objects are chosen (TYPE NAME, TYPE/NAME, a bare TYPE
// meaning all of that type, -l, -f) and the check that something was named.
import type { Command } from '../../command';
import type { Client } from '../../../client/client';
import type { CommandContext } from '../../context';
import { CliError, MultiError } from '../../errors';
import { addGlobalFlags } from '../../program';
import { type ResourceFlags, type Visited, select } from '../../resource/builder';
import { filenameOption, kustomizeOption, recursiveOption, selectorOption } from '../../flags/groups';

export type SelectionOptions = Pick<ResourceFlags, 'filename' | 'kustomize' | 'recursive' | 'selector'>;

export function withSelectionFlags(cmd: Command): Command {
  return addGlobalFlags(
    cmd
      .argument('[args...]')
      .addOption(filenameOption('Filename, directory, or URL to files identifying the resource to get from a server.'))
      .addOption(recursiveOption('Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.'))
      .addOption(kustomizeOption())
      .addOption(selectorOption('Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.')),
  );
}

/** What every rollout subcommand's options start with: the objects named. */
export interface RolloutTarget {
  args: string[];
  selection: SelectionOptions;
}

/** Complete's share for every subcommand: the words and the selection flags. */
export function rolloutTarget(args: string[], f: Record<string, any>): RolloutTarget {
  return { args, selection: { filename: f.filename, kustomize: f.kustomize, recursive: f.recursive, selector: f.selector } };
}

export function requireResources(args: string[], opts: SelectionOptions): void {
  if (!args.length && !opts.filename?.length && !opts.kustomize) throw new CliError('required resource not specified');
}

/** kubectl's builder for rollout: a bare TYPE means every object of it; files are read again from the server. */
function selectFor(c: CommandContext, args: string[], opts: SelectionOptions) {
  return select(c, args, { filename: opts.filename, kustomize: opts.kustomize, recursive: opts.recursive, selector: opts.selector }, { allowEmptySelector: true, latest: true });
}

/** The objects named, all fetched first (kubectl's r.Infos()), failures collected in `errors`. */
export async function selectObjects(c: CommandContext, client: Client, args: string[], opts: SelectionOptions, errors: Error[]): Promise<Visited[]> {
  const selection = await selectFor(c, args, opts);
  const out = selection.infos(client);
  errors.push(...selection.errors);
  return out;
}

/**
 * Visits the objects named, in order, fetching each just before its visit (kubectl's r.Visit),
 * collecting failures in `errors`. Returns how many objects were visited.
 */
export async function visitObjects(c: CommandContext, client: Client, args: string[], opts: SelectionOptions, errors: Error[], visit: (v: Visited) => void): Promise<number> {
  const selection = await selectFor(c, args, opts);
  const count = selection.visit(client, visit);
  errors.push(...selection.errors);
  return count;
}

/** Errors collected on the way end the command together, after what succeeded was printed. */
export function throwCollected(errors: Error[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new MultiError(errors);
}
