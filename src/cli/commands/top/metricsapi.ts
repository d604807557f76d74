// What `kubectl top` asks the API server, over its REST paths as kubectl's clients do: whether
// discovery lists metrics.k8s.io/v1beta1 (SupportedMetricsAPIVersionAvailable), then the
// metrics themselves. An error answer is the server's Status, reported as kubectl reports it.
import { StatusError, type Status, noSuchResource } from '../../../api/errors';
import { METRICS_API_VERSION, METRICS_GROUP, METRICS_VERSION } from '../../../api/metrics';
import type { Client } from '../../../client/client';
import { CliError } from '../../errors';

function getJson<T>(client: Client, uri: string): T {
  const r = client.raw({ uri }, '');
  if (r.code >= 200 && r.code < 300) return JSON.parse(r.body) as T;
  if (r.contentType === 'application/json') throw new StatusError(JSON.parse(r.body) as Status);
  throw noSuchResource();
}

/** Fails with kubectl's words unless the server's groups include metrics.k8s.io at a version kubectl reads. */
export function requireMetricsApi(client: Client): void {
  const list = getJson<{ groups?: { name: string; versions?: { version: string }[] }[] }>(client, '/apis');
  const served = (list.groups ?? []).some((g) => g.name === METRICS_GROUP && (g.versions ?? []).some((v) => v.version === METRICS_VERSION));
  if (!served) throw new CliError('Metrics API not available');
}

/** GET of a metrics path under /apis/metrics.k8s.io/v1beta1, with the list's selectors. */
export function getMetrics<T>(client: Client, path: string, selectors: { labelSelector?: string; fieldSelector?: string } = {}): T {
  const query = new URLSearchParams();
  if (selectors.labelSelector) query.set('labelSelector', selectors.labelSelector);
  if (selectors.fieldSelector) query.set('fieldSelector', selectors.fieldSelector);
  const q = query.toString();
  return getJson<T>(client, `/apis/${METRICS_API_VERSION}/${path}${q ? `?${q}` : ''}`);
}
