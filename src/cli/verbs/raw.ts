// kubectl get --raw (pkg/rawhttp): GET a path of the API server and print the body as it came;
// an answer that is not 2xx is reported as client-go reports it.
import { StatusError, type Status, noSuchResource } from '../../api/errors';
import type { CommandContext } from '../context';
import { CliError } from '../errors';

/** url.ParseRequestURI's verdict on a --raw value: undefined when it parses, else Go's error. */
export function requestUriError(uri: string): string | undefined {
  const quoted = JSON.stringify(uri);
  const bad = /%(?![0-9a-fA-F]{2})(.{0,2})/.exec(uri.split('?')[0]);
  if (bad) return `parse ${quoted}: invalid URL escape ${JSON.stringify('%' + bad[1])}`;
  if (uri.startsWith('/') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(uri)) return undefined;
  return `parse ${quoted}: invalid URI for request`;
}

/** The checks kubectl's get makes before it sends a raw request (Complete, then Validate). */
export function validateRaw(uri: string, args: string[], o: { output?: string; selector?: string; watch?: boolean; watchOnly?: boolean }): void {
  if (args.length) throw new CliError('arguments may not be passed when --raw is specified');
  if (o.watch || o.watchOnly || o.selector) throw new CliError('--raw may not be specified with other flags that filter the server request or alter the output');
  if (o.output) throw new CliError('--raw and --output are mutually exclusive');
  const bad = requestUriError(uri);
  if (bad) throw new CliError(`--raw must be a valid URL path: ${bad}`);
}

/** host:port of the kubeconfig's server: the address the API server advertises. */
function advertiseAddress(c: CommandContext): string {
  const config = c.kubeconfig();
  const context = config?.context(c.flags.context);
  const server = (context && config?.cluster(context.context.cluster)?.cluster.server) || 'https://172.18.0.2:6443';
  return new URL(server).host;
}

export function runRaw(c: CommandContext, uri: string): void {
  const { client } = c.cluster('read');
  const r = client.raw(uri, advertiseAddress(c));
  if (r.code >= 200 && r.code < 300) {
    c.io.out.write(r.body);
    return;
  }
  // client-go decodes a Status body; any other body of a 404 becomes its generic NotFound.
  if (r.contentType === 'application/json') throw new StatusError(JSON.parse(r.body) as Status);
  throw noSuchResource();
}
