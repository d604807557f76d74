// kubectl get: tables per kind (or -o json|yaml|name), names, selectors, -A, -f.
import { isStatusError, noSuchResource } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { CLIENT_TABLE, TableBuilder, tableFor } from '../../printers/table';
import type { SortField } from '../../printers/sort/sortby';
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { CliError, ExitCode, MultiError, RawError } from '../errors';
import { type OutputFormat, isTable, parseOutput, printStructured, stripManagedFields } from '../flags/output';
import { klogFatal } from '../klog';
import { addGlobalFlags, collectSlice, intFlag } from '../program';
import { type ListRead, type Resolved, type Target, eachSelected } from '../resolve';
import { filenameOption, kustomizeOption, outputOption, recursiveOption, selectorOption } from '../flags/groups';
import { build, checkFilenameFlags } from '../resource/builder';
import { type Verb, verbAction } from '../verb';

export interface GetOptions {
  args: string[];
  output: OutputFormat;
  /** -l and --field-selector as given; the API server parses them. */
  selector: string;
  fieldSelector: string;
  allNamespaces: boolean;
  namespace: string;
  namespaceExplicit: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  labelColumns: string[];
  filenames: string[];
  recursive: boolean;
  /** -k: the objects of a kustomization directory. */
  kustomize?: string;
  ignoreNotFound: boolean;
  showKind: boolean;
  /** --sort-by as given ('' when absent). */
  sortBy: string;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  requestTimeout?: string;
  /** --server-print=false: kubectl's own NAME/AGE table instead of the server's columns. */
  serverPrint: boolean;
  /** --subresource: status (the object itself) or scale (its Scale); the server refuses others. */
  subresource?: string;
}

/** get --raw URI: a request of its own, with what kubectl checks beside it (as given). */
export interface GetRawOptions {
  raw: string;
  args: string[];
  output?: string;
  selector?: string;
  watch: boolean;
  watchOnly: boolean;
}

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

/**
 * Visits what the targets name, target by target (`sink` gives each target's visitor); NotFound
 * errors are collected, the rest printed. Lists are read as `read` says (a table keeps only its
 * rows, and needs only what its columns print).
 */
function fetch(client: Client, o: GetOptions, targets: Target[], errors: Error[], sink: (t: Target) => (obj: KubeObject) => void, read: ListRead): void {
  for (const t of targets) {
    const ns = t.type.namespaced ? (o.allNamespaces && !t.names.length ? undefined : o.namespace) : undefined;
    const visit = sink(t);
    if (t.names.length) {
      for (const [i, name] of t.names.entries()) {
        try {
          const at = t.namespaces?.[i] ?? ns;
          visit(o.subresource ? getSubresource(client, t.type, at, name, o.subresource) : client.get(t.type, at, name));
        } catch (e) {
          if (isStatusError(e, 'NotFound') && o.ignoreNotFound) continue;
          errors.push(e as Error);
        }
      }
    } else {
      eachSelected(client, t.type, ns, o.selector ?? '', o.fieldSelector ?? '', visit, read);
    }
  }
}

/** GET of an object's subresource: its scale, or its status (the object itself, where the kind has one). */
function getSubresource(client: Client, type: ResourceType, namespace: string | undefined, name: string, subresource: string): KubeObject {
  // A kind serves only the subresources discovery lists for it; any other path is the server's 404.
  if (!type.subresources?.some((s) => s.name === subresource)) throw noSuchResource();
  if (subresource === 'scale') return client.getScale(type, namespace, name);
  if (subresource === 'status') return client.get(type, namespace, name);
  throw noSuchResource();
}

/**
 * What the arguments or -f/-k files name, through the resource builder, as targets of one type
 * each (consecutive names of a type together); what failed on the way is reported with the rest.
 */
