// kubectl apply (client-side): create what is missing, otherwise patch the live object with the
// three-way merge of the last-applied configuration, the manifest and the live object; with
// --prune, then deletes what was applied before and is no longer (verbs/prune.ts). Its
// subcommands (view-, set- and edit-last-applied) are in apply/.
import type { Command } from '../command';
import { isStatusError } from '../../api/errors';
import { LAST_APPLIED, applyPatch, withLastApplied } from '../../api/patch/apply';
import { type ResourceType, kindDef } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { canonicalJson } from '../../api/meta/canonical';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { type DryRun, MutationPrinter, type OutputFormat, parseDryRun, parseOutput } from '../flags/output';
import { addGlobalFlags, collect, intFlag } from '../program';
import { type Verb, verbAction } from '../verb';
import { fieldValidation } from '../flags/validate';
import { addRecordFlag, recordOption, withChangeCause } from '../record';
import { parseCascade } from '../flags/cascade';
import { klogWarning } from '../klog';
import { parsePruneAllowlist, prune } from '../verbs/prune';
import { registerLastApplied } from './apply/index';
import { addWaitFlags, dryRunOption, filenameFlagsOf, filenameOption, kustomizeOption, outputOption, recursiveOption, selectorOption } from '../flags/groups';
import { type FilenameFlags, type Visited, checkFilenameFlags, select } from '../resource/builder';

