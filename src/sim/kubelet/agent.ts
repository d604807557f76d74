// The kubelet's side of pods/log and pods/exec (the API server's node proxy): a container's log
// from the node's disk, chosen and refused as the kubelet does (validateContainerLogStatus), and
// a command run to its end inside a running container, sleeping on the cluster clock, and the
// output of a container's running main process from the moment of an attach.
import { node as nodeKind } from '../../api/kinds/node';
import { type AttachOptions, type AttachStream, type ExecOptions, type ExecResult, type LogOptions, type NodeProxy, NodeProxyError } from '../../api/nodeproxy';
import { sha256Hex } from '../../api/sha256';
import type { Container, ContainerStatus, Node, Pod } from '../../api/types';
import { COMPONENTS, type Client } from '../../client/client';
import type { NodeDisk } from '../../engine/controller';
import type { Clock } from '../../api/time';
import * as shell from '../shell';
import { nodeIP } from './containers';
import { type ContainerHost, containerHost } from './host';
import { kubeletRunning } from './nodestate';
import { type LogEntry, getRecord, putRecord, readLog } from './records';

/** An exec that never ends on its own is cut off after this much simulated time. */
const EXEC_LIMIT_MS = 3_600_000;

function findContainer(pod: Pod, name: string): Container {
  return [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === name)!;
}

function statusOf(pod: Pod, name: string): ContainerStatus | undefined {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === name);
}

