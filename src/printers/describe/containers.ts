// Containers, volumes and pod templates as kubectl describe prints them.
import { parseQuantity } from '../../api/meta/quantity';
import { formatLabelSelector } from '../../api/meta/selector';
import type { Container, ContainerState, ContainerStatus, LabelSelector, Pod, PodTemplateSpec, Volume } from '../../api/types';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './common';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, rfc1123z } from './writer';

type Probe = {
  exec?: { command?: string[] };
  httpGet?: { host?: string; port?: number | string; path?: string; scheme?: string };
  tcpSocket?: { host?: string; port?: number | string };
  grpc?: { port?: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
};

export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined ? '' : String(g.port);
    const host = g.host ?? '';
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    // url.URL.String(): a path without its leading slash gets one when there is a host.
    const path = g.path && !g.path.startsWith('/') && hostPort ? `/${g.path}` : (g.path ?? '');
    return `http-get ${(g.scheme ?? '').toLowerCase()}://${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, name: string, state: ContainerState): void {
  if (state.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function sortedNames(list: Record<string, string>): string[] {
  return Object.keys(list).sort();
}

/** Resolves a pod's fieldRef env values the way kubectl's EnvValueRetriever does. */
export type EnvResolver = (fieldPath: string) => string;

/**
 * kubectl first converts the field path with its own scheme, which knows only metadata.name and
 * metadata.namespace for pods; every other path (status.podIP, spec.nodeName, ...) shows empty.
 */
export function podEnvResolver(pod: Pod): EnvResolver {
  return (path) => {
    if (path === 'metadata.name') return pod.metadata.name ?? '';
    if (path === 'metadata.namespace') return pod.metadata.namespace ?? '';
    return '';
  };
}

function describeEnv(w: DescribeWriter, c: Container, resolve?: EnvResolver): void {
  const envFrom = (c.envFrom as { prefix?: string; configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }[] | undefined) ?? [];
  if (envFrom.length) {
    w.write(LEVEL_2, 'Environment Variables from:\n');
    for (const e of envFrom) {
      const from = e.configMapRef ? 'ConfigMap' : 'Secret';
      const ref = e.configMapRef ?? e.secretRef!;
      const optional = ref.optional ?? false;
      if (e.prefix) w.write(LEVEL_3, `${ref.name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
      else w.write(LEVEL_3, `${ref.name}\t${from}\tOptional: ${optional}\n`);
    }
  }
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length ? '' : '\t<none>'}\n`);
  for (const e of env) {
    const vf = e.valueFrom as
      | {
          fieldRef?: { apiVersion?: string; fieldPath: string };
          resourceFieldRef?: { resource: string; divisor?: string };
          secretKeyRef?: { key: string; name: string; optional?: boolean };
          configMapKeyRef?: { key: string; name: string; optional?: boolean };
        }
      | undefined;
    if (!vf) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (vf.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolve ? resolve(vf.fieldRef.fieldPath) : ''} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      let value = containerResourceValue(c, vf.resourceFieldRef);
      const resource = vf.resourceFieldRef.resource;
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (vf.secretKeyRef) {
      const s = vf.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${s.key}' in secret '${s.name}'>\tOptional: ${s.optional ?? false}\n`);
    } else if (vf.configMapKeyRef) {
      const s = vf.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${s.key}' of config map '${s.name}'>\tOptional: ${s.optional ?? false}\n`);
    }
  }
}

/**
 * kubectl's resource.ExtractContainerResourceValue: the container's request or limit divided by
 * the divisor (1 when zero), rounded up; empty for a resource it does not know.
 */
