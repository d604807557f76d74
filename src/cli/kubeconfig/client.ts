// The client configuration a command runs with, as client-go's DirectClientConfig resolves it:
// the context (--context, else the current one), then each of its parts overridden by a flag
// (--cluster, --user, -s/--server, --token, -n), with kubectl's errors for names that are not there.
import { formatGoDuration } from '../../api/duration';
import { CliError, RawError } from '../errors';
import type { Kubeconfig } from './file';

export interface ClientOverrides {
  context?: string;
  cluster?: string;
  user?: string;
  server?: string;
  token?: string;
  namespace?: string;
}

export interface ClientConfig {
  context: string;
  namespace: string;
  /** The server's URL; client-go's default when nothing names one. */
  server: string;
  token?: string;
  /** The context's user exists nowhere: client-go asks for a username (and meets EOF). */
  promptForUser: boolean;
}

/** client-go's default host when no cluster gives one. */
const DEFAULT_SERVER = 'http://localhost:8080';

export function resolveClientConfig(config: Kubeconfig | undefined, o: ClientOverrides): ClientConfig {
  const contextName = o.context || config?.currentContext || '';
  const context = contextName ? config?.context(contextName) : undefined;
  const clusterName = o.cluster || context?.context.cluster || '';
  const cluster = clusterName ? config?.cluster(clusterName) : undefined;
  const noContext = contextName && !context ? `context was not found for specified context: ${contextName}` : undefined;
  const noServer = o.cluster && !cluster && !o.server ? `no server found for cluster ${JSON.stringify(o.cluster)}` : undefined;
  // client-go's ConfirmUsable gathers both; the cluster alone fails later, as a plain error.
  if (noContext && noServer) throw new RawError(`Error in configuration: \n* ${noContext}\n* ${noServer}\n`);
  if (noContext) throw new RawError(`Error in configuration: ${noContext}\n`);
  if (noServer) throw new CliError(noServer);
  const userName = o.user || context?.context.user || '';
  const user = userName ? config?.user(userName) : undefined;
  if (o.user && !user) throw new CliError(`auth info ${JSON.stringify(o.user)} does not exist`);
  return {
    context: contextName,
    namespace: o.namespace || context?.context.namespace || 'default',
    server: o.server || cluster?.cluster.server || DEFAULT_SERVER,
    token: o.token || user?.user.token,
    promptForUser: !!userName && !user && !o.token,
  };
}

/** host[:port] of a server URL, as kubectl names it in messages. */
export function serverHost(server: string): string {
  try {
    return new URL(server.includes('://') ? server : `https://${server}`).host;
  } catch {
    return server;
  }
}

/** Whether two server URLs name the same endpoint (scheme, host and port; a trailing slash aside). */
export function sameServer(a: string, b: string): boolean {
  const norm = (s: string) => {
    try {
      const u = new URL(s.includes('://') ? s : `https://${s}`);
      return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
    } catch {
      return s;
    }
  };
  return norm(a) === norm(b);
}

/**
 * What kubectl prints when nothing listens at the server: discovery's five failed attempts, as
 * klog error lines, then the connection hint. `log` writes one klog line.
 */
export function connectionRefused(server: string, timeoutMs: number, log: (source: string, message: string) => void): RawError {
  const host = serverHost(server);
  const scheme = server.startsWith('http://') ? 'http' : 'https';
  const dial = host.replace(/^localhost(?=:|$)/, '127.0.0.1');
  const url = `${scheme}://${host}/api?timeout=${formatGoDuration(timeoutMs || 32_000)}`;
  const err = `couldn't get current server API group list: Get ${JSON.stringify(url)}: dial tcp ${dial}: connect: connection refused`;
  for (let i = 0; i < 5; i++) log('memcache.go:265', `"Unhandled Error" err=${JSON.stringify(err)}`);
  return new RawError(`The connection to the server ${host} was refused - did you specify the right host or port?\n`);
}
