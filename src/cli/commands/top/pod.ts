// kubectl top pod [NAME | -l label]: the pods' usage from the metrics API, per pod or per
// container, optionally summed. When the API has no metrics for what was asked, kubectl looks at
// the pods themselves (verifyEmptyMetrics): none is "No resources found" and success; a pod
// older than the metrics pipeline's two minutes is named; otherwise metrics are not there yet.
// pkg/cmd/top/top_pod.go; pod ages are measured on the cluster clock.
import { formatGoDuration } from '../../../api/duration';
import { pod as podKind } from '../../../api/kinds/pod';
import type { PodMetrics } from '../../../api/metrics';
import { parseTime } from '../../../api/time';
import type { Pod } from '../../../api/types';
import type { Client } from '../../../client/client';
import { podMetricsTable } from '../../../printers/top';
import { CliError } from '../../errors';
import type { Verb } from '../../verb';
import { getMetrics, requireMetricsApi } from './metricsapi';
import { checkFieldSelector, checkLabelSelector, sortByOf } from './options';

/** metricsCreationDelay: how long a pod may go without metrics before kubectl calls it missing. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

export interface TopPodOptions {
  name?: string;
  namespace: string;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  sortBy: string;
  containers: boolean;
  noHeaders: boolean;
  sum: boolean;
}

/** checkPodAge: an error for a pod that has had time to get metrics. */
function checkPodAge(pod: Pod, now: number): void {
  const age = now - (parseTime(pod.metadata.creationTimestamp) ?? now);
  if (age > METRICS_CREATION_DELAY_MS) throw new CliError(`Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${formatGoDuration(age)}`);
}

/** verifyEmptyMetrics: it looks in the command's namespace, even with -A. */
function verifyEmptyMetrics(client: Client, now: number, o: TopPodOptions): void {
  if (o.name) {
    checkPodAge(client.get<Pod>(podKind.type, o.namespace, o.name), now);
  } else {
    const pods = client.list<Pod>(podKind.type, o.namespace, { labelSelector: o.labelSelector, fieldSelector: o.fieldSelector });
    if (!pods.length) return;
    for (const p of pods) checkPodAge(p, now);
  }
  throw new CliError('metrics not available yet');
}

export const topPodVerb: Verb<TopPodOptions> = {
  complete(c, args, f) {
    if (args.length > 1) throw new CliError('pod [NAME | -l label]', 'top pod');
    return {
      name: args[0],
      namespace: c.namespace(),
      allNamespaces: !!f.allNamespaces,
      labelSelector: f.selector ?? '',
      fieldSelector: f.fieldSelector ?? '',
      sortBy: f.sortBy ?? '',
      containers: !!f.containers,
      noHeaders: f.headers === false,
      sum: !!f.sum,
    };
  },

  validate(o) {
    sortByOf(o.sortBy);
    if (o.name && (o.labelSelector || o.fieldSelector)) throw new CliError('only one of NAME or selector can be provided');
  },

  run(c, o) {
    checkLabelSelector(o.labelSelector);
    checkFieldSelector(o.fieldSelector);
    const cluster = c.cluster('read');
    const client = cluster.client;
    requireMetricsApi(client);
    const base = o.allNamespaces ? '' : `namespaces/${encodeURIComponent(o.namespace)}/`;
    const metrics = o.name
      ? [getMetrics<PodMetrics>(client, `${base}pods/${encodeURIComponent(o.name)}`)]
      : getMetrics<{ items: PodMetrics[] }>(client, `${base}pods`, { labelSelector: o.labelSelector, fieldSelector: o.fieldSelector }).items;
    if (!metrics.length) {
      verifyEmptyMetrics(client, cluster.now(), o);
      c.io.err.write(o.allNamespaces ? 'No resources found\n' : `No resources found in ${o.namespace} namespace.\n`);
    }
    c.io.out.write(podMetricsTable(metrics, { containers: o.containers, withNamespace: o.allNamespaces, noHeaders: o.noHeaders, sortBy: sortByOf(o.sortBy), sum: o.sum }));
  },
};