async function resolveTargets(ctx: CommandContext, o: GetOptions): Promise<Resolved & { errors: Error[] }> {
  const selection = await build(ctx.io, {
    namespace: o.namespace,
    enforceNamespace: o.namespaceExplicit,
    allNamespaces: o.allNamespaces,
    files: { filenames: o.filenames, kustomize: o.kustomize, recursive: o.recursive },
    args: o.args,
    allowEmptySelector: true,
    labelSelector: o.selector,
    fieldSelector: o.fieldSelector,
    latest: true,
    subresource: o.subresource,
  });
  const targets: Target[] = [];
  const errors = selection.errors;
  for (const s of selection.sources) {
    if (s.kind === 'error') errors.push(s.error);
    else if (s.kind === 'list') targets.push({ type: s.type, names: [] });
    else if (!s.info.name) errors.push(new CliError('resource name may not be empty'));
    else {
      const last = targets[targets.length - 1];
      if (last?.type === s.info.type && last.names.length) last.names.push(s.info.name), last.namespaces!.push(s.info.namespace);
      else targets.push({ type: s.info.type, names: [s.info.name], namespaces: [s.info.namespace] });
    }
  }
  return { targets, singleItem: selection.singleItemImplied, errors };
}

function watch(ctx: CommandContext, o: GetOptions, resolved: Resolved): void {
  const { watchGet } = require('../verbs/getwatch') as typeof import('../verbs/getwatch');
  const { namespace, allNamespaces, noHeaders, showLabels, labelColumns, selector, fieldSelector, watchOnly, sortBy, requestTimeout } = o;
  watchGet(ctx, { output: o.output, namespace, allNamespaces, noHeaders, showLabels, labelColumns, selector, fieldSelector, watchOnly, events: o.outputWatchEvents, sortBy, requestTimeout }, resolved.targets);
}

/** Sorting's own failures as kubectl reports them; anything else unchanged. */
function sortFailure(ctx: CommandContext, e: unknown): unknown {
  const { SortError, UnsortableError } = require('../../printers/sort/sortby') as typeof import('../../printers/sort/sortby');
  const { JsonPathError } = require('../../printers/jsonpath') as typeof import('../../printers/jsonpath');
  if (e instanceof UnsortableError) {
    // klog.Exitf: a fatal log line, and the process ends with status 1.
    klogFatal(ctx, e.source, e.message);
    return new ExitCode(1);
  }
  if (e instanceof SortError || e instanceof JsonPathError) return new CliError(e.message);
  return e;
}

/**
 * kubectl's printGeneric: -o json|yaml|name|jsonpath|custom-columns. One named object that
 * failed prints only the error; nothing found with --ignore-not-found prints nothing; otherwise
 * one List of everything found (sorted as a whole with --sort-by), or the one object named.
 */
function printGeneric(ctx: CommandContext, o: GetOptions, client: Client, resolved: Resolved, errors: Error[]): void {
  const all: KubeObject[] = [];
  // A name is in every row a table is printed from (a pod's view): -o name reads no more.
  fetch(client, o, resolved.targets, errors, () => (obj) => all.push(obj), o.output.kind === 'name' && !o.sortBy ? 'table' : 'keep');
  if (resolved.singleItem && errors.length > 0) return;
  if (all.length === 0 && o.ignoreNotFound) return;
  const single = resolved.singleItem && all.length === 1;
  if (o.sortBy && !single) {
    const { SortField, sortByField } = require('../../printers/sort/sortby') as typeof import('../../printers/sort/sortby');
    sortByField(all, SortField.forObjects(o.sortBy), (obj) => obj, 'objects');
  }
  if (o.output.kind !== 'custom-columns') {
    printStructured(ctx.io.out, o.output, all, resolved.singleItem);
    return;
  }
  const { CustomColumnsPrinter } = require('../../printers/customcolumns') as typeof import('../../printers/customcolumns');
  const printed = new CustomColumnsPrinter(o.output.columns, o.noHeaders).print(all.map(stripManagedFields));
  ctx.io.out.write(printed.text);
  if (printed.error) errors.push(new CliError(printed.error.message));
}

/**
 * The human-readable tables, one per kind. With --sort-by, kubectl sorts first the server's Table
 * objects when there are several (one per list, one per named object), which have no field but
 * their kind, apiVersion and metadata — so a sort by any object's field fails there — and then
 * each table's rows, when it has more than one; a table whose rows cannot be sorted is not
 * printed at all (kubectl drops that printer's error).
 */
