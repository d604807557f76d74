// kubectl replace: each object of -f written whole over the live one (an update, not a patch);
// --force deletes it and creates it again.
import type { Command } from '../command';
import { isStatusError } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { MutationPrinter, parseDryRun, parseOutput } from '../flags/output';
import { fieldValidation } from '../flags/validate';
import { addGlobalFlags } from '../program';
import { type Verb, verbAction } from '../verb';
import type { FileWriteOptions } from '../verbs/writeoptions';
import { addRecordFlag, recordOption, withChangeCause } from '../record';
import { withLastApplied } from '../../api/patch/apply';
import { deletedLine } from './delete';
import { addDeleteFlags, dryRunOption, filenameFlagsOf, outputOption } from '../flags/groups';
import { checkFilenameFlags, select } from '../resource/builder';

export interface ReplaceOptions extends FileWriteOptions {
  args: string[];
  force: boolean;
  gracePeriod: number;
  /** --timeout in milliseconds. */
  timeout: number;
}

const replaceVerb: Verb<ReplaceOptions> = {
  complete(c, args, f, cmd) {
    const changeCause = recordOption(c, cmd, f.record);
    return {
      args,
      files: filenameFlagsOf(f),
      force: !!f.force,
      gracePeriod: f.gracePeriod,
      timeout: f.timeout,
      dryRun: parseDryRun(c, f.dryRun),
      validation: fieldValidation(f.validate),
      saveConfig: !!f.saveConfig,
      output: parseOutput(f.output, false, f),
      changeCause,
    };
  },

  validate(o) {
    if (o.gracePeriod >= 0 && !o.force) throw new CliError('--grace-period must have --force specified');
    if (o.timeout !== 0 && !o.force) throw new CliError('--timeout must have --force specified');
    if (o.force && o.dryRun !== 'none') throw new CliError('--dry-run can not be used when --force is set');
    checkFilenameFlags(o.files);
    if (!o.files.filenames.length && !o.files.kustomize) throw new CliError('must specify --filename to replace');
    if (o.args.length) throw new CliError(`Unexpected args: [${o.args.join(' ')}]`, 'replace');
  },

  async run(c, o) {
    const printer = new MutationPrinter(c.io.out, o.output, o.dryRun);
    const selection = await select(c, [], { files: o.files }, { validate: o.validation !== 'Ignore' });
    const cluster = c.cluster(o.dryRun === 'client' ? 'read' : 'write');
    const client = cluster.client;
    const errors = selection.errors;
    const objects: { type: ResourceType; name: string; source?: string; obj: KubeObject; ns?: string }[] = [];
    selection.visit(client, ({ type, name, namespace: ns, obj: read, source }) => {
      let obj = withChangeCause(read, o.changeCause);
      if (o.saveConfig) obj = withLastApplied(obj);
      objects.push({ type, name, source, obj, ns });
    });
    if (o.force) {
      // Delete everything first (what is already gone is fine), then create it all again.
      for (const { type, name, ns } of objects) {
        try {
          client.delete(type, ns, name, { gracePeriodSeconds: o.gracePeriod === 0 ? 1 : o.gracePeriod >= 0 ? o.gracePeriod : undefined });
          c.io.out.write(deletedLine(type, name, false, 'none'));
        } catch (e) {
          if (!isStatusError(e, 'NotFound')) errors.push(e as Error);
        }
      }
      // The objects are gone before they are created again (kubectl waits for that).
      cluster.converge();
    }
    let replaced = 0;
    for (const { type, source, obj } of objects) {
      try {
        let result = obj;
        if (o.force) result = client.create(type, obj, { fieldValidation: o.validation });
        else if (o.dryRun !== 'client') result = client.update(type, obj, { dryRun: o.dryRun === 'server', fieldValidation: o.validation });
        replaced++;
        printer.print(result, 'replaced');
      } catch (e) {
        errors.push(isStatusError(e) && !o.force ? e.withSource('replacing', source!) : (e as Error));
      }
    }
    for (const w of client.takeWarnings()) c.io.err.write(`Warning: ${w}\n`);
    if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    if (!replaced) throw new CliError('no objects passed to replace');
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const cmd = program.command('replace').description('Replace a resource by file name or stdin');
  addDeleteFlags(cmd, { filename: 'The files that contain the configurations to replace.', wait: false });
  addGlobalFlags(
    cmd
      .addOption(outputOption())
      .addOption(dryRunOption())
      .option('--save-config', 'If true, the configuration of current object will be saved in its annotation.')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
  addRecordFlag(cmd).action(verbAction(ctx, replaceVerb));
}