/** The container ID whose log is asked for, or the kubelet's refusal. */
function logContainerID(pod: Pod, name: string, previous: boolean): string {
  const podName = pod.metadata.name;
  const s = statusOf(pod, name);
  const last = s?.lastState.terminated;
  if (previous) {
    if (!last?.containerID) throw new NodeProxyError(`previous terminated container "${name}" in pod "${podName}" not found`);
    return last.containerID;
  }
  if (s?.state.running) return s.containerID ?? '';
  const t = s?.state.terminated;
  if (t) {
    if (t.containerID) return t.containerID;
    if (last?.containerID) return last.containerID;
    throw new NodeProxyError(`container "${name}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw new NodeProxyError(`container "${name}" in pod "${podName}" is terminated`);
    return last.containerID;
  }
  const reason = s?.state.waiting?.reason;
  if (reason === 'ErrImagePull') throw new NodeProxyError(`container "${name}" in pod "${podName}" is waiting to start: image can't be pulled`);
  if (reason === 'ImagePullBackOff') throw new NodeProxyError(`container "${name}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
  if (reason) throw new NodeProxyError(`container "${name}" in pod "${podName}" is waiting to start: ${reason}`);
  throw new NodeProxyError(`container "${name}" in pod "${podName}" is waiting to start - no logs yet`);
}

/** time.RFC3339Nano: trailing zeros of the fraction dropped. */
function rfc3339Nano(ms: number): string {
  const [sec, frac] = new Date(ms).toISOString().slice(0, -1).split('.');
  const f = frac.replace(/0+$/, '');
  return f ? `${sec}.${f}Z` : `${sec}Z`;
}

export function formatLog(entries: LogEntry[], opts: Pick<LogOptions, 'tailLines' | 'timestamps' | 'sinceTime' | 'limitBytes'>): string {
  let list = opts.sinceTime !== undefined ? entries.filter((e) => e[0] >= opts.sinceTime!) : entries;
  if (opts.tailLines !== undefined && opts.tailLines >= 0) list = opts.tailLines === 0 ? [] : list.slice(-opts.tailLines);
  let text = list.map((e) => (opts.timestamps ? `${rfc3339Nano(e[0])} ${e[2]}` : e[2])).join('');
  if (opts.limitBytes !== undefined && opts.limitBytes >= 0) text = Buffer.from(text).subarray(0, opts.limitBytes).toString();
  return text;
}

/** Runs an exec'd process to its end; one that would never end is cut off (at its last output). */
function runExec(state: shell.ProcessState, host: ContainerHost, at: number): { code: number; output: shell.OutputChunk[]; finishedAt: number; endless: boolean } {
  const output: shell.OutputChunk[] = [];
  const deadline = at + EXEC_LIMIT_MS;
  for (let rounds = 0; rounds < 50; rounds++) {
    const r = shell.resume(state, host, { until: deadline });
    output.push(...r.output);
    if (r.status === 'exited') return { code: r.code, output, finishedAt: r.finishedAt, endless: false };
    if (r.status !== 'busy') break;
    state = r.state;
  }
  const last = output.length ? output[output.length - 1].at : at;
  return { code: 130, output, finishedAt: last, endless: true };
}

export class NodeAgent implements NodeProxy {
  constructor(
    private readonly client: Client,
    private readonly disk: NodeDisk,
    private readonly clock: Clock,
  ) {}

  /**
   * A stopped kubelet does not answer: the API server's dial of its port fails (the node's
   * containers keep running, but nothing reaches them through it).
   */
  private dial(pod: Pod, request: (endpoint: string) => string): void {
    const nodeName = pod.spec.nodeName!;
    if (kubeletRunning({ disk: this.disk }, nodeName)) return;
    const node = this.client.tryGet<Node>(nodeKind.type, undefined, nodeName);
    const ip = (node && nodeIP(node)) || nodeName;
    const daemon = node?.status?.daemonEndpoints as { kubeletEndpoint?: { Port?: number } } | undefined;
    const endpoint = `${ip}:${daemon?.kubeletEndpoint?.Port ?? 10250}`;
    throw new NodeProxyError(`${request(endpoint)}dial tcp ${endpoint}: connect: connection refused`, 'Unreachable');
  }

  logs(pod: Pod, opts: LogOptions): string {
    // LogLocation's query, as url.Values encodes it (keys sorted).
    const query = new URLSearchParams();
    if (opts.limitBytes !== undefined) query.set('limitBytes', String(opts.limitBytes));
    if (opts.previous) query.set('previous', 'true');
    if (opts.tailLines !== undefined) query.set('tailLines', String(opts.tailLines));
    if (opts.timestamps) query.set('timestamps', 'true');
    const q = query.size ? `?${query}` : '';
    this.dial(pod, (endpoint) => `Get "https://${endpoint}/containerLogs/${pod.metadata.namespace}/${pod.metadata.name}/${opts.container}${q}": `);
    const id = logContainerID(pod, opts.container, !!opts.previous);
    const rec = getRecord(this.disk, pod.metadata.uid!, opts.container);
    const instance = !rec ? undefined : rec.id === id ? rec.instance : rec.lastTermination?.containerID === id ? rec.instance - 1 : undefined;
    const entries = instance === undefined ? [] : (readLog(this.disk, pod.metadata.uid!, opts.container, instance, this.clock.now()) ?? []);
    return formatLog(entries, opts);
  }

  exec(pod: Pod, opts: ExecOptions): ExecResult {
    this.dial(pod, () => 'error dialing backend: ');
    const now = this.clock.now();
    const nodeName = pod.spec.nodeName!;
    const client = this.client.as(COMPONENTS.node(nodeName));
    const node = client.get<Node>(nodeKind.type, undefined, nodeName);
    const rec = getRecord(this.disk, pod.metadata.uid!, opts.container);
    if (!rec || (rec.exit && rec.exit.at <= now)) throw new NodeProxyError(`container not found ("${opts.container}")`, 'Upgrade');
    const live = structuredClone(rec);
    const pid = live.nextPid;
    live.nextPid += 6;
    live.execs = (live.execs ?? 0) + 1;
    const view = { client, disk: this.disk, now };
    const host = containerHost(view, pod, findContainer(pod, opts.container), node, live, [{ pid, user: 'root', command: opts.command.join(' ') }]);
    const started = shell.startProcess(opts.command, host, now, { pid, stdin: opts.stdin });
    if (!started.ok) {
      const execID = sha256Hex(`${live.id}/${pid}`);
      throw new NodeProxyError(
        `error executing command in container: failed to exec in container: failed to start exec ${JSON.stringify(execID)}: OCI runtime exec failed: exec failed: unable to start container process: ${started.cause}: unknown`,
        'Internal',
      );
    }
    const r = runExec(started.state, host, now);
    host.flush();
    putRecord(this.disk, pod.metadata.uid!, opts.container, live);
    const text = (stream: 'stdout' | 'stderr') => r.output.filter((o) => o.stream === stream).map((o) => o.text).join('');
    return { stdout: text('stdout'), stderr: text('stderr'), exitCode: r.code, finishedAt: r.finishedAt, endless: r.endless };
  }

  /**
   * The main process of a running container, from now on: what it writes reaches the node's
   * log as the kubelet runs it on the cluster clock, and the attach reads it from there. Its
   * stdin is not reached: the simulated main processes never read one.
   */
  attach(pod: Pod, opts: AttachOptions): AttachStream {
    this.dial(pod, () => 'error dialing backend: ');
    const uid = pod.metadata.uid!;
    const rec = getRecord(this.disk, uid, opts.container);
    const alive = (r: typeof rec) => !!r && (!r.exit || r.exit.at > this.clock.now());
    // kubelet GetAttach: only a running container is found.
    if (!alive(rec)) throw new NodeProxyError(`container ${opts.container} not found in pod ${pod.metadata.name}_${pod.metadata.namespace}`, 'Upgrade');
    const instance = rec!.instance;
    const visible = () => readLog(this.disk, uid, opts.container, instance, this.clock.now()) ?? [];
    let seen = visible().length;
    return {
      read: () => {
        const entries = visible();
        const fresh = entries.slice(seen);
        seen = Math.max(seen, entries.length);
        const text = (stream: 'o' | 'e') => fresh.filter((e) => e[1] === stream).map((e) => e[2]).join('');
        return { stdout: text('o'), stderr: text('e') };
      },
      ended: () => {
        const now = getRecord(this.disk, uid, opts.container);
        return !now || now.instance !== instance || !alive(now);
      },
    };
  }
}