function containerResourceValue(c: Container, ref: { resource: string; divisor?: string }): string {
  const [kind, name = ''] = ref.resource.split(/\.(.*)/s);
  const known = name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
  if ((kind !== 'limits' && kind !== 'requests') || !known) return '';
  const divisor = ref.divisor && !parseQuantity(ref.divisor).isZero() ? parseQuantity(ref.divisor) : parseQuantity('1');
  const amount = (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[name];
  const q = parseQuantity(amount === undefined ? '0' : String(amount));
  return String(Math.ceil(name === 'cpu' ? q.milli() / divisor.milli() : q.value() / divisor.value()));
}

function describeMounts(w: DescribeWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(LEVEL_2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...((c.volumeDevices as { devicePath: string; name: string }[] | undefined) ?? [])].sort((a, b) => (a.devicePath < b.devicePath ? -1 : a.devicePath > b.devicePath ? 1 : 0));
  if (devices.length) {
    // kubectl writes the mounts' "<none>" here too (its `none` of the mounts)
    w.write(LEVEL_2, `Devices:${mounts.length ? '' : '\t<none>'}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/** describeResources: limits, then requests, each by resource name. */
export function describeResources(w: DescribeWriter, r: { limits?: Record<string, string>; requests?: Record<string, string> }, level: number): void {
  const limits = r.limits ?? {};
  const requests = r.requests ?? {};
  if (Object.keys(limits).length) w.write(level, 'Limits:\n');
  for (const n of sortedNames(limits)) w.write(level + 1, `${n}:\t${parseQuantity(limits[n]).toString()}\n`);
  if (Object.keys(requests).length) w.write(level, 'Requests:\n');
  for (const n of sortedNames(requests)) w.write(level + 1, `${n}:\t${parseQuantity(requests[n]).toString()}\n`);
}

export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
  resolve?: EnvResolver,
): void {
  w.write(LEVEL_0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  const nameIndent = space ? ' ' : '';
  for (const c of containers) {
    const status = statuses ? byName.get(c.name) : undefined;
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    // kubectl v1.32 never prints a container's restartPolicy (a sidecar's `Always` included).
    const seccomp = (c.securityContext as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    if (c.command?.length) {
      w.write(LEVEL_2, 'Command:\n');
      for (const part of c.command) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (c.args?.length) {
      w.write(LEVEL_2, 'Args:\n');
      for (const part of c.args) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state ?? {});
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources ?? {}, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe as Probe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe as Probe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe as Probe)}\n`);
    describeEnv(w, c, resolve);
    describeMounts(w, c);
  }
}

function describeVolumeSource(w: DescribeWriter, v: Volume): void {
  const src = v as Record<string, any>;
  if (src.hostPath)
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${src.hostPath.path}\n    HostPathType:\t${src.hostPath.type ?? ''}\n`);
  else if (src.emptyDir) {
    const size = src.emptyDir.sizeLimit && !parseQuantity(src.emptyDir.sizeLimit).isZero() ? parseQuantity(src.emptyDir.sizeLimit).toString() : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${src.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`);
  } else if (src.configMap)
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${src.configMap.name}\n    Optional:\t${src.configMap.optional ?? false}\n`);
  else if (src.secret)
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${src.secret.secretName}\n    Optional:\t${src.secret.optional ?? false}\n`);
  else if (src.persistentVolumeClaim)
    w.write(
      LEVEL_2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${src.persistentVolumeClaim.claimName}\n    ReadOnly:\t${src.persistentVolumeClaim.readOnly ?? false}\n`,
    );
  else if (src.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of src.projected.sources ?? []) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name}\n    SecretOptionalName:\t${s.secret.optional ?? '<nil>'}\n`);
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t${s.configMap.optional ?? '<nil>'}\n`);
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds}\n`);
    }
  } else if (src.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const it of src.downwardAPI.items ?? []) {
      if (it.fieldRef) w.write(LEVEL_3, `${it.fieldRef.fieldPath} -> ${it.path}\n`);
      if (it.resourceFieldRef) w.write(LEVEL_3, `${it.resourceFieldRef.resource} -> ${it.path}\n`);
    }
  } else {
    w.write(LEVEL_1, `<unknown>\n`);
  }
}

export function describeVolumes(w: DescribeWriter, volumes: readonly Volume[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space ? ' ' : '';
  for (const v of volumes) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    describeVolumeSource(w, v);
  }
}

interface TopologySpreadConstraint {
  maxSkew?: number;
  topologyKey?: string;
  whenUnsatisfiable?: string;
  labelSelector?: LabelSelector;
}

/** describeTopologySpreadConstraints: one line per constraint, by topology key. */
export function describeTopologySpreadConstraints(w: DescribeWriter, constraints: unknown, space: string): void {
  const list = [...((constraints as TopologySpreadConstraint[] | undefined) ?? [])];
  if (!list.length) return;
  list.sort((a, b) => ((a.topologyKey ?? '') < (b.topologyKey ?? '') ? -1 : (a.topologyKey ?? '') > (b.topologyKey ?? '') ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let line = `${t.topologyKey ?? ''}:${t.whenUnsatisfiable ?? ''} when max skew ${t.maxSkew ?? 0} is exceeded`;
    if (t.labelSelector) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** A pod template as kubectl's rollout verbs print it: describe's text with its tabs unaligned. */
export function podTemplateText(t: PodTemplateSpec): string {
  const w = new DescribeWriter(false);
  describePodTemplate(w, t);
  return w.toString();
}

/** DescribePodTemplate: the template of a Deployment or ReplicaSet. */
export function describePodTemplate(w: DescribeWriter, t: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!t) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', t.metadata?.labels);
  if (Object.keys(t.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', t.metadata?.annotations);
  if (t.spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${t.spec.serviceAccountName}\n`);
  if (t.spec.initContainers?.length) describeContainers(w, 'Init Containers', t.spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', t.spec.containers ?? [], undefined, '  ');
  describeVolumes(w, t.spec.volumes, '  ');
  describeTopologySpreadConstraints(w, t.spec.topologySpreadConstraints, '  ');
  if (t.spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${t.spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', t.spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', t.spec.tolerations);
}