function missingAnnotationWarning(type: { resource: string; group: string }, name: string): string {
  const res = type.group ? `${type.resource}.${type.group}` : type.resource;
  return `Warning: resource ${res}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

interface ApplyRun {
  dryRun: DryRun;
  /** --record's change cause. */
  changeCause?: string;
  validation: ReturnType<typeof fieldValidation>;
  /** Reports one object's outcome ("created", "configured", "unchanged") as it happens. */
  report: (obj: KubeObject, operation: string) => void;
  /** --force: a patch the server refuses as a conflict or invalid deletes and re-creates the object. */
  force?: ForceReplace;
  /** For --prune: the namespaces visited and the UIDs of the objects applied. */
  visitedNamespaces: Set<string>;
  visitedUids: Set<string | undefined>;
}

/** Resource and kind as kubectl's Info.String() names them ("/v1, Resource=pods"). */
function infoText(type: ResourceType, obj: KubeObject, namespace: string | undefined): string {
  const gv = `${type.group}/${type.version}`;
  return `Resource: "${gv}, Resource=${type.resource}", GroupVersionKind: "${gv}, Kind=${type.kind}"\nName: ${JSON.stringify(obj.metadata.name ?? '')}, Namespace: ${JSON.stringify(namespace ?? '')}`;
}

/** Applies one object; returns it as kubectl last saw it (what -o json|yaml prints). */
function applyOne(c: CommandContext, client: Client, info: Visited, o: ApplyRun): KubeObject {
  const { type, namespace: ns, source } = info;
  if (ns !== undefined) o.visitedNamespaces.add(ns);
  const manifest = withChangeCause(info.obj, o.changeCause);
  const name = manifest.metadata.name;
  if (!name) {
    if (manifest.metadata.generateName) throw new CliError(`from ${manifest.metadata.generateName}: cannot use generate name with apply`);
    throw new CliError(`error when retrieving current configuration of:\n${infoText(type, manifest, ns)}\nfrom server for: ${JSON.stringify(source)}: resource name may not be empty`);
  }
  const modified = withLastApplied(manifest);
  const live = client.tryGet(type, ns, name);
  if (!live) {
    let created = modified;
    if (o.dryRun !== 'client') {
      try {
        created = client.create(type, modified, { dryRun: o.dryRun === 'server', fieldValidation: o.validation });
      } catch (e) {
        throw isStatusError(e) ? e.withSource('creating', source!) : e;
      }
    }
    o.visitedUids.add(created.metadata.uid);
    o.report(created, 'created');
    return created;
  }
  o.visitedUids.add(live.metadata.uid);
  // A client-side dry run stops here, with the object as read: kubectl neither warns nor computes the patch.
  if (o.dryRun === 'client') {
    o.report(live, 'configured');
    return live;
  }
  if (live.metadata.annotations?.[LAST_APPLIED] === undefined) c.io.err.write(missingAnnotationWarning(type, name));
  const { patch, type: patchType } = applyPatch(live, modified, kindDef(type).strategy.schemaType);
  if (!Object.keys(patch).length) {
    o.report(live, 'unchanged');
    return live;
  }
  let patched: KubeObject;
  try {
    patched = client.patch(type, ns, name, patchType, patch, { dryRun: o.dryRun === 'server', fieldValidation: o.validation });
  } catch (e) {
    if (o.force && (isStatusError(e, 'Conflict') || isStatusError(e, 'Invalid'))) {
      const recreated = deleteAndCreate(client, type, live, modified, o.force);
      o.report(recreated, 'configured');
      return recreated;
    }
    // kubectl names the file twice: once for the patch it sent, once for the request.
    if (!isStatusError(e)) throw e;
    throw e.withSource('patching', source!).withSource(`applying patch:\n${canonicalJson(patch)}\nto:\n${infoText(type, manifest, ns)}\nfor:`, source!);
  }
  o.report(patched, 'configured');
  return patched;
}

interface ForceReplace {
  gracePeriod: number;
  propagationPolicy: ReturnType<typeof parseCascade>;
  /** Runs the cluster until the deleted object is gone or --timeout passes; whether it is gone. */
  waitGone: (type: ResourceType, namespace: string | undefined, name: string) => boolean;
}

/**
 * kubectl's Patcher.deleteAndCreate: delete, wait for the object to be gone (within --timeout,
 * checked at once when it is 0), create what the file says; if that fails, put the original back.
 */
function deleteAndCreate(client: Client, type: ResourceType, live: KubeObject, modified: KubeObject, f: ForceReplace): KubeObject {
  const { namespace, name } = live.metadata as { namespace?: string; name: string };
  client.delete(type, namespace, name, { propagationPolicy: f.propagationPolicy, gracePeriodSeconds: f.gracePeriod >= 0 ? f.gracePeriod : undefined });
  if (!f.waitGone(type, namespace, name)) throw new CliError('context deadline exceeded');
  try {
    return client.create(type, modified);
  } catch (e) {
    const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, ...meta } = live.metadata;
    try {
      client.create(type, { ...live, metadata: meta });
    } catch (again) {
      throw new CliError(
        `An error occurred force-replacing the existing object with the newly provided one:\n\n${(e as Error).message}.\n\nAdditionally, an error occurred attempting to restore the original object:\n\n${(again as Error).message}`,
      );
    }
    throw e;
  }
}

export interface ApplyOptions {
  files: FilenameFlags;
  selector: string;
  all: boolean;
  dryRun: DryRun;
  changeCause?: string;
  propagationPolicy: ReturnType<typeof parseCascade>;
  validation: ReturnType<typeof fieldValidation>;
  prune: boolean;
  allowlist: ReturnType<typeof parsePruneAllowlist>;
  serverSide: boolean;
  forceConflicts: boolean;
  force: boolean;
  gracePeriod: number;
  /** --timeout in milliseconds, for --force's deletions. */
  timeout: number;
  subresource?: string;
  /** The printer's format, made once the flags are valid. */
  output: () => OutputFormat;
}

const applyVerb: Verb<ApplyOptions> = {
  complete(c, args, f, cmd) {
    if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]`, 'apply');
    const dryRun = parseDryRun(c, f.dryRun);
    const changeCause = recordOption(c, cmd, f.record);
    const propagationPolicy = parseCascade(c, f.cascade);
    const files = filenameFlagsOf(f);
    checkFilenameFlags(files);
    if (!files.filenames.length && !files.kustomize) throw new CliError('must specify one of -f and -k');
    const validation = fieldValidation(f.validate);
    return {
      files,
      selector: f.selector ?? '',
      all: !!f.all,
      dryRun,
      changeCause,
      propagationPolicy,
      validation,
      prune: !!f.prune,
      allowlist: f.prune ? parsePruneAllowlist(f.pruneAllowlist ?? []) : [],
      serverSide: !!f.serverSide,
      forceConflicts: !!f.forceConflicts,
      force: !!f.force,
      gracePeriod: f.gracePeriod,
      timeout: f.timeout,
      subresource: f.subresource,
      output: () => parseOutput(f.output, false, f),
    };
  },

  validate(o) {
    validate(o);
    if (o.serverSide) throw new CliError('--server-side is not supported by pocketkube yet; use client-side apply');
  },

  async run(c, f) {
    const { dryRun, changeCause, propagationPolicy, validation, allowlist } = f;
    const format = f.output();
    const printer = new MutationPrinter(c.io.out, format, dryRun);
    // With -o json|yaml kubectl prints every object once all are applied (several as a List).
    const atEnd = format.kind === 'json' || format.kind === 'yaml';
    // -l applies only the objects whose labels (in the file) match; all are read before any is applied.
    const selection = await select(c, [], { files: f.files, selector: f.selector }, { validate: validation !== 'Ignore' });
    const objects = selection.infos(undefined);
    const errors = selection.errors;
    if (!objects.length && !errors.length) throw new CliError('no objects passed to apply');
    const cluster = c.cluster(dryRun === 'client' ? 'read' : 'write');
    const client = cluster.client;
    const timeout = f.timeout;
    const o: ApplyRun = {
      force: f.force
        ? {
            gracePeriod: f.gracePeriod,
            propagationPolicy,
            waitGone(type, ns, name) {
              const gone = () => !client.tryGet(type, ns, name);
              cluster.converge();
              return gone() || (timeout > 0 && cluster.advanceTo(cluster.now() + timeout, gone) && gone());
            },
          }
        : undefined,
      dryRun,
      validation,
      changeCause,
      report: (obj, op) => !atEnd && printer.print(obj, op),
      // An explicit -n is visited whatever the objects' namespaces.
      visitedNamespaces: new Set(c.namespaceExplicit ? [c.namespace()] : []),
      visitedUids: new Set(),
    };
    const applied: KubeObject[] = [];
    for (const info of objects) {
      try {
        applied.push(applyOne(c, client, info, o));
      } catch (e) {
        errors.push(e as Error);
      }
    }
    c.serverWarning(...client.takeWarnings());
    if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    if (atEnd && applied.length) printer.printAll(applied);
    if (!f.prune) return;
    if (!allowlist.length)
      klogWarning(
        c,
        'prune.go:71',
        'Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.',
      );
    prune(client, {
      allowlist,
      selector: f.selector,
      visitedUids: o.visitedUids,
      visitedNamespaces: [...o.visitedNamespaces],
      local: dryRun === 'client',
      serverDryRun: dryRun === 'server',
      propagationPolicy,
      gracePeriod: f.gracePeriod,
      // Each pruned object gets a printer of its own, as kubectl makes one per object.
      pruned: (obj) => new MutationPrinter(c.io.out, format, dryRun).print(obj, 'pruned'),
    });
    c.serverWarning(...client.takeWarnings());
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    program
      .command('apply')
      .description('Apply a configuration to a resource by file name or stdin')
      .addOption(filenameOption('The files that contain the configurations to apply.'))
      .addOption(recursiveOption())
      .addOption(kustomizeOption())
      .addOption(outputOption())
      .addOption(dryRunOption())
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--server-side', 'If true, apply runs in the server instead of the client.')
      .option('--prune', 'Automatically delete resource objects that do not appear in the configs.')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.')
      .option('--force-conflicts', 'If true, server-side apply will force the changes against conflicts.')
      .addOption(selectorOption())
      .option('--all', 'Select all resources in the namespace of the specified resource types.')
      .option('--prune-allowlist <gvk>', 'Overwrite the default allowlist with <group/version/kind> for --prune', collect)
      .option('--cascade [policy]', 'Must be "background", "orphan", or "foreground".', 'background')
      .option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully.', intFlag(), -1)
      .option('--force', 'If true, immediately remove resources from API and bypass graceful deletion.')
      .option('--overwrite', 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration', true)
      .option('--openapi-patch', 'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec.', true)
      .option('--subresource <name>', 'If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side.')
      .subcommandsFirst(),
  );
  addWaitFlags(cmd, { wait: false, timeout: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' });
  registerLastApplied(cmd, ctx);
  addRecordFlag(cmd).action(verbAction(ctx, applyVerb));
}

/** kubectl's ApplyOptions.Validate, for the flags pocketkube has. */
function validate(opts: ApplyOptions): void {
  const { dryRun } = opts;
  if (opts.forceConflicts && !opts.serverSide) throw new CliError('--force-conflicts only works with --server-side');
  if (dryRun === 'client' && opts.serverSide) throw new CliError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (opts.serverSide && opts.force) throw new CliError('--force cannot be used with --server-side');
  if (dryRun === 'server' && opts.force) throw new CliError('--dry-run=server cannot be used with --force');
  if (opts.all && opts.selector) throw new CliError('cannot set --all and --selector at the same time');
  if (opts.prune) {
    // Recreating objects while pruning would change the UIDs pruning goes by.
    if (opts.force) throw new CliError('--force cannot be used with --prune');
    if (!opts.all && !opts.selector)
      throw new CliError(
        'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
      );
    if (opts.serverSide) throw new CliError("--prune is in alpha and doesn't currently work on objects created by server-side apply");
  }
  if (opts.subresource && !opts.serverSide) throw new CliError('--subresource can only be specified for --server-side');
}

