// A container's environment as the runtime hands it over: the image's variables (PATH first),
// HOSTNAME, the pod's envFrom and env (with valueFrom resolved and $(VAR) references expanded,
// as the kubelet does), the service variables of the cluster's `kubernetes` Service, and HOME.
import { parseQuantity } from '../../api/meta/quantity';
import { getOwn, hasOwn, setOwn } from '../../api/meta/own';
import { typeForKind } from '../../api/registry';
import type { ConfigMap, Container, KubeObject, Node, Pod } from '../../api/types';
import type { Client } from '../../client/client';

/** Why the kubelet could not build the environment: CreateContainerConfigError's message. */
export class ConfigError extends Error {}

/** The variables of the API server's Service, which every namespace's pods get. */
const KUBERNETES_SERVICE: [string, string][] = [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
  ['KUBERNETES_SERVICE_PORT', '443'],
  ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'],
  ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
];

/** The service variables as a map: $(VAR) references see them after the container's own (MappingFuncFor). */
const SERVICE_ENV: Record<string, string> = Object.fromEntries(KUBERNETES_SERVICE);

/** Kubernetes' $(VAR) expansion: defined references are replaced, $$ escapes, others stay. */
export function expandRefs(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return name !== undefined && Object.hasOwn(env, name) ? env[name] : m;
  });
}

function fieldValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return getOwn(m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations, m[2]) ?? '';
  switch (path) {
    case 'metadata.name': return pod.metadata.name ?? '';
    case 'metadata.namespace': return pod.metadata.namespace ?? '';
    case 'metadata.uid': return pod.metadata.uid ?? '';
    case 'spec.nodeName': return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName': return (pod.spec.serviceAccountName as string) ?? '';
    case 'status.hostIP': return pod.status?.hostIP ?? '';
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.hostIPs': return (pod.status?.hostIPs ?? []).map((i) => i.ip).join(',');
    case 'status.podIPs': return (pod.status?.podIPs ?? []).map((i) => i.ip).join(',');
    default: return '';
  }
}

function resourceValue(c: Container, node: Node, ref: { resource?: string; divisor?: string }): string {
  const [kind, name] = (ref.resource ?? '').split('.');
  const set = kind === 'limits' ? c.resources?.limits : c.resources?.requests;
  // An unset limit is the node's allocatable, as the kubelet substitutes it.
  const raw = set?.[name] ?? (kind === 'limits' ? node.status?.allocatable?.[name] : undefined) ?? '0';
  const divisor = parseQuantity(ref.divisor ?? '1');
  const q = parseQuantity(String(raw));
  if (name === 'cpu') return String(Math.ceil(q.milli() / Math.max(1, divisor.milli())));
  return String(Math.ceil(q.value() / Math.max(1, divisor.value())));
}

function lookupData(client: Client, kind: 'ConfigMap' | 'Secret', ns: string, name: string): Record<string, string> | undefined {
  const type = typeForKind('v1', kind);
  if (!type) return undefined;
  const obj = client.tryGet<KubeObject & { data?: Record<string, string> }>(type, ns, name);
  if (!obj) return undefined;
  if (kind === 'ConfigMap') return (obj as ConfigMap).data ?? {};
  return Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
}

/** The variables the pod spec gives the container, in order. Throws ConfigError. */
export function specEnv(client: Client, pod: Pod, c: Container, node: Node): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {};
  for (const from of (c.envFrom as { prefix?: string; configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }[] | undefined) ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    if (!ref) continue;
    const data = lookupData(client, kind, ns, ref.name);
    if (!data) {
      if (ref.optional) continue;
      throw new ConfigError(`${kind.toLowerCase()} "${ref.name}" not found`);
    }
    for (const [k, v] of Object.entries(data)) setOwn(env, `${from.prefix ?? ''}${k}`, v);
  }
  for (const e of c.env ?? []) {
    if (e.valueFrom) {
      const vf = e.valueFrom as {
        fieldRef?: { fieldPath: string };
        resourceFieldRef?: { resource?: string; divisor?: string };
        configMapKeyRef?: { name: string; key: string; optional?: boolean };
        secretKeyRef?: { name: string; key: string; optional?: boolean };
      };
      if (vf.fieldRef) setOwn(env, e.name, fieldValue(pod, vf.fieldRef.fieldPath));
      else if (vf.resourceFieldRef) setOwn(env, e.name, resourceValue(c, node, vf.resourceFieldRef));
      else {
        const ref = vf.configMapKeyRef ?? vf.secretKeyRef!;
        const kind = vf.configMapKeyRef ? 'ConfigMap' : 'Secret';
        const data = lookupData(client, kind, ns, ref.name);
        if (!data) {
          if (ref.optional) continue;
          throw new ConfigError(`${kind.toLowerCase()} "${ref.name}" not found`);
        }
        if (!hasOwn(data, ref.key)) {
          if (ref.optional) continue;
          throw new ConfigError(`couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name}`);
        }
        setOwn(env, e.name, data[ref.key]);
      }
    } else setOwn(env, e.name, expandRefs(e.value ?? '', { ...SERVICE_ENV, ...env }));
  }
  // The master Service's variables are given even with enableServiceLinks false.
  for (const [k, v] of KUBERNETES_SERVICE) if (!hasOwn(env, k)) env[k] = v;
  return env;
}

/** The full environment a process in the container sees. */
export function containerEnv(imageEnv: Record<string, string>, hostname: string, spec: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  if (imageEnv.PATH) env.PATH = imageEnv.PATH;
  env.HOSTNAME = hostname;
  for (const [k, v] of Object.entries(imageEnv)) if (k !== 'PATH') setOwn(env, k, v);
  for (const [k, v] of Object.entries(spec)) setOwn(env, k, v);
  env.HOME ??= '/root';
  return env;
}
