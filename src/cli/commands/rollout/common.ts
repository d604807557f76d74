// What every rollout subcommand shares: how objects are chosen (TYPE NAME, TYPE/NAME, a bare TYPE
// meaning all of that type, -l, -f) and the check that something was named.
import type { Command } from '../../command';
import type { Client } from '../../../client/client';
import type { CommandContext } from '../../context';
import { CliError, MultiError } from '../../errors';
import { addGlobalFlags } from '../../program';
import { type Picked, type SelectOptions, pickObjects, resolveSelection, visitSelection } from '../../verbs/select';
import { filenameOption, recursiveOption, selectorOption } from '../../flags/groups';

export interface SelectionOptions {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
}

export function withSelectionFlags(cmd: Command): Command {
  return addGlobalFlags(
    cmd
      .argument('[args...]')
      .addOption(filenameOption('Filename, directory, or URL to files identifying the resource to get from a server.'))
      .addOption(recursiveOption('Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.'))
      .addOption(selectorOption('Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.')),
  );
}

export function requireResources(args: string[], opts: SelectionOptions): void {
  if (!args.length && !opts.filename?.length) throw new CliError('required resource not specified');
}

/** The objects named, all fetched first (kubectl's r.Infos()), failures collected in `errors`. */
export async function selectObjects(c: CommandContext, client: Client, args: string[], opts: SelectionOptions, errors: Error[]): Promise<Picked[]> {
  return pickObjects(c, client, args, selectOptions(opts), errors);
}

/** kubectl's builder here takes a bare TYPE as every object of that type. */
function selectOptions(opts: SelectionOptions): SelectOptions {
  return { all: true, selector: opts.selector, filename: opts.filename, recursive: opts.recursive };
}

/**
 * Visits the objects named, in order, fetching each just before its visit (kubectl's r.Visit),
 * collecting failures in `errors`. Returns how many objects were visited.
 */
export async function visitObjects(c: CommandContext, client: Client, args: string[], opts: SelectionOptions, errors: Error[], visit: (p: Picked) => void): Promise<number> {
  const select = selectOptions(opts);
  return visitSelection(client, await resolveSelection(c, args, select, errors), select, errors, visit);
}

/** Errors collected on the way end the command together, after what succeeded was printed. */
export function throwCollected(errors: Error[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new MultiError(errors);
}
