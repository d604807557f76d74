// kubectl scale: sets the replicas of scalable kinds through their scale subresource, with
// --current-replicas and --resource-version as preconditions.
import type { Command } from '../command';
import { notFound } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { readManifests } from '../manifest/read';
import { MutationPrinter, parseDryRun, parseOutput } from '../flags/output';
import { CHANGE_CAUSE, addRecordFlag, recordOption } from '../record';
import { action, addGlobalFlags, intFlag } from '../program';
import { listSelected, namespaceOfManifest, resolveArgs } from '../resolve';
import { scalable } from '../verbs/scaler';
import { dryRunOption, filenameOption, outputOption, recursiveOption, selectorOption } from '../flags/groups';

/** Go's int32(n) of the replica count (kubectl passes it as a uint): the low 32 bits, signed. */
function int32(n: number): number {
  return Number(BigInt.asIntN(32, BigInt(n)));
}

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    program
      .command('scale')
      .description('Set a new size for a deployment, replica set, replication controller, or stateful set')
      .argument('[args...]')
      .option('--replicas <count>', 'The new desired number of replicas. Required.', intFlag())
      .option('--current-replicas <count>', 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.', intFlag(), -1)
      .option('--resource-version <version>', 'Precondition for resource version.')
      .addOption(filenameOption('Filename, directory, or URL to files identifying the resource to set a new size'))
      .addOption(recursiveOption())
      .addOption(selectorOption())
      .option('--all', 'Select all resources in the namespace of the specified resource types')
      .addOption(dryRunOption())
      .addOption(outputOption())
      .option('--timeout <duration>', 'The length of time to wait before giving up on a scale operation.'),
  );
  addRecordFlag(cmd).action(
    action(ctx, async (c, args, opts, command) => {
      const changeCause = recordOption(c, command, opts.record);
      if (opts.replicas === undefined) throw new CliError('required flag(s) "replicas" not set');
      const replicas: number = opts.replicas;
      if (replicas < 0)
        throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
      const current: number = opts.currentReplicas;
      const selector: string = opts.selector ?? '';
      const dryRun = parseDryRun(c, opts.dryRun);
      const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false, opts), dryRun);
      const namespace = c.namespace();
      const items: { type: ResourceType; namespace?: string; name?: string }[] = [];
      const readErrors: Error[] = [];
      if (opts.filename?.length) {
        const manifests = await readManifests(opts.filename, { recursive: !!opts.recursive, validate: false }, c.io);
        readErrors.push(...manifests.errors);
        for (const m of manifests.objects) {
          try {
            if (!m.obj.metadata?.name) throw new CliError('resource name may not be empty');
            items.push({ type: m.type, namespace: namespaceOfManifest(m.obj, m.type, namespace, c.namespaceExplicit), name: m.obj.metadata.name });
          } catch (e) {
            readErrors.push(e as Error);
          }
        }
      } else {
        if (!args.length) throw new CliError('required resource not specified', 'scale');
        for (const t of resolveArgs(args).targets) {
          const ns = t.type.namespaced ? namespace : undefined;
          if (t.names.length) for (const name of t.names) items.push({ type: t.type, namespace: ns, name });
          else if (opts.all || selector) items.push({ type: t.type, namespace: ns });
          else throw new CliError('resource(s) were provided, but no name was specified');
        }
      }
      const client = c.cluster(dryRun === 'client' ? 'read' : 'write').client;
      const targets: { type: ResourceType; obj: KubeObject }[] = [];
      const errors: Error[] = [...readErrors];
      for (const it of items) {
        if (it.name) {
          const obj = client.tryGet(it.type, it.namespace, it.name);
          if (!obj) {
            errors.push(new CliError(`no objects passed to scale ${notFound(it.type, it.name).message}`));
            continue;
          }
          targets.push({ type: it.type, obj });
        } else for (const obj of listSelected(client, it.type, it.namespace, selector)) targets.push({ type: it.type, obj });
      }
      // kubectl's ScaleSimple: without a precondition a merge patch of the Scale; with one, the
      // Scale is read, checked and written back, its replicas converted to int32 as Go converts.
      const precondition = current >= 0 || !!opts.resourceVersion;
      if (precondition && opts.resourceVersion && targets.length > 1) throw new CliError('cannot use --resource-version with multiple resources');
      for (const { type, obj } of targets) {
        try {
          scalable(type);
          if (dryRun === 'client') {
            printer.print(obj, 'scaled');
            continue;
          }
          const { namespace: ns, name } = obj.metadata as { namespace?: string; name: string };
          const write = { dryRun: dryRun === 'server' };
          let scaled: KubeObject;
          if (precondition) {
            const scale = client.getScale(type, ns, name);
            const have = scale.spec?.replicas ?? 0;
            if (current >= 0 && have !== current) throw new CliError(`Expected replicas to be ${current}, was ${have}`);
            if (opts.resourceVersion && scale.metadata.resourceVersion !== opts.resourceVersion)
              throw new CliError(`Expected resource version to be ${opts.resourceVersion}, was ${scale.metadata.resourceVersion}`);
            scaled = client.updateScale(type, { ...scale, spec: { replicas: int32(replicas) } }, write);
          } else scaled = client.patchScale(type, ns, name, { spec: { replicas } }, write);
          // --record: a second patch, of the annotation alone.
          if (changeCause !== undefined && obj.metadata.annotations?.[CHANGE_CAUSE] !== changeCause)
            scaled = client.patch(type, ns, name, 'merge', { metadata: { annotations: { [CHANGE_CAUSE]: changeCause } } }, write);
          printer.print(scaled, 'scaled');
        } catch (e) {
          errors.push(e as Error);
        }
      }
      if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    }),
  );
}
