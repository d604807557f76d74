// kubectl apply set-last-applied: records each object of the -f files as its live object's
// last-applied configuration (a merge patch of that one annotation), as though apply had
// applied it. Every object is checked first; the first problem ends the command before anything
// is written.
import { isStatusError } from '../../../api/errors';
import { LAST_APPLIED, lastAppliedPatch } from '../../../api/patch/apply';
import type { ResourceType } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { type DryRun, MutationPrinter, type OutputFormat, parseDryRun, parseOutput } from '../../flags/output';
import { type Visited, select } from '../../resource/builder';
import { addGlobalFlags } from '../../program';
import { noResourcesError } from '../../resolve';
import { type Verb, verbAction } from '../../verb';
import { subcommandVerb } from './common';
import { dryRunOption, filenameOption, outputOption } from '../../flags/groups';

interface Change {
  type: ResourceType;
  namespace?: string;
  name: string;
  live: KubeObject;
  patch: Record<string, unknown>;
}

/** Resource and kind as kubectl's Info.String() names them. */
function infoText(type: ResourceType, name: string, namespace: string | undefined): string {
  const gv = `${type.group}/${type.version}`;
  return `Resource: "${gv}, Resource=${type.resource}", GroupVersionKind: "${gv}, Kind=${type.kind}"\nName: ${JSON.stringify(name)}, Namespace: ${JSON.stringify(namespace ?? '')}`;
}

/**
 * Whether the live annotation already records `recorded` (kubectl compares the two texts with
 * comments stripped: an annotation that is not JSON, or none at all, never does).
 */
const unchanged = (live: string | undefined, recorded: string) => live !== undefined && /^\s*\{/.test(live) && live === recorded;

export interface SetLastAppliedOptions {
  /** -f as given. */
  filenames: string[];
  dryRun: DryRun;
  output: OutputFormat;
  createAnnotation: boolean;
}

const setVerb: Verb<SetLastAppliedOptions> = {
  complete: (c, _args, f) => ({
    filenames: f.filename ?? [],
    dryRun: parseDryRun(c, f.dryRun),
    output: parseOutput(f.output, false, f),
    createAnnotation: !!f.createAnnotation,
  }),

  validate(o) {
    if (!o.filenames.length) throw noResourcesError();
  },

  async run(c, o) {
    const printer = new MutationPrinter(c.io.out, o.output, o.dryRun);
    // Without ContinueOnError: the first unreadable document ends the command.
    const selection = await select(c, [], { filename: o.filenames });
    const infos: Visited[] = [];
    selection.visit(undefined, (info) => infos.push(info), { failFast: true });
    const client = c.cluster(o.dryRun === 'client' ? 'read' : 'write').client;
    const changes: Change[] = [];
    for (const { type, namespace, name, obj, source } of infos) {
      // The builder gives the object the namespace it lands in before it is recorded.
      const { recorded, patch } = lastAppliedPatch(obj);
      let live: KubeObject;
      try {
        live = client.get(type, namespace, name);
      } catch (e) {
        if (!isStatusError(e) || e.reason === 'NotFound') throw e;
        throw e.withSource(`retrieving current configuration of:\n${infoText(type, name, namespace)}\nfrom server for:`, source!);
      }
      const current = live.metadata.annotations?.[LAST_APPLIED];
      if (current === undefined && !o.createAnnotation)
        throw new CliError(`no last-applied-configuration annotation found on resource: ${name}, to create the annotation, run the command with --create-annotation`);
      if (unchanged(current, recorded)) c.io.out.write(`set-last-applied ${name}: no changes required.\n`);
      else changes.push({ type, namespace, name, live, patch });
    }
    for (const ch of changes) {
      const result = o.dryRun === 'client' ? ch.live : client.patch(ch.type, ch.namespace, ch.name, 'merge', ch.patch, { dryRun: o.dryRun === 'server' });
      printer.print(result, 'configured');
    }
    c.serverWarning(...client.takeWarnings());
  },
};

export function registerSetLastApplied(apply: Command, ctx: CommandContext): void {
  addGlobalFlags(
    apply
      .command('set-last-applied')
      .description('Set the last-applied-configuration annotation on a live object to match the contents of a file')
      .argument('[args...]')
      .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
      .addOption(dryRunOption())
      .option('--create-annotation', "Will create 'last-applied-configuration' annotations if current objects doesn't have one")
      .addOption(filenameOption('Filename, directory, or URL to files that contains the last-applied-configuration annotations')),
  ).action(verbAction(ctx, subcommandVerb(setVerb)));
}
