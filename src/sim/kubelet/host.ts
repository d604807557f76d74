// The world a process in a container sees (the simulated shell's ShellHost): the pod's
// hostname, the container's environment, the image's tools, its files and volumes, the files the
// kubelet manages, the cluster network and the processes of its PID namespace.
import type { Container, Node, Pod } from '../../api/types';
import type { ProcessInfo, ShellHost } from '../shell/host';
import { parseImage } from '../runtime/images';
import { ConfigError, containerEnv, specEnv } from './env';
import { containerFs } from './filesystem';
import { DNS_SERVER, podNetwork, searchDomains } from './network';
import { type ContainerRecord, getRecord } from './records';
import type { NodeView } from './view';
import { runtime } from './runtimeref';

export function podHostname(pod: Pod, node?: Node): string {
  if (pod.spec.hostNetwork) return node?.metadata.name ?? '';
  return ((pod.spec.hostname as string | undefined) ?? pod.metadata.name ?? '').slice(0, 63);
}

/** /etc/hosts as the kubelet writes it (a hostNetwork pod sees the node's own). */
export function hostsFile(pod: Pod, node?: Node): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  if (pod.spec.hostNetwork) lines[0] = '# Kubernetes-managed hosts file (host network).';
  else if (pod.status?.podIP) {
    const name = podHostname(pod);
    const sub = pod.spec.subdomain as string | undefined;
    lines.push(sub ? `${pod.status.podIP}\t${name}.${sub}.${pod.metadata.namespace}.svc.cluster.local\t${name}` : `${pod.status.podIP}\t${name}`);
  }
  const aliases = (pod.spec.hostAliases as { ip: string; hostnames?: string[] }[] | undefined) ?? [];
  let text = `${lines.join('\n')}\n`;
  if (aliases.length && !pod.spec.hostNetwork) {
    text += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) text += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return text;
}

function resolvConf(pod: Pod): string {
  return `search ${searchDomains(pod.metadata.namespace ?? 'default').join(' ')}\nnameserver ${DNS_SERVER}\noptions ndots:5\n`;
}

/** The processes a container's `ps` lists: its own main process, or the whole pod's when shared. */
function processes(view: NodeView, pod: Pod, c: Container, extra: ProcessInfo[]): ProcessInfo[] {
  const command = (cont: Container) => runtime().containerArgv(cont, runtime().imageProfile(parseImage(cont.image ?? ''))).join(' ');
  const alive = (rec: ContainerRecord | undefined) => rec && (!rec.exit || rec.exit.at > view.now);
  if (!pod.spec.shareProcessNamespace) {
    const rec = getRecord(view.disk, pod.metadata.uid!, c.name);
    return [...(alive(rec) ? [{ pid: 1, user: 'root', command: command(c) }] : []), ...extra];
  }
  const list: ProcessInfo[] = [{ pid: 1, user: '65535', command: '/pause' }];
  let pid = 7;
  for (const other of pod.spec.containers) {
    if (alive(getRecord(view.disk, pod.metadata.uid!, other.name))) list.push({ pid, user: 'root', command: command(other) });
    pid += 6;
  }
  return [...list, ...extra];
}

function resolvableEnv(view: NodeView, pod: Pod, c: Container, node: Node): Record<string, string> {
  try {
    return specEnv(view.client, pod, c, node);
  } catch (e) {
    if (e instanceof ConfigError) return {};
    throw e;
  }
}

export interface ContainerHost extends ShellHost {
  /** Writes the process's file changes (the layer lives in `rec`, which the caller saves). */
  flush(): void;
}

/**
 * The ShellHost for a process in container `c` of `pod`; `rec` holds its writable layer and the
 * environment it was created with (a record from before it was kept: the spec's, as far as it
 * can still be resolved).
 */
export function containerHost(view: NodeView, pod: Pod, c: Container, node: Node, rec: Pick<ContainerRecord, 'layer' | 'env'>, extraProcesses: ProcessInfo[] = []): ContainerHost {
  const profile = runtime().imageProfile(parseImage(c.image ?? ''));
  const hostname = podHostname(pod, node);
  const hosts = hostsFile(pod, node);
  const managed = { '/etc/hosts': hosts, '/etc/hostname': `${hostname}\n`, '/etc/resolv.conf': resolvConf(pod) };
  const env = containerEnv(profile.env, hostname, rec.env ?? resolvableEnv(view, pod, c, node));
  // Files and network are built on first use: a server's start needs neither.
  let fs: ReturnType<typeof containerFs> | undefined;
  let net: ContainerHost['net'] | undefined;
  return {
    now: () => view.now,
    hostname,
    env,
    tools: profile.tools,
    shell: profile.shell,
    get fs() {
      return (fs ??= containerFs({ client: view.client, disk: view.disk, pod, container: c, nodeName: node.metadata.name!, imageFiles: profile.files, layer: rec.layer, managed }));
    },
    get net() {
      return (net ??= podNetwork(view, pod, hosts));
    },
    processes: () => processes(view, pod, c, extraProcesses),
    flush: () => fs?.flush(),
  };
}
