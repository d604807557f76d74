// kubectl apply view-last-applied: the last-applied configuration of objects (TYPE NAME,
// TYPE/NAME, TYPE with -l or --all, or -f files) as YAML or JSON, as recorded. Every object is
// read before anything is printed, and the first failure ends the command.
import { parseGoJson } from '../../../api/meta/gojson';
import { LAST_APPLIED } from '../../../api/patch/apply';
import type { KubeObject } from '../../../api/types';
import type { Client } from '../../../client/client';
import { goJsonIndent } from '../../../printers/jsonindent';
import { toYaml } from '../../../printers/yaml';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { addGlobalFlags } from '../../program';
import { type FilenameFlags, select } from '../../resource/builder';
import { type Verb, verbAction } from '../../verb';
import { subcommandVerb } from './common';
import { filenameFlagsOf, filenameOption, kustomizeOption, outputOption, recursiveOption, selectorOption } from '../../flags/groups';

export interface ViewLastAppliedOptions {
  args: string[];
  files: FilenameFlags;
  /** -l as given. */
  selector?: string;
  all: boolean;
  /** -o as given (yaml unless set); anything but yaml or json is refused once the objects are read. */
  output: string;
}

/** An object read, and the file it was named in (kubectl's Info.Source; none for arguments). */
interface Read {
  obj: KubeObject;
  source?: string;
}

/**
 * Visits the objects named, fetched as kubectl's builder here does (Latest, --all given before -l,
 * -l filtering files' objects by their live labels), each as soon as it is read; the first failure
 * ends the command.
 */
async function visitObjects(c: CommandContext, client: Client, o: ViewLastAppliedOptions, visit: (r: Read) => void): Promise<void> {
  const selection = await select(c, o.args, { files: o.files, selector: o.selector }, { allowEmptySelector: o.all, selectAll: o.all, selectAllFirst: true, latest: true });
  selection.visit(client, ({ obj, source }) => visit({ obj, source }), { failFast: true });
}

/** The recorded configuration; an object without one is an error only when a file named it. */
function configuration({ obj, source }: Read): string | undefined {
  const recorded = obj.metadata.annotations?.[LAST_APPLIED];
  // kubectl words it as the source of an error that is nil.
  if (recorded === undefined && source)
    throw new CliError(`error when no last-applied-configuration annotation found on resource: ${obj.metadata.name}\n ${JSON.stringify(source)}: <nil>`);
  return recorded;
}

const viewVerb: Verb<ViewLastAppliedOptions> = {
  complete: (_c, args, f) => ({ args, files: filenameFlagsOf(f), selector: f.selector, all: !!f.all, output: f.output }),

  async run(c, o) {
    const recorded: string[] = [];
    await visitObjects(c, c.cluster('read').client, o, (r) => {
      const config = configuration(r);
      if (config !== undefined) recorded.push(config);
    });
    for (const config of recorded) {
      if (o.output === 'json') c.io.out.write(goJsonIndent(config, '  '));
      else if (o.output === 'yaml') c.io.out.write(toYaml(parseGoJson(config)));
      else throw new CliError(`Unexpected -o output mode: ${o.output}, the flag 'output' must be one of yaml|json`, 'apply view-last-applied');
    }
  },
};

export function registerViewLastApplied(apply: Command, ctx: CommandContext): void {
  addGlobalFlags(
    apply
      .command('view-last-applied')
      .description('View the latest last-applied-configuration annotations of a resource/object')
      .argument('[args...]')
      .addOption(outputOption('Output format. Must be one of (yaml, json)', 'yaml'))
      .option('--all', 'Select all resources in the namespace of the specified resource types')
      .addOption(filenameOption('Filename, directory, or URL to files that contains the last-applied-configuration annotations'))
      .addOption(recursiveOption())
      .addOption(kustomizeOption())
      .addOption(selectorOption()),
  ).action(verbAction(ctx, subcommandVerb(viewVerb)));
}
