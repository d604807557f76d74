// kubectl events: a namespace's events (or every namespace's), of some types, about one object,
// oldest first in kubectl's own table; -w then prints each event as it happens while the
// cluster's clock moves on (as `wait` moves it), until nothing is left to happen or
// --request-timeout runs out.
import { resolveResource } from '../../api/registry';
import { event as eventKind } from '../../api/kinds/event';
import type { Event, KubeObject } from '../../api/types';
import { eventLines, sortEvents } from '../../printers/events';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter';
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { CliError, RawError } from '../errors';
import { MutationPrinter, type OutputFormat, parseOutput, printTypedList } from '../flags/output';
import { parseRequestTimeout, requestDeadline } from '../flags/timeout';
import { addGlobalFlags, collectSlice, intFlag } from '../program';
import { untilWithSync } from '../watch';
import { outputOption } from '../flags/groups';
import { type Verb, verbAction } from '../verb';

interface EventsOptions {
  namespace: string;
  allNamespaces: boolean;
  watch: boolean;
  /** --for as a field selector on the involved object. */
  fieldSelector?: string;
  /** --types, each once, sorted. */
  types: string[];
  /** -o; without it, kubectl's own table. */
  output?: OutputFormat;
  noHeaders: boolean;
  /** -w ends here (cluster time) when --request-timeout is given. */
  requestTimeout?: string;
}

/** kubectl's decodeResourceTypeName: TYPE/NAME to the involved object's kind and name. */
function forSelector(value: string): string {
  if (!value.includes('/')) throw new CliError('--for must be in resource/name form');
  const parts = value.split('/');
  if (parts.length !== 2) throw new CliError('arguments in resource/name form may not have more than one slash');
  const type = resolveResource(parts[0]);
  // The REST mapper's NoMatch error, which kubectl prints without "error: ".
  if (!type) throw new RawError(`the server doesn't have a resource type ${JSON.stringify(parts[0])}\n`);
  return `involvedObject.kind=${type.kind},involvedObject.name=${parts[1]}`;
}

function wanted(o: EventsOptions, e: Event): boolean {
  return !o.types.length || o.types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
}

/**
 * A watch from no resourceVersion: first an ADDED for every event there is (in the server's
 * order), then every change, each printed and flushed on its own (the table's widths carry over
 * from line to line, as kubectl's tabwriter remembers them; with -o, each event as one object);
 * deletions are not printed.
 */
function watch(c: CommandContext, o: EventsOptions, ns: string | undefined, list: { fieldSelector?: string }): void {
  const cluster = c.cluster('write');
  const deadline = requestDeadline(o.requestTimeout, cluster.now());
  const remembered: number[] = [];
  let headed = o.noHeaders;
  // Each event alone, as the typed Event it is (-o yaml separates them with ---, -o name names them).
  const printer = o.output && new MutationPrinter(c.io.out, o.output, 'none');
  const print = (e: Event) => {
    if (printer) return printer.print(e, '', true);
    c.io.out.write(tabwrite(eventLines([e], cluster.now(), { allNamespaces: o.allNamespaces, header: !headed }), { ...GET_TABWRITER, rememberWidths: true }, remembered));
    headed = true;
  };
  const initial = cluster.client.list<Event>(eventKind.type, ns, list);
  untilWithSync(cluster, eventKind.type, ns, list, { deadline, initial: initial as KubeObject[] }, (change) => {
    if (change.type !== 'DELETED' && wanted(o, change.object as Event)) print(change.object as Event);
    return false;
  });
}

const eventsVerb: Verb<EventsOptions> = {
  complete(c, _args, f) {
    const o: EventsOptions = {
      namespace: c.namespace(),
      allNamespaces: !!f.allNamespaces,
      watch: !!f.watch,
      // sets.NewString(...).List(): each type once, sorted.
      types: [...new Set<string>(f.types ?? [])].sort(),
      noHeaders: f.headers === false,
      requestTimeout: f.requestTimeout,
    };
    parseRequestTimeout(f.requestTimeout);
    if (f.for) o.fieldSelector = forSelector(f.for);
    if (f.output) o.output = parseOutput(f.output, false, f);
    return o;
  },

  validate(o) {
    for (const t of o.types) if (!['normal', 'warning'].includes(t.toLowerCase())) throw new CliError('valid --types are Normal or Warning');
  },

  run(c, o) {
    const ns = o.allNamespaces ? undefined : o.namespace;
    const list = o.fieldSelector ? { fieldSelector: o.fieldSelector } : {};
    if (o.watch) return watch(c, o, ns, list);
    const cluster = c.cluster('read');
    const events = cluster.client.list<Event>(eventKind.type, ns, list).filter((e) => wanted(o, e));
    if (!events.length) {
      c.io.err.write(o.allNamespaces ? 'No events found.\n' : `No events found in ${o.namespace} namespace.\n`);
      return;
    }
    sortEvents(events);
    if (o.output) printTypedList(c.io.out, o.output, 'EventList', events);
    else c.io.out.write(tabwrite(eventLines(events, cluster.now(), { allNamespaces: o.allNamespaces, header: !o.noHeaders }), { ...GET_TABWRITER, rememberWidths: true }));
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('events')
      .description('List events')
      .argument('[args...]')
      .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
      .option('-w, --watch', 'After listing the requested events, watch for more events.')
      .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.')
      .option('--for <resource>', 'Filter events to only those pertaining to the specified resource.')
      .option('--types <types>', 'Output only events of given types.', collectSlice)
      .option('--no-headers', "When using the default output format, don't print headers.")
      .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once. Pass 0 to disable.', intFlag(), 500),
  ).action(verbAction(ctx, eventsVerb));
}
