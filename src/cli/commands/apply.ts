// kubectl apply (client-side): create what is missing, otherwise patch the live object with the
// three-way merge of the last-applied configuration, the manifest and the live object.
import type { Command } from 'commander';
import { isStatusError } from '../../api/errors';
import { createThreeWayMergePatch } from '../../api/patch/merge';
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { canonicalJson } from '../../api/meta/canonical';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { type ManifestObject, readManifests, validateManifest } from '../flags/filenames';
import { type DryRun, MutationPrinter, parseDryRun, parseOutput } from '../flags/output';
import { action, addGlobalFlags, collectSlice } from '../program';
import { namespaceOfManifest, typeOfManifest } from '../resolve';
import { fieldValidation } from '../flags/validate';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The object as applied, with the annotation recording it (kubectl's GetModifiedConfiguration). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const recorded = { ...obj, metadata: { ...obj.metadata, annotations } };
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: canonicalJson(recorded) + '\n' } } };
}

function missingAnnotationWarning(type: { resource: string; group: string }, name: string): string {
  const res = type.group ? `${type.resource}.${type.group}` : type.resource;
  return `Warning: resource ${res}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

interface ApplyOptions {
  dryRun: DryRun;
  validation: ReturnType<typeof fieldValidation>;
}

function applyOne(c: CommandContext, client: Client, m: ManifestObject, o: ApplyOptions, printer: MutationPrinter): void {
  validateManifest(m);
  const namespace = c.namespace();
  const type = typeOfManifest(m, namespace);
  const ns = namespaceOfManifest(m.obj, type, namespace, c.namespaceExplicit);
  const manifest: KubeObject = { ...m.obj, metadata: { ...m.obj.metadata, ...(ns ? { namespace: ns } : {}) } };
  const name = manifest.metadata.name;
  if (!name) throw new CliError(`error when retrieving current configuration of:\nResource: "${type.group ? type.group + '/' : ''}${type.version}, Resource=${type.resource}", GroupVersionKind: "${manifest.apiVersion}, Kind=${manifest.kind}"\nName: "", Namespace: "${ns ?? ''}"\nfrom server for: "${m.source}": resource name may not be empty`);
  const modified = withLastApplied(manifest);
  const live = client.tryGet(type, ns, name);
  if (!live) {
    if (o.dryRun === 'client') return printer.print(modified, 'created');
    try {
      const created = client.create(type, modified, { dryRun: o.dryRun === 'server', fieldValidation: o.validation });
      return printer.print(created, 'created');
    } catch (e) {
      throw isStatusError(e) ? e.withSource('creating', m.source) : e;
    }
  }
  const recorded = live.metadata.annotations?.[LAST_APPLIED];
  if (recorded === undefined) c.io.err.write(missingAnnotationWarning(type, name));
  if (o.dryRun === 'client') return printer.print(modified, 'configured');
  const original = recorded ? (JSON.parse(recorded) as Record<string, unknown>) : {};
  const patch = createThreeWayMergePatch(original, modified as Record<string, unknown>, live as Record<string, unknown>);
  if (!Object.keys(patch).length) return printer.print(live, 'unchanged');
  const patched = client.patch(type, ns, name, 'merge', patch, { dryRun: o.dryRun === 'server', fieldValidation: o.validation });
  printer.print(patched, patched.metadata.resourceVersion === live.metadata.resourceVersion ? 'unchanged' : 'configured');
}

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('apply')
      .description('Apply a configuration to a resource by file name or stdin')
      .option('-f, --filename <file>', 'The files that contain the configurations to apply.', collectSlice)
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.')
      .option('-o, --output <format>', 'Output format. One of: (json, yaml, name).')
      .option('--dry-run [strategy]', 'Must be "none", "server", or "client".')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--server-side', 'If true, apply runs in the server instead of the client.')
      .option('--prune', 'Automatically delete resource objects that do not appear in the configs.')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.')
      .option('--force-conflicts', 'If true, server-side apply will force the changes against conflicts.'),
  ).action(
    action(ctx, async (c, args, opts) => {
      if (!opts.filename?.length) throw new CliError('must specify one of -f and -k');
      if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]`, 'apply');
      if (opts.serverSide) throw new CliError('--server-side is not supported by pocketkube yet; use client-side apply');
      if (opts.prune) throw new CliError('--prune is not supported by pocketkube yet');
      const dryRun = parseDryRun(opts.dryRun);
      const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false), dryRun);
      const manifests = await readManifests(opts.filename, !!opts.recursive, c.io);
      const client = c.cluster(dryRun === 'client' ? 'read' : 'write').client;
      const o: ApplyOptions = { dryRun, validation: fieldValidation(opts.validate) };
      const errors: Error[] = [];
      for (const m of manifests) {
        try {
          applyOne(c, client, m, o, printer);
        } catch (e) {
          errors.push(e as Error);
        }
      }
      for (const w of client.takeWarnings()) c.io.err.write(`Warning: ${w}\n`);
      if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    }),
  );
}
