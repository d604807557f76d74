// kubectl scale: sets spec.replicas of scalable kinds, with --current-replicas as a precondition.
import type { Command } from 'commander';
import { notFound } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { readManifests } from '../manifest/read';
import { MutationPrinter, parseDryRun, parseOutput } from '../flags/output';
import { CHANGE_CAUSE, addRecordFlag, recordOption } from '../record';
import { action, addGlobalFlags, collectSlice, intFlag } from '../program';
import { listSelected, namespaceOfManifest, resolveArgs } from '../resolve';
import { scalable } from '../verbs/scaler';

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    program
      .command('scale')
      .description('Set a new size for a deployment, replica set, replication controller, or stateful set')
      .argument('[args...]')
      .option('--replicas <count>', 'The new desired number of replicas. Required.', intFlag())
      .option('--current-replicas <count>', 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.', intFlag(), -1)
      .option('--resource-version <version>', 'Precondition for resource version.')
      .option('-f, --filename <file>', 'Filename, directory, or URL to files identifying the resource to set a new size', collectSlice)
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on.')
      .option('--all', 'Select all resources in the namespace of the specified resource types')
      .option('--dry-run [strategy]', 'Must be "none", "server", or "client".')
      .option('-o, --output <format>', 'Output format. One of: (json, yaml, name).')
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
      for (const { type, obj } of targets) {
        try {
          const scaler = scalable(type);
          const have = scaler.replicas(obj);
          if (current >= 0 && have !== current) throw new CliError(`Expected replicas to be ${current}, was ${have}`);
          if (dryRun === 'client') {
            printer.print(obj, 'scaled');
            continue;
          }
          const patch: Record<string, unknown> = { spec: { replicas } };
          if (opts.resourceVersion) patch.metadata = { resourceVersion: opts.resourceVersion };
          let scaled = client.patch(type, obj.metadata.namespace, obj.metadata.name!, 'merge', patch, { dryRun: dryRun === 'server' });
          // --record: a second patch, of the annotation alone.
          if (changeCause !== undefined && obj.metadata.annotations?.[CHANGE_CAUSE] !== changeCause)
            scaled = client.patch(type, obj.metadata.namespace, obj.metadata.name!, 'merge', { metadata: { annotations: { [CHANGE_CAUSE]: changeCause } } }, { dryRun: dryRun === 'server' });
          printer.print(scaled, 'scaled');
        } catch (e) {
          errors.push(e as Error);
        }
      }
      if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    }),
  );
}
