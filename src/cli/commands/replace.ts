// kubectl replace: each object of -f written whole over the live one (an update, not a patch);
// --force deletes it and creates it again.
import type { Command } from '../command';
import { isStatusError, noSuchResource } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { Client, UpdateOptions } from '../../client/client';
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
import { runRawWrite, validateRawWrite } from '../verbs/raw';

export interface ReplaceOptions extends FileWriteOptions {
  args: string[];
  force: boolean;
  gracePeriod: number;
  /** --timeout in milliseconds. */
  timeout: number;
  /** --raw: the path the one file's bytes are PUT to, as they are. */
  raw?: string;
  /** -o as given: --raw refuses any. */
  outputGiven?: string;
  /** --subresource: the objects are written to it (status; any other this server serves no PUT of is its 404). */
  subresource?: string;
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
      raw: f.raw || undefined,
      outputGiven: f.output || undefined,
      subresource: f.subresource || undefined,
    };
  },

  validate(o) {
    if (o.gracePeriod >= 0 && !o.force) throw new CliError('--grace-period must have --force specified');
    if (o.timeout !== 0 && !o.force) throw new CliError('--timeout must have --force specified');
    if (o.force && o.dryRun !== 'none') throw new CliError('--dry-run can not be used when --force is set');
    checkFilenameFlags(o.files);
    if (!o.files.filenames.length && !o.files.kustomize) throw new CliError('must specify --filename to replace');
    if (o.raw !== undefined) validateRawWrite(o.raw, { filenames: o.files.filenames, recursive: o.files.recursive, output: o.outputGiven });
    if (o.args.length) throw new CliError(`Unexpected args: [${o.args.join(' ')}]`, 'replace');
  },

  async run(c, o) {
    if (o.raw !== undefined) return runRawWrite(c, 'PUT', { uri: o.raw, file: o.files.filenames[0] });
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
        else if (o.dryRun !== 'client') result = update(client, type, obj, { dryRun: o.dryRun === 'server', fieldValidation: o.validation }, o.subresource);
        replaced++;
        printer.print(result, 'replaced');
      } catch (e) {
        errors.push(isStatusError(e) && !o.force ? e.withSource('replacing', source!) : (e as Error));
      }
    }
    c.serverWarning(...client.takeWarnings());
    if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    if (!replaced) throw new CliError('no objects passed to replace');
  },
};

/** A PUT of the object, or of its subresource: status is served; any other is the server's 404. */
function update(client: Client, type: ResourceType, obj: KubeObject, opts: UpdateOptions, subresource: string | undefined): KubeObject {
  if (subresource === undefined) return client.update(type, obj, opts);
  if (subresource === 'status' && type.subresources?.some((s) => s.name === 'status')) return client.update(type, obj, { ...opts, subresource: 'status' });
  throw noSuchResource();
}

export function register(program: Command, ctx: CommandContext): void {
  const cmd = program.command('replace').description('Replace a resource by file name or stdin');
  addDeleteFlags(cmd, { filename: 'The files that contain the configurations to replace.', wait: false });
  addGlobalFlags(
    cmd
      .addOption(outputOption())
      .addOption(dryRunOption())
      .option('--save-config', 'If true, the configuration of current object will be saved in its annotation.')
      .option('--raw <uri>', 'Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.')
      .option('--subresource <name>', 'If specified, replace will operate on the subresource of the requested object.')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
  addRecordFlag(cmd).action(verbAction(ctx, replaceVerb));
}
