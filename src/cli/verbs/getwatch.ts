// kubectl get -w / --watch-only / --output-watch-events: what there is (unless --watch-only),
// then every change to it as it happens while the cluster clock moves on (as `wait` moves it),
// until nothing is left to happen or --request-timeout runs out. Each change is printed and
// flushed on its own: a table row (widths remembered down the output), one JSON or YAML
// document, a name; with --output-watch-events, the event type beside it.
import { canonicalJson, goJsonString } from '../../api/meta/canonical';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { WatchEvent } from '../../client/client';
import { TableBuilder, tableFor } from '../../printers/table';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { MutationPrinter, type OutputFormat, isTable } from '../flags/output';
import { requestDeadline } from '../flags/timeout';
import type { Target } from '../resolve';
import type { ColumnSpec } from '../../printers/customcolumns';
import { untilWithSync } from '../watch';
import { SortError, SortField } from '../../printers/sort/sortby';

function tableSortField(sortBy: string): SortField {
  try {
    return SortField.forTable(sortBy);
  } catch (e) {
    if (e instanceof SortError) throw new CliError(`unable to output the provided object: ${e.message}`);
    throw e;
  }
}

export interface WatchOptions {
  output: OutputFormat;
  namespace: string;
  allNamespaces: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
  selector: string;
  fieldSelector: string;
  watchOnly: boolean;
  events: boolean;
  sortBy: string;
  requestTimeout?: string;
}

/** kubectl's watch: one resource type, a collection or one object of it. */
export function watchGet(c: CommandContext, o: WatchOptions, targets: Target[]): void {
  if (new Set(targets.map((t) => t.type)).size > 1) throw new CliError('you may only specify a single resource type');
  const [target] = targets;
  if (o.sortBy) c.io.err.write(o.watchOnly ? 'warning: --watch-only requested, --sort-by will be ignored\n' : 'warning: --watch requested, --sort-by will be ignored for watch events received\n');
  const cluster = c.cluster('write');
  const type = target.type;
  const ns = type.namespaced ? (o.allNamespaces && !target.names.length ? undefined : o.namespace) : undefined;
  const single = target.names.length === 1;
  // What there is now: the object (NotFound as kubectl reports it) or the collection.
  const initial = single ? [cluster.client.get(type, ns, target.names[0])] : target.names.length ? target.names.map((n) => cluster.client.get(type, ns, n)) : cluster.client.list(type, ns, { labelSelector: o.selector, fieldSelector: o.fieldSelector });
  const out = new WatchPrinter(c, o, type, () => cluster.now());
  // A table's first rows are sorted (kubectl sorts the Table it lists); events never are.
  if (!o.watchOnly) out.print(initial.map((object) => ({ type: 'ADDED', object })), o.sortBy);
  if (target.names.length > 1) throw new CliError('you may only watch a single resource or type of resource at a time');
  const list = single ? { fieldSelector: `metadata.name=${target.names[0]}` } : { labelSelector: o.selector, fieldSelector: o.fieldSelector };
  untilWithSync(cluster, type, ns, list, { deadline: requestDeadline(o.requestTimeout, cluster.now()), initial: [] }, (event) => {
    out.print([event]);
    return false;
  });
}

/** Prints watch events one flush at a time, as kubectl's printers and its tabwriter do. */
class WatchPrinter {
  private readonly remembered: number[] = [];
  private headed: boolean;
  private readonly structured: MutationPrinter;

  constructor(
    private readonly c: CommandContext,
    private readonly o: WatchOptions,
    private readonly type: ResourceType,
    private readonly now: () => number,
  ) {
    this.headed = o.noHeaders;
    this.structured = new MutationPrinter(c.io.out, o.output, 'none');
  }

  print(events: readonly WatchEvent[], sortBy = ''): void {
    if (!events.length) return;
    const { output } = this.o;
    if (isTable(output)) return this.rows(events, sortBy);
    for (const e of events) {
      // With --output-watch-events a printer is given the event, {type, object}; -o name names the object.
      const value = this.o.events && output.kind !== 'name' ? ({ type: e.type, object: e.object } as unknown as KubeObject) : e.object;
      if (output.kind === 'json' && this.o.events) this.c.io.out.write(`{"type":${goJsonString(e.type)},"object":${canonicalJson(e.object)}}\n`);
      else if (output.kind === 'custom-columns') this.columns(output.columns, value);
      else this.structured.print(value, '');
    }
  }

  /** Custom columns: the header once, then a line per event. */
  private columns(columns: ColumnSpec[], value: unknown): void {
    const { CustomColumnsPrinter } = require('../../printers/customcolumns') as typeof import('../../printers/customcolumns');
    const printed = new CustomColumnsPrinter(columns, this.headed).print([value], this.remembered);
    this.headed = true;
    this.c.io.out.write(printed.text);
    if (printed.error) throw new CliError(printed.error.message);
  }

  private rows(events: readonly WatchEvent[], sortBy: string): void {
    const o = this.o;
    const sortField = sortBy ? tableSortField(sortBy) : undefined;
    const table = new TableBuilder(tableFor(this.type.kind), {
      sortField,
      now: this.now(),
      wide: o.output.kind === 'wide',
      noHeaders: this.headed,
      showLabels: o.showLabels,
      labelColumns: o.labelColumns,
      withNamespace: o.allNamespaces && this.type.namespaced,
      watchEvents: o.events,
    });
    for (const e of events) table.add(e.object, e.type);
    if (sortField) {
      try {
        table.sortRows();
      } catch (err) {
        if (err instanceof SortError) throw new CliError(`unable to output the provided object: ${err.message}`);
        throw err;
      }
    }
    this.c.io.out.write(table.render(false, this.remembered));
    this.headed = true;
  }
}
