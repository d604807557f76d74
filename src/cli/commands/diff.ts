// kubectl diff: what `kubectl apply -f` would change, as a unified diff of the live objects and
// the objects a dry-run apply returns, each written as YAML into a LIVE and a MERGED directory
// and compared by the diff program. Exit 0: no differences, 1: differences, >1: an error.
import type { Command } from '../command';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAST_APPLIED, applyPatch } from '../../api/patch/apply';
import { hasOwn } from '../../api/meta/own';
import { type ResourceType, kindDef } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { toYaml } from '../../printers/yaml';
import type { CommandContext } from '../context';
import { makeTempDir, runDiff } from '../diffprogram';
import { CliError, ExitCode, RawError, errorText, exitCodeOf } from '../errors';
import { addGlobalFlags, collectSlice, intFlag, onFlagError } from '../program';
import { type Verb, verbAction } from '../verb';
import { filenameFlagsOf, filenameOption, kustomizeOption, recursiveOption, selectorOption } from '../flags/groups';
import { type FilenameFlags, checkFilenameFlags, select } from '../resource/builder';

const MASK = { same: '***', before: '*** (before)', after: '*** (after)' };

/** The file name of an object in both directories: "[group.]version.Kind.namespace.name". */
function fileName(type: ResourceType, namespace: string | undefined, name: string): string {
  return `${type.group ? `${type.group}.` : ''}${type.version}.${type.kind}.${namespace ?? ''}.${name}`;
}

/** GetModifiedConfiguration without the annotation: the manifest as apply would send it. */
function modifiedConfiguration(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  return { ...obj, metadata: { ...obj.metadata, annotations } };
}

/** What a client-side apply would leave: a dry-run create, or a dry-run patch (none if empty). */
function merged(client: Client, type: ResourceType, local: KubeObject, live: KubeObject | undefined): KubeObject {
  const ns = local.metadata.namespace;
  if (!live) return client.create(type, local, { dryRun: true });
  const { patch, type: patchType } = applyPatch(live, modifiedConfiguration(local), kindDef(type).strategy.schemaType);
  if (!Object.keys(patch).length) return live;
  return client.patch(type, ns, local.metadata.name!, patchType, patch, { dryRun: true });
}

function withoutManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _m, ...metadata } = obj.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return { ...obj, metadata };
}

/** Secrets' values never reach the diff: only whether each key changed. */
function maskSecretData(from: KubeObject | undefined, to: KubeObject): [KubeObject | undefined, KubeObject] {
  const a = { ...((from as { data?: Record<string, string> } | undefined)?.data ?? {}) };
  const b = { ...((to as { data?: Record<string, string> }).data ?? {}) };
  for (const k of Object.keys(a)) {
    if (hasOwn(b, k)) {
      if (a[k] !== b[k]) {
        a[k] = MASK.before;
        b[k] = MASK.after;
        continue;
      }
      b[k] = MASK.same;
    }
    a[k] = MASK.same;
  }
  for (const k of Object.keys(b)) if (!hasOwn(a, k)) b[k] = MASK.same;
  const set = (o: KubeObject, data: Record<string, string>) => ('data' in o ? { ...o, data } : o);
  return [from && set(from, a), set(to, b)];
}

export interface DiffOptions {
  args: string[];
  files: FilenameFlags;
  selector: string;
  serverSide: boolean;
  forceConflicts: boolean;
  prune: boolean;
  showManagedFields: boolean;
}

const diffVerb: Verb<DiffOptions> = {
  complete: (_c, args, f) => ({
    args,
    files: filenameFlagsOf(f),
    selector: f.selector ?? '',
    serverSide: !!f.serverSide,
    forceConflicts: !!f.forceConflicts,
    prune: !!f.prune,
    showManagedFields: !!f.showManagedFields,
  }),

  validate(o) {
    if (o.args.length) throw new CliError(`Unexpected args: [${o.args.join(' ')}]`, 'diff');
    checkFilenameFlags(o.files);
    if (!o.files.filenames.length && !o.files.kustomize) throw new CliError('must specify one of -f and -k');
    if (o.forceConflicts && !o.serverSide) throw new CliError('--force-conflicts only works with --server-side');
    if (o.serverSide) throw new CliError('--server-side is not supported by pocketkube yet; diff uses client-side apply');
    if (o.prune) throw new CliError('--prune is not supported by pocketkube yet');
  },

  run: diffAgainstLive,

  // diff's errors exit one higher than other commands' (cmdutil.CheckDiffErr); its own exit code passes.
  failure: (e) => (e instanceof ExitCode ? e : new RawError(errorText(e), exitCodeOf(e) + 1)),
};

async function diffAgainstLive(c: CommandContext, opts: DiffOptions): Promise<void> {
  // Without ContinueOnError: the first unreadable document ends the command before any diff.
  const selection = await select(c, [], { files: opts.files, selector: opts.selector });
  const client = c.cluster('read').client;
  const live = makeTempDir(c.env, 'LIVE');
  const after = makeTempDir(c.env, 'MERGED');
  try {
    selection.visit(client, ({ type, namespace: ns, name, obj: local }) => {
      const current = client.tryGet(type, ns, name);
      let from = current;
      let to = merged(client, type, local, current);
      if (!opts.showManagedFields) {
        from = from && withoutManagedFields(from);
        to = withoutManagedFields(to);
      }
      if (type.group === '' && type.kind === 'Secret') [from, to] = maskSecretData(from, to);
      const file = fileName(type, ns, name);
      fs.writeFileSync(path.join(live, file), from ? toYaml(from) : '', { mode: 0o700 });
      fs.writeFileSync(path.join(after, file), toYaml(to), { mode: 0o700 });
      if (current?.metadata.deletionTimestamp) c.io.err.write(`Warning: Detected changes to resource ${name} which is currently being deleted.\n`);
    }, { failFast: true });
    c.serverWarning(...client.takeWarnings());
    if (runDiff(c.io, c.env, live, after) === 1) throw new ExitCode(1);
  } finally {
    fs.rmSync(live, { recursive: true, force: true });
    fs.rmSync(after, { recursive: true, force: true });
  }
}

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    program
      .command('diff')
      .description('Diff the live version against a would-be applied version')
      .argument('[args...]')
      .addOption(filenameOption('Filename, directory, or URL to files contains the configuration to diff'))
      .addOption(recursiveOption())
      .addOption(kustomizeOption())
      .addOption(selectorOption())
      .option('--server-side', 'If true, apply runs in the server instead of the client.')
      .option('--force-conflicts', 'If true, server-side apply will force the changes against conflicts.')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.', 'kubectl-client-side-apply')
      .option('--show-managed-fields', 'If true, include managed fields in the diff.')
      .option('--concurrency <n>', 'Number of objects to process in parallel when diffing against the live version.', intFlag(), 1)
      .option('--prune', 'Include resources that would be deleted by pruning.')
      .option('--prune-allowlist <gvk>', 'Overwrite the default allowlist with <group/version/kind> for --prune', collectSlice),
  );
  // diff's errors, flag errors included, exit one higher than other commands' (cmdutil.CheckDiffErr).
  onFlagError(cmd, (message) => new RawError(`error: ${message}\nSee 'kubectl diff -h' for help and examples\n`, 2));
  cmd.action(verbAction(ctx, diffVerb));
}
