// kubectl apply view-last-applied: the last-applied configuration of objects (TYPE NAME,
// TYPE/NAME, TYPE with -l or --all, or -f files) as YAML or JSON, as recorded. Every object is
// read before anything is printed, and the first failure ends the command.
import { parseGoJson } from '../../../api/meta/gojson';
import { matches } from '../../../api/meta/selector';
import { LAST_APPLIED } from '../../../api/patch/apply';
import type { KubeObject } from '../../../api/types';
import type { Client } from '../../../client/client';
import { goJsonIndent } from '../../../printers/jsonindent';
import { toYaml } from '../../../printers/yaml';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { parseBuilderSelector } from '../../flags/selector';
import { readManifests } from '../../manifest/read';
import { addGlobalFlags } from '../../program';
import { listSelected, namespaceOfManifest, noResourcesError, resolveArgs } from '../../resolve';
import { subAction } from './common';
import { filenameOption, outputOption, recursiveOption, selectorOption } from '../../flags/groups';

interface ViewOptions {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
  all?: boolean;
  output: string;
}

/** An object read, and the file it was named in (kubectl's Info.Source; none for arguments). */
interface Read {
  obj: KubeObject;
  source?: string;
}

/**
 * Visits the objects named, fetched as the resource builder does (Latest; -l filters files'
 * objects by their live labels), each as soon as it is read.
 */
async function visitObjects(c: CommandContext, client: Client, args: string[], o: ViewOptions, visit: (r: Read) => void): Promise<void> {
  // The builder takes --all before -l.
  if (o.all && o.selector) throw new CliError(`found non-empty label selector ${JSON.stringify(o.selector)} with previously set 'all' parameter. `);
  const namespace = c.namespace();
  if (o.filename?.length) {
    if (args.length) throw new CliError('resource/name arguments cannot be provided when a path is specified');
    const selector = parseBuilderSelector(o.selector ?? '');
    const manifests = await readManifests(o.filename, { recursive: !!o.recursive, validate: false }, c.io);
    if (manifests.errors.length) throw manifests.errors[0];
    for (const m of manifests.objects) {
      const obj = client.get(m.type, namespaceOfManifest(m.obj, m.type, namespace, c.namespaceExplicit), m.obj.metadata.name ?? '');
      if (!selector || matches(selector, obj.metadata.labels)) visit({ obj, source: m.source });
    }
    return;
  }
  if (!args.length) throw noResourcesError();
  const selecting = !!(o.selector || o.all);
  if (selecting && args.some((a) => a.includes('/'))) throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
  const targets = resolveArgs(args).targets;
  if (selecting && targets.some((t) => t.names.length)) throw new CliError('name cannot be provided when a selector is specified');
  if (!selecting && targets.some((t) => !t.names.length)) throw new CliError('resource(s) were provided, but no name was specified');
  for (const t of targets) {
    const ns = t.type.namespaced ? namespace : undefined;
    if (t.names.length) for (const name of t.names) visit({ obj: client.get(t.type, ns, name) });
    else for (const obj of listSelected(client, t.type, ns, o.selector ?? '')) visit({ obj });
  }
}

/** The recorded configuration; an object without one is an error only when a file named it. */
function configuration({ obj, source }: Read): string | undefined {
  const recorded = obj.metadata.annotations?.[LAST_APPLIED];
  // kubectl words it as the source of an error that is nil.
  if (recorded === undefined && source)
    throw new CliError(`error when no last-applied-configuration annotation found on resource: ${obj.metadata.name}\n ${JSON.stringify(source)}: <nil>`);
  return recorded;
}

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
      .addOption(selectorOption()),
  ).action(
    subAction(ctx, async (c, args, opts) => {
      const o = opts as ViewOptions;
      const recorded: string[] = [];
      await visitObjects(c, c.cluster('read').client, args, o, (r) => {
        const config = configuration(r);
        if (config !== undefined) recorded.push(config);
      });
      for (const config of recorded) {
        if (o.output === 'json') c.io.out.write(goJsonIndent(config, '  '));
        else if (o.output === 'yaml') c.io.out.write(toYaml(parseGoJson(config)));
        else throw new CliError(`Unexpected -o output mode: ${o.output}, the flag 'output' must be one of yaml|json`, 'apply view-last-applied');
      }
    }),
  );
}
