// The metrics API (metrics.k8s.io/v1beta1) as metrics-server serves it through the aggregator:
// NodeMetrics and PodMetrics, and what the API server asks of the simulated metrics-server. The
// simulation implements `MetricsScraper`; the API server only finds the backend and lists.
import type { Node, ObjectMeta, Pod } from './types';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
export const METRICS_API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;
/** The APIService that registers the group: `<version>.<group>`. */
export const METRICS_APISERVICE = `${METRICS_VERSION}.${METRICS_GROUP}`;

/** cpu in cores (canonical quantity, from nanocores), memory in bytes (BinarySI). */
export interface MetricsUsage {
  cpu: string;
  memory: string;
}

export interface NodeMetrics {
  metadata: ObjectMeta;
  /** When the sample was taken (RFC3339) and over how long CPU was averaged (a Go duration). */
  timestamp: string;
  window: string;
  usage: MetricsUsage;
}

export interface ContainerMetrics {
  name: string;
  usage: MetricsUsage;
}

export interface PodMetrics {
  metadata: ObjectMeta;
  timestamp: string;
  window: string;
  containers: ContainerMetrics[];
}

/**
 * The metrics-server behind the APIService, running in the pod `server`: the metrics it holds
 * now for the objects asked about. Nodes and pods it cannot report yet (too few samples since
 * it or they started, a kubelet it cannot reach) are left out, as metrics-server leaves them out.
 */
export interface MetricsScraper {
  nodes(nodes: readonly Node[], server: Pod): NodeMetrics[];
  pods(pods: readonly Pod[], server: Pod): PodMetrics[];
}
