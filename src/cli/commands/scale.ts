// kubectl scale: sets spec.replicas of scalable kinds, with --current-replicas as a precondition.
import type { Command } from 'commander';
import { notFound } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { readManifests } from '../flags/filenames';
import { MutationPrinter, parseDryRun, parseOutput } from '../flags/output';
import { action, addGlobalFlags, collectSlice } from '../program';
import { namespaceOfManifest, resolveArgs, typeOfManifest } from '../resolve';
import { scalable } from '../verbs/scaler';
import { parseSelectors } from './get';

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('scale')
      .description('Set a new size for a deployment, replica set, replication controller, or stateful set')
      .argument('[args...]')
      .option('--replicas <count>', 'The new desired number of replicas. Required.')
      .option('--current-replicas <count>', 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.', '-1')
      .option('--resource-version <version>', 'Precondition for resource version.')
      .option('-f, --filename <file>', 'Filename, directory, or URL to files identifying the resource to set a new size', collectSlice)
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on.')
      .option('--all', 'Select all resources in the namespace of the specified resource types')
      .option('--dry-run [strategy]', 'Must be "none", "server", or "client".')
      .option('-o, --output <format>', 'Output format. One of: (json, yaml, name).')
      .option('--timeout <duration>', 'The length of time to wait before giving up on a scale operation.'),
  ).action(
    action(ctx, async (c, args, opts) => {
      if (opts.replicas === undefined) throw new CliError('required flag(s) "replicas" not set');
      const replicas = Number(opts.replicas);
      if (!Number.isInteger(replicas) || replicas < 0)
        throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
      const current = Number(opts.currentReplicas);
      const { selector } = parseSelectors(opts.selector, undefined);
      const dryRun = parseDryRun(opts.dryRun);
      const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false), dryRun);
      const namespace = c.namespace();
      const items: { type: ResourceType; namespace?: string; name?: string }[] = [];
      if (opts.filename?.length) {
        for (const m of await readManifests(opts.filename, !!opts.recursive, c.io)) {
          const type = typeOfManifest(m, namespace);
          items.push({ type, namespace: namespaceOfManifest(m.obj, type, namespace, c.namespaceExplicit), name: m.obj.metadata.name });
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
      const errors: Error[] = [];
      for (const it of items) {
        if (it.name) {
          const obj = client.tryGet(it.type, it.namespace, it.name);
          if (!obj) {
            errors.push(new CliError(`no objects passed to scale ${notFound(it.type, it.name).message}`));
            continue;
          }
          targets.push({ type: it.type, obj });
        } else for (const obj of client.list(it.type, it.namespace, { labelSelector: selector })) targets.push({ type: it.type, obj });
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
          printer.print(client.patch(type, obj.metadata.namespace, obj.metadata.name!, 'merge', patch, { dryRun: dryRun === 'server' }), 'scaled');
        } catch (e) {
          errors.push(e as Error);
        }
      }
      if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    }),
  );
}
