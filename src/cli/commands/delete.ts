// kubectl delete: by name, kind/name, -f, -l or --all, with cascading policies and waiting.
import type { Command } from '../command';
import { isStatusError } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { type DryRun, dryRunSuffix, parseDryRun } from '../flags/output';
import { parseCascade } from '../flags/cascade';
import { kindPrefix } from '../../printers/name';
import { addGlobalFlags } from '../program';
import { type FilenameFlags, select } from '../resource/builder';
import { type Verb, verbAction } from '../verb';
import { runRawWrite, validateRawWrite } from '../verbs/raw';
import { addDeleteFlags, dryRunOption, filenameFlagsOf, outputOption, selectorOption } from '../flags/groups';

/** How long a delete waits for its objects to go when no --timeout is given (kubectl: a week). */
const WAIT_LIMIT_MS = 3_600_000;

/** `deployment.apps "web" deleted` — quoted name, unlike other verbs. */
export function deletedLine(type: ResourceType, name: string, force: boolean, dryRun: DryRun): string {
  const res = type.group ? `${type.kind.toLowerCase()}.${type.group}` : type.kind.toLowerCase();
  return `${res} ${JSON.stringify(name)} ${force ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}\n`;
}

interface Item {
  type: ResourceType;
  namespace?: string;
  name: string;
  source?: string;
}

/**
 * -i: the objects about to go, and the user's answer (the first word on standard input; "y" in
 * any case goes on). Says why it stops when it does.
 */
async function confirmed(c: CommandContext, items: readonly Item[], errors: readonly Error[]): Promise<boolean> {
  if (errors.length) throw errors[0];
  if (!items.length) {
    c.io.out.write('No resources found\n');
    return false;
  }
  c.io.out.write(`You are about to delete the following ${items.length} resource(s):\n`);
  for (const { type, name } of items) c.io.out.write(`${type.kind.toLowerCase()}${type.group ? '.' + type.group : ''}/${name}\n`);
  c.io.out.write('Do you want to continue? (y/n): ');
  const answer = (await c.io.readStdin()).trim().split(/\s+/)[0];
  if (answer.toLowerCase() === 'y') return true;
  c.io.out.write('deletion is cancelled\n');
  return false;
}

export interface DeleteOptions {
  args: string[];
  files: FilenameFlags;
  selector: string;
  fieldSelector: string;
  all: boolean;
  allNamespaces: boolean;
  /** -o name, or '' for kubectl's "deleted" lines. */
  output: string;
  /** --grace-period after --now and --force have had their say (-1: the object's own). */
  gracePeriod: number;
  /** --now as given, and the --grace-period given beside it. */
  now: boolean;
  givenGracePeriod: number;
  force: boolean;
  cascade: ReturnType<typeof parseCascade>;
  dryRun: DryRun;
  wait: boolean;
  /** --timeout in milliseconds (0: an hour of cluster time). */
  timeout: number;
  ignoreNotFound: boolean;
  interactive: boolean;
  /** --raw: the path DELETE is sent to, with the one -f file's bytes (if any) as its body; nothing else is read. */
  raw?: string;
}

