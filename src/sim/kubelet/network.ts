// The cluster network as a container sees it: /etc/hosts first (hostAliases included), then
// cluster DNS (search domains, ndots:5) for Service and pod names; HTTP to a pod IP reaches the
// server listening on that port in that pod (localhost is the pod's own network namespace,
// shared by its containers through the pause container), and the server logs the request.
import { pod as podKind } from '../../api/kinds/pod';
import type { Pod } from '../../api/types';
import type { HttpResult, Network } from '../shell/host';
import { parseImage } from '../runtime/images';
import { containerFs } from './filesystem';
import { appendLog, getRecord } from './records';
import type { NodeView } from './view';
import { runtime } from './runtimeref';

export const CLUSTER_DOMAIN = 'cluster.local';
export const DNS_SERVER = '10.96.0.10';
const API_SERVICE_IP = '10.96.0.1';

/** Services every cluster has (the Service kind is not served yet). */
const WELL_KNOWN_SERVICES: Record<string, string> = {
  [`kubernetes.default.svc.${CLUSTER_DOMAIN}`]: API_SERVICE_IP,
  [`kube-dns.kube-system.svc.${CLUSTER_DOMAIN}`]: DNS_SERVER,
};

export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** CoreDNS's answer for a fully qualified name, or undefined (NXDOMAIN). */
export function dnsLookup(fqdn: string): string[] | undefined {
  const name = fqdn.replace(/\.$/, '').toLowerCase();
  if (WELL_KNOWN_SERVICES[name]) return [WELL_KNOWN_SERVICES[name]];
  // "pods insecure": a-b-c-d.<namespace>.pod.cluster.local answers a.b.c.d.
  const m = /^(\d+)-(\d+)-(\d+)-(\d+)\.[a-z0-9-]+\.pod\.cluster\.local$/.exec(name);
  if (m && m.slice(1).every((o) => Number(o) <= 255)) return [m.slice(1).join('.')];
  return undefined;
}

const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
const OPAQUE_OK: HttpResult = { ok: true, status: 200, reason: 'OK', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'OK' };

/** The running pods behind an IP: one pod, or every hostNetwork pod of a node. */
function podsAt(view: NodeView, ip: string, self: Pod): Pod[] {
  // The caller's own pod as it is now (its status may not be written yet).
  if (ip === '127.0.0.1' || ip === self.status?.podIP) return [self];
  const live = (p: Pod) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;
  return view.client.list<Pod>(podKind.type).filter((p) => p.status?.podIP === ip && live(p));
}

/** Who makes the requests: a process in the pod (default), or the kubelet probing it. */
export interface Caller {
  ip: string;
  userAgent: string;
}

export function podNetwork(view: NodeView, self: Pod, hostsFile: string, caller?: Caller): Network {
  const search = searchDomains(self.metadata.namespace ?? 'default');
  const hosts = new Map<string, string>();
  for (const line of hostsFile.split('\n')) {
    const [ip, ...names] = line.split(/\s+/).filter(Boolean);
    if (!ip || ip.startsWith('#') || ip.includes(':')) continue;
    for (const n of names) if (!hosts.has(n)) hosts.set(n, ip);
  }

  function resolve(host: string): string | undefined {
    if (IPV4.test(host)) return host;
    if (hosts.has(host)) return hosts.get(host);
    const dots = host.split('.').length - 1;
    const candidates = host.endsWith('.') ? [host] : dots >= 5 ? [host, ...search.map((d) => `${host}.${d}`)] : [...search.map((d) => `${host}.${d}`), host];
    for (const c of candidates) {
      const a = dnsLookup(c);
      if (a) return a[0];
    }
    return undefined;
  }

  function http(method: string, host: string, port: number, path: string): HttpResult {
    const ip = resolve(host);
    if (!ip) return { ok: false, error: 'unresolved' };
    if (ip === API_SERVICE_IP && port === 443) {
      const body = 'Client sent an HTTP request to an HTTPS server.\n';
      return { ok: true, status: 400, reason: 'Bad Request', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
    }
    const targets = podsAt(view, ip, self);
    if (!targets.length) return { ok: false, error: 'timeout' };
    const now = view.now;
    for (const target of targets)
    for (const c of target.spec.containers) {
      const rec = getRecord(view.disk, target.metadata.uid!, c.name);
      if (!rec || (rec.exit && rec.exit.at <= now)) continue;
      // A program pocketkube knows nothing about is assumed to answer on any port (its probes pass).
      if (runtime().isOpaque(rec.process)) return OPAQUE_OK;
      if (!rec.ports.includes(port)) continue;
      const server = runtime().httpServer(rec.process);
      if (!server?.http) return { ok: false, error: 'refused' };
      const profile = runtime().imageProfile(parseImage(c.image ?? ''));
      const fs = containerFs({ client: view.client, disk: view.disk, pod: target, container: c, nodeName: target.spec.nodeName ?? '', imageFiles: profile.files, layer: rec.layer, managed: {} });
      const res = server.http(
        { method, host, path, clientIP: caller?.ip ?? (ip === '127.0.0.1' ? '127.0.0.1' : (self.status?.podIP ?? '')), userAgent: caller?.userAgent ?? 'curl/7.88.1' },
        { fs, env: profile.env, at: now },
      );
      // Serving reads the container's files and only adds to its log.
      appendLog(view.disk, target.metadata.uid!, c.name, rec.instance, runtime().lines(res.log));
      return { ok: true, status: res.status, reason: res.reason, headers: res.headers, body: res.body };
    }
    return { ok: false, error: 'refused' };
  }

  return {
    dnsServer: DNS_SERVER,
    searchDomains: search,
    lookup: dnsLookup,
    resolve,
    http: (method, host, port, path) => http(method, host, port, path),
  };
}
