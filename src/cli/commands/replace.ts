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
import { action, addGlobalFlags, intFlag } from '../program';
import { addRecordFlag, recordOption, withChangeCause } from '../record';
import { withLastApplied } from '../../api/patch/apply';
import { deletedLine } from './delete';
import { addWaitFlags, dryRunOption, filenameFlagsOf, filenameOption, kustomizeOption, outputOption, recursiveOption } from '../flags/groups';
import { checkFilenameFlags, select } from '../resource/builder';

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    program
      .command('replace')
      .description('Replace a resource by file name or stdin')
      .addOption(filenameOption('The files that contain the configurations to replace.'))
      .addOption(recursiveOption())
      .addOption(kustomizeOption())
      .option('--force', 'If true, immediately remove resources from API and bypass graceful deletion.')
      .option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully.', intFlag(), -1)
      .option('--cascade [policy]', 'Must be "background", "orphan", or "foreground".', 'background')
      .addOption(outputOption())
      .addOption(dryRunOption())
      .option('--save-config', 'If true, the configuration of current object will be saved in its annotation.')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
  addWaitFlags(cmd, { wait: false, timeout: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object. Only valid when --force' });
  addRecordFlag(cmd).action(
    action(ctx, async (c, args, opts, command) => {
      const changeCause = recordOption(c, command, opts.record);
      const dryRun = parseDryRun(c, opts.dryRun);
      if (opts.gracePeriod >= 0 && !opts.force) throw new CliError('--grace-period must have --force specified');
      if (opts.timeout !== 0 && !opts.force) throw new CliError('--timeout must have --force specified');
      if (opts.force && dryRun !== 'none') throw new CliError('--dry-run can not be used when --force is set');
      checkFilenameFlags(filenameFlagsOf(opts));
      if (!opts.filename?.length && !opts.kustomize) throw new CliError('must specify --filename to replace');
      if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]`, 'replace');
      const validation = fieldValidation(opts.validate);
      const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false, opts), dryRun);
      const selection = await select(c, [], opts, { validate: validation !== 'Ignore' });
      const cluster = c.cluster(dryRun === 'client' ? 'read' : 'write');
      const client = cluster.client;
      const errors = selection.errors;
      const objects: { type: ResourceType; name: string; source?: string; obj: KubeObject; ns?: string }[] = [];
      selection.visit(client, ({ type, name, namespace: ns, obj: read, source }) => {
        let obj = withChangeCause(read, changeCause);
        if (opts.saveConfig) obj = withLastApplied(obj);
        objects.push({ type, name, source, obj, ns });
      });
      if (opts.force) {
        // Delete everything first (what is already gone is fine), then create it all again.
        for (const { type, name, ns } of objects) {
          try {
            client.delete(type, ns, name, { gracePeriodSeconds: opts.gracePeriod === 0 ? 1 : opts.gracePeriod >= 0 ? opts.gracePeriod : undefined });
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
          if (opts.force) result = client.create(type, obj, { fieldValidation: validation });
          else if (dryRun !== 'client') result = client.update(type, obj, { dryRun: dryRun === 'server', fieldValidation: validation });
          replaced++;
          printer.print(result, 'replaced');
        } catch (e) {
          errors.push(isStatusError(e) && !opts.force ? e.withSource('replacing', source!) : (e as Error));
        }
      }
      for (const w of client.takeWarnings()) c.io.err.write(`Warning: ${w}\n`);
      if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
      if (!replaced) throw new CliError('no objects passed to replace');
    }),
  );
}