const deleteVerb: Verb<DeleteOptions> = {
  complete(c, args, f) {
    // kubectl's DeleteFlags.ToOptions and Complete: --now is a grace period of 1, --force without
    // one is 0, and a grace period of 0 without --force means 1.
    let grace: number = f.gracePeriod;
    if (f.now && grace === -1) grace = 1;
    if (grace === 0 && !f.force) grace = 1;
    if (f.force && grace < 0) grace = 0;
    return {
      args,
      files: filenameFlagsOf(f),
      selector: f.selector ?? '',
      fieldSelector: f.fieldSelector ?? '',
      all: !!f.all,
      allNamespaces: !!f.allNamespaces,
      output: f.output ?? '',
      gracePeriod: grace,
      now: !!f.now,
      givenGracePeriod: f.gracePeriod,
      force: !!f.force,
      cascade: parseCascade(c, f.cascade),
      dryRun: parseDryRun(c, f.dryRun),
      wait: f.wait !== false,
      timeout: f.timeout ?? 0,
      ignoreNotFound: !!f.ignoreNotFound,
      interactive: !!f.interactive,
      raw: f.raw || undefined,
    };
  },

  validate(o) {
    if (o.output && o.output !== 'name') throw new CliError(`unexpected -o output mode: ${o.output}. We only support '-o name'`);
    if (o.all && o.selector) throw new CliError('cannot set --all and --selector at the same time');
    if (o.all && o.fieldSelector) throw new CliError('cannot set --all and --field-selector at the same time');
    if (o.now && o.givenGracePeriod !== -1) throw new CliError('--now and --grace-period cannot be specified together');
    if (o.force && o.givenGracePeriod > 0) throw new CliError('--force and --grace-period greater than 0 cannot be specified together');
    if (o.raw !== undefined) {
      if (o.interactive) throw new CliError('--interactive can not be used with --raw');
      validateRawWrite(o.raw, { filenames: o.files.filenames, recursive: o.files.recursive, output: o.output, bodyOptional: true });
      return;
    }
    if ((o.files.filenames.length || o.files.kustomize) && o.args.length) throw new CliError(`Unexpected args: [${o.args.join(' ')}]`, 'delete');
  },

  async run(c, o) {
    if (o.raw !== undefined) return runRawWrite(c, 'DELETE', { uri: o.raw, file: o.files.filenames[0] });
    const collection = !!(o.all || o.selector || o.fieldSelector);
    // RequireObject(false): named objects are deleted by name, without reading them first.
    const selection = await select(c, o.args, { files: o.files, selector: o.selector, fieldSelector: o.fieldSelector, allNamespaces: o.allNamespaces }, { selectAll: o.all, requireObject: false });
    const cluster = c.cluster(o.dryRun === 'client' ? 'read' : 'write');
    const client = cluster.client;
    const items: Item[] = [];
    for (const info of selection.named(client)) {
      if (!info.name && info.source) selection.errors.push(new CliError(`error when deleting ${JSON.stringify(info.source)}: resource name may not be empty`));
      else items.push(info);
    }
    const readErrors = selection.errors;
    if (!items.length && !readErrors.length && (collection || o.files.filenames.length || o.files.kustomize)) {
      c.io.out.write('No resources found\n');
      return;
    }
    const immediate = o.force && o.gracePeriod === 0;
    if (immediate)
      c.io.err.write(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    if (o.interactive && !(await confirmed(c, items, readErrors))) return;
    const errors: Error[] = [...readErrors];
    const deleted: { item: Item; uid?: string }[] = [];
    for (const item of items) {
      try {
        let obj: KubeObject;
        if (o.dryRun === 'client') obj = client.get(item.type, item.namespace, item.name);
        else
          obj = client.delete(item.type, item.namespace, item.name, {
            propagationPolicy: o.cascade,
            gracePeriodSeconds: o.gracePeriod >= 0 ? o.gracePeriod : undefined,
            dryRun: o.dryRun === 'server',
          });
        deleted.push({ item, uid: obj.metadata.uid });
        c.io.out.write(o.output === 'name' ? `${kindPrefix(obj.apiVersion, obj.kind)}/${item.name}\n` : deletedLine(item.type, item.name, immediate, o.dryRun));
      } catch (e) {
        if (isStatusError(e, 'NotFound') && (o.ignoreNotFound || collection)) continue;
        errors.push(isStatusError(e) && item.source ? e.withSource('deleting', item.source) : (e as Error));
      }
    }
    // --wait: let the controllers finish (finalizers, cascading) and, for what takes time
    // (a container that ignores SIGTERM holds its pod for the grace period), the clock run on
    // until the objects are gone or --timeout passes (an hour of cluster time without one).
    if (o.wait && o.dryRun === 'none' && deleted.length) {
      cluster.converge();
      const gone = () => deleted.every(({ item, uid }) => cluster.client.tryGet(item.type, item.namespace, item.name)?.metadata.uid !== uid);
      if (!gone()) cluster.advanceTo(cluster.now() + (o.timeout > 0 ? o.timeout : WAIT_LIMIT_MS), gone);
    }
    if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const cmd = program.command('delete');
  addDeleteFlags(cmd, { filename: 'containing the resource to delete.', wait: true });
  addGlobalFlags(
    cmd
      .description('Delete resources by file names, stdin, resources and names, or by resources and label selector')
      .argument('[args...]')
      .addOption(selectorOption())
      .option('--field-selector <selector>', 'Selector (field query) to filter on.')
      .option('--all', 'Delete all resources, in the namespace of the specified resource types.')
      .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces.')
      .option('--now', 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).')
      .option('--ignore-not-found', 'Treat "resource not found" as a successful delete.')
      .option('-i, --interactive', 'If true, delete resource only when user confirms.')
      .option('--raw <uri>', 'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.')
      .addOption(dryRunOption())
      .addOption(outputOption('Output mode. Use "-o name" for shorter output (resource/name).')),
  ).action(verbAction(ctx, deleteVerb));
}
