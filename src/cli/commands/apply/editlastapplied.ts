// kubectl apply edit-last-applied: the last-applied configurations of objects in the user's
// editor, as `edit` opens objects (verbs/editloop.ts); each saved configuration is written back
// as the annotation of the object of that name in the command's namespace.
import { canonicalJson } from '../../../api/meta/canonical';
import { LAST_APPLIED, lastAppliedPatch } from '../../../api/patch/apply';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { MutationPrinter, type OutputFormat, parseOutput } from '../../flags/output';
import { fieldValidation } from '../../flags/validate';
import { addGlobalFlags } from '../../program';
import { addRecordFlag, recordOption, withChangeCause } from '../../record';
import { type Edited, editFormat, originals, readEdited, runEdit } from '../../verbs/editloop';
import type { FilenameFlags } from '../../resource/builder';
import { type Verb, verbAction } from '../../verb';
import { subcommandVerb } from './common';
import { filenameFlagsOf, filenameOption, kustomizeOption, outputOption, recursiveOption } from '../../flags/groups';

const HEADER = `# Please edit the 'last-applied-configuration' annotations below.
# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.
#
`;

export interface EditLastAppliedOptions {
  args: string[];
  files: FilenameFlags;
  /** -o as given: the editor's format (yaml unless json) and the printer's. */
  outputFlag?: string;
  output: OutputFormat;
  validation: ReturnType<typeof fieldValidation>;
  changeCause?: string;
}

const editVerb: Verb<EditLastAppliedOptions> = {
  complete(c, args, f, cmd) {
    const changeCause = recordOption(c, cmd, f.record);
    const validation = fieldValidation(f.validate);
    return { args, files: filenameFlagsOf(f), outputFlag: f.output, output: parseOutput(f.output, false, f), validation, changeCause };
  },

  async run(c, o) {
    const printer = new MutationPrinter(c.io.out, o.output, 'none');
    const client = c.cluster('write').client;
    // The configurations, read as the edited file will be: objects with no uid of their own.
    const configs: Edited[] = [];
    for (const live of await originals(c, client, o.args, { files: o.files })) {
      const recorded = live.obj.metadata.annotations?.[LAST_APPLIED];
      const config = recorded === undefined ? undefined : readEdited(recorded)[0];
      if (config) configs.push(config);
    }
    if (!configs.length)
      throw new CliError('no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`');
    const format = editFormat(o.outputFlag);
    const namespace = c.namespace();
    runEdit(c, configs, format, {
      header: HEADER,
      save(updated) {
        for (const u of updated) {
          // kubectl pairs them by uid, which configurations seldom have: the first that matches.
          const before = configs.find((x) => x.obj.metadata?.uid === u.obj.metadata?.uid);
          if (!before) throw new CliError(`no original object found for ${u.type.kind} ${JSON.stringify(u.obj.metadata?.name ?? '')}`);
          const obj = withChangeCause(u.obj, o.changeCause);
          if (canonicalJson(before.obj) === canonicalJson(obj)) {
            printer.print(obj, 'skipped');
            continue;
          }
          const { patch } = lastAppliedPatch(obj);
          client.patch(u.type, u.type.namespaced ? namespace : undefined, obj.metadata.name ?? '', 'merge', patch, { fieldValidation: o.validation });
          printer.print(obj, 'edited');
        }
        c.serverWarning(...client.takeWarnings());
      },
    });
  },
};

export function registerEditLastApplied(apply: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    apply
      .command('edit-last-applied')
      .description('Edit latest last-applied-configuration annotations of a resource/object')
      .argument('[args...]')
      .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
      .addOption(filenameOption('Filename, directory, or URL to files to use to edit the resource'))
      .addOption(recursiveOption())
      .addOption(kustomizeOption())
      .option('--windows-line-endings', 'Defaults to the line ending native to your platform.')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.', 'kubectl-client-side-apply')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict'),
  );
  addRecordFlag(cmd).action(verbAction(ctx, subcommandVerb(editVerb)));
}
