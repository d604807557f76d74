// pods/log, pods/exec and pods/attach: the checks the API server makes before it hands the request to the
// pod's kubelet (pkg/registry/core/pod: LogLocation, ExecLocation, AttachLocation), with their wording.
import { badRequest, internalError, unknownError } from '../api/errors';
import { type AttachOptions, type AttachStream, type ExecOptions, type ExecResult, type LogOptions, type NodeProxy, NodeProxyError } from '../api/nodeproxy';
import type { Pod } from '../api/types';

function containerNames(pod: Pod): { all: string[]; regular: string[]; init: string[] } {
  const regular = pod.spec.containers.map((c) => c.name);
  const init = (pod.spec.initContainers ?? []).map((c) => c.name);
  return { all: [...regular, ...init], regular, init };
}

/** The container a request addresses: the named one, or the only one. */
function pickContainer(pod: Pod, name: string | undefined): string {
  const names = containerNames(pod);
  if (!name) {
    if (names.regular.length === 1) return names.regular[0];
    let msg = `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.regular.join(' ')}]`;
    if (names.init.length) msg += ` or one of the init containers: [${names.init.join(' ')}]`;
    throw badRequest(msg);
  }
  if (!names.all.includes(name)) throw badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
  return name;
}

function viaNode<T>(pod: Pod, proxy: NodeProxy | undefined, call: (p: NodeProxy) => T): T {
  if (!pod.spec.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  if (!proxy) throw internalError('no node agent is connected');
  try {
    return call(proxy);
  } catch (e) {
    if (!(e instanceof NodeProxyError) || e.kind === 'Upgrade') throw e;
    if (e.kind === 'Unreachable') throw unknownError(e.message);
    throw e.kind === 'BadRequest' ? badRequest(e.message) : internalError(e.message);
  }
}

export function podLogs(pod: Pod, proxy: NodeProxy | undefined, opts: Omit<LogOptions, 'container'> & { container?: string }): string {
  const container = pickContainer(pod, opts.container);
  return viaNode(pod, proxy, (p) => p.logs(pod, { ...opts, container }));
}

export function podExec(pod: Pod, proxy: NodeProxy | undefined, opts: Omit<ExecOptions, 'container'> & { container?: string }): ExecResult {
  const container = pickContainer(pod, opts.container);
  return viaNode(pod, proxy, (p) => p.exec(pod, { ...opts, container }));
}

export function podAttach(pod: Pod, proxy: NodeProxy | undefined, opts: Omit<AttachOptions, 'container'> & { container?: string }): AttachStream {
  const container = pickContainer(pod, opts.container);
  return viaNode(pod, proxy, (p) => p.attach(pod, { ...opts, container }));
}
