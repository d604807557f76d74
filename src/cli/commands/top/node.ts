// kubectl top node [NAME | -l label]: the nodes' usage from the metrics API, with their share of
// each node's allocatable (or, with --show-capacity, its capacity). pkg/cmd/top/top_node.go.
import { node as nodeKind } from '../../../api/kinds/node';
import type { NodeMetrics } from '../../../api/metrics';
import type { Node } from '../../../api/types';
import { nodeMetricsTable } from '../../../printers/top';
import { CliError } from '../../errors';
import type { Verb } from '../../verb';
import { getMetrics, requireMetricsApi } from './metricsapi';
import { checkLabelSelector, sortByOf } from './options';

export interface TopNodeOptions {
  name?: string;
  selector: string;
  sortBy: string;
  noHeaders: boolean;
  showCapacity: boolean;
}

export const topNodeVerb: Verb<TopNodeOptions> = {
  complete(_c, args, f) {
    if (args.length > 1) throw new CliError('node [NAME | -l label]', 'top node');
    return { name: args[0], selector: f.selector ?? '', sortBy: f.sortBy ?? '', noHeaders: f.headers === false, showCapacity: !!f.showCapacity };
  },

  validate(o) {
    sortByOf(o.sortBy);
    if (o.name && o.selector) throw new CliError('only one of NAME or --selector can be provided');
  },

  run(c, o) {
    checkLabelSelector(o.selector);
    const { client } = c.cluster('read');
    requireMetricsApi(client);
    const metrics = o.name
      ? [getMetrics<NodeMetrics>(client, `nodes/${encodeURIComponent(o.name)}`)]
      : getMetrics<{ items: NodeMetrics[] }>(client, 'nodes', { labelSelector: o.selector }).items;
    if (!metrics.length) throw new CliError('metrics not available yet');
    const nodes = o.name ? [client.get<Node>(nodeKind.type, undefined, o.name)] : client.list<Node>(nodeKind.type, undefined, { labelSelector: o.selector });
    const available = new Map(nodes.map((n) => [n.metadata.name!, ((o.showCapacity ? n.status?.capacity : n.status?.allocatable) ?? {}) as Record<string, string>]));
    c.io.out.write(nodeMetricsTable(metrics, available, { noHeaders: o.noHeaders, sortBy: sortByOf(o.sortBy) }));
  },
};