function printTables(ctx: CommandContext, o: GetOptions, cluster: ReturnType<CommandContext['cluster']>, resolved: Resolved, errors: Error[]): void {
  const sortField = o.sortBy ? tableSortField(o.sortBy) : undefined;
  // A field that does not parse: each table of more than one row fails to sort, and is dropped.
  const unsortable = !!o.sortBy && !sortField;
  const opts = { now: cluster.now(), wide: o.output.kind === 'wide', noHeaders: o.noHeaders, showLabels: o.showLabels, labelColumns: o.labelColumns, sortField };
  const tables: { table: TableBuilder; listed: boolean }[] = [];
  fetch(cluster.client, o, resolved.targets, errors, (t) => {
    const def = !o.serverPrint ? CLIENT_TABLE : tableFor(o.subresource === 'scale' ? 'Scale' : t.type.kind);
    const table = new TableBuilder(def, { ...opts, withNamespace: o.allNamespaces && t.type.namespaced });
    tables.push({ table, listed: !t.names.length });
    return (obj) => table.add(obj);
    // --sort-by may name any field: the rows then come from whole objects.
  }, o.sortBy ? 'once' : 'table');
  if (o.sortBy) sortTableObjects(o.sortBy, tables.reduce((n, t) => n + (t.listed ? 1 : t.table.size), 0));
  // Names carry their kind when what was found spans several kinds (kubectl's multipleGVKsRequested).
  const withKind = o.showKind || tables.filter((t) => t.table.size).length > 1;
  let printed = 0;
  for (const { table, listed } of tables) {
    if (listed && o.sortBy && (unsortable ? table.size > 1 : !sortedOrDropped(table))) continue;
    const text = table.render(withKind);
    if (!text) continue;
    if (printed++ > 0 && !o.noHeaders) ctx.io.out.write('\n');
    ctx.io.out.write(text);
  }
  if (!printed && !errors.length && !o.ignoreNotFound) {
    const namespaced = resolved.targets.every((t) => t.type.namespaced);
    ctx.io.err.write(namespaced && !o.allNamespaces ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n');
  }
}

function tableSortField(sortBy: string): SortField | undefined {
  const { SortField, SortError } = require('../../printers/sort/sortby') as typeof import('../../printers/sort/sortby');
  try {
    return SortField.forTable(sortBy);
  } catch (e) {
    if (e instanceof SortError) return undefined;
    throw e;
  }
}

/** kubectl's RuntimeSorter over several Table objects (each is {apiVersion, kind, metadata} to a JSONPath). */
function sortTableObjects(sortBy: string, count: number): void {
  if (count < 2) return;
  const { SortField, sortByField } = require('../../printers/sort/sortby') as typeof import('../../printers/sort/sortby');
  const tableObjects = Array.from({ length: count }, () => ({ apiVersion: 'meta.k8s.io/v1', kind: 'Table', metadata: {} }));
  // They are alike, so the order they print in stays as it is.
  sortByField(tableObjects, SortField.forObjects(sortBy), (t) => t, 'objects');
}

/** A listed table sorted by its rows; false when the sort failed and kubectl prints nothing of it. */
function sortedOrDropped(table: TableBuilder): boolean {
  const { SortError } = require('../../printers/sort/sortby') as typeof import('../../printers/sort/sortby');
  try {
    table.sortRows();
    return true;
  } catch (e) {
    if (e instanceof SortError) return false;
    throw e;
  }
}

const getVerb: Verb<GetOptions | GetRawOptions> = {
  complete(ctx, args, o) {
    // --raw is a request of its own: nothing else of get is read or checked before it.
    if (o.raw !== undefined) return { raw: o.raw, args, output: o.output, selector: o.selector, watch: !!o.watch, watchOnly: !!o.watchOnly };
    const output = parseOutput(o.output, true, o);
    if (o.showLabels && !isTable(output)) throw new CliError(`--show-labels option cannot be used with ${o.output} printer`);
    return {
      args,
      output,
      selector: o.selector ?? '',
      fieldSelector: o.fieldSelector ?? '',
      allNamespaces: !!o.allNamespaces,
      namespace: ctx.namespace(),
      namespaceExplicit: ctx.namespaceExplicit,
      showLabels: !!o.showLabels,
      noHeaders: o.headers === false,
      labelColumns: o.labelColumns ?? [],
      filenames: o.filename ?? [],
      recursive: !!o.recursive,
      kustomize: o.kustomize,
      ignoreNotFound: !!o.ignoreNotFound,
      showKind: !!o.showKind,
      sortBy: o.sortBy ?? '',
      watch: !!o.watch,
      watchOnly: !!o.watchOnly,
      outputWatchEvents: !!o.outputWatchEvents,
      requestTimeout: o.requestTimeout,
      serverPrint: o.serverPrint !== false,
      subresource: o.subresource || undefined,
    };
  },

  validate(o) {
    if ('raw' in o) {
      const { validateRaw } = require('../verbs/raw') as typeof import('../verbs/raw');
      return validateRaw(o.raw, o.args, o);
    }
    // The manifest reader loads only for -k (a plain get never pays for it).
    checkFilenameFlags({ filenames: o.filenames, kustomize: o.kustomize, recursive: o.recursive });
    if (!o.args.length && !o.filenames.length && !o.kustomize) throw new RawError(NO_TYPE);
    if ((o.filenames.length || o.kustomize) && o.args.length) throw new CliError('Unexpected args: [' + o.args.join(' ') + ']', 'get');
    if (o.outputWatchEvents && !(o.watch || o.watchOnly)) throw new CliError('--output-watch-events option can only be used with --watch or --watch-only');
  },

  async run(ctx, o) {
    if ('raw' in o) {
      const { runRaw } = require('../verbs/raw') as typeof import('../verbs/raw');
      return runRaw(ctx, o.raw);
    }
    const resolved = await resolveTargets(ctx, o);
    if (o.watch || o.watchOnly) {
      if (resolved.errors.length) throw resolved.errors.length === 1 ? resolved.errors[0] : new MultiError(resolved.errors);
      try {
        return watch(ctx, o, resolved);
      } catch (e) {
        throw sortFailure(ctx, e);
      }
    }
    const cluster = ctx.cluster('read');
    const errors: Error[] = [...resolved.errors];
    try {
      if (isTable(o.output)) printTables(ctx, o, cluster, resolved, errors);
      else printGeneric(ctx, o, cluster.client, resolved, errors);
    } catch (e) {
      throw sortFailure(ctx, e);
    }
    if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('get')
      .description('Display one or many resources')
      .argument('[args...]')
      .addOption(outputOption('Output format.'))
      .addOption(selectorOption())
      .option('--field-selector <selector>', 'Selector (field query) to filter on.')
      .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces.')
      .option('--show-labels', 'When printing, show all labels as the last column.')
      .option('--no-headers', "When using the default or custom-column output format, don't print headers.")
      .option('-L, --label-columns <keys>', 'Accepts a comma separated list of labels that are going to be presented as columns.', collectSlice)
      .addOption(filenameOption('Filename, directory, or URL to files identifying the resource to get from a server.'))
      .addOption(recursiveOption())
      .addOption(kustomizeOption())
      .option('--ignore-not-found', 'If the requested object does not exist the command will return exit code 0.')
      .option('--show-kind', 'If present, list the resource type for the requested object(s).')
      .option('-w, --watch', 'After listing/getting the requested object, watch for changes.')
      .option('--watch-only', 'Watch for changes to the requested object(s), without listing/getting first.')
      .option('--output-watch-events', 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.')
      .option('--server-print', 'If true, have the server return the appropriate table output.', true)
      .option('--subresource <name>', 'If specified, gets the subresource of the requested object. Must be one of [status scale].')
      .option('--raw <uri>', 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.')
      .option('--sort-by <jsonpath>', "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.")
      .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once.', intFlag(), 500),
  ).action(verbAction(ctx, getVerb));
}
