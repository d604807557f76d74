// kubectl get --raw (pkg/rawhttp): GET a path of the API server and print the body as it came;
// an answer that is not 2xx is reported as client-go reports it.
import { StatusError, type Status, noSuchResource } from '../../api/errors';
import type { CommandContext } from '../context';
import type { RawResponse } from '../../client/client';
import { CliError } from '../errors';
import { goReadFile } from '../gofile';

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
  printAnswer(c, client.raw({ uri }, advertiseAddress(c)));
}

/** The options of a verb's --raw write (create: POST, replace: PUT, delete: DELETE). */
export interface RawWrite {
  uri: string;
  /** The one -f file (or "-" for stdin) whose bytes are the body; delete may send none. */
  file?: string;
}

/**
 * The checks create, replace and delete make of --raw beside their other flags, in kubectl's
 * order (each verb makes its own checks first: create --edit, delete -i).
 */
export function validateRawWrite(uri: string, o: { filenames: string[]; recursive: boolean; output?: string; selector?: string; bodyOptional?: boolean }): void {
  if (o.filenames.length !== 1 && !(o.bodyOptional && o.filenames.length === 0)) throw new CliError('--raw can only use a single local file or stdin');
  if (o.filenames.length === 1 && /^https?:\/\//.test(o.filenames[0])) throw new CliError('--raw cannot read from a url');
  if (o.recursive) throw new CliError('--raw and --recursive are mutually exclusive');
  if (o.selector) throw new CliError('--raw and --selector (-l) are mutually exclusive');
  if (o.output) throw new CliError('--raw and --output are mutually exclusive');
  const bad = requestUriError(uri);
  if (bad) throw new CliError(`--raw must be a valid URL path: ${bad}`);
}

/** kubectl's rawhttp: the file's bytes sent as they are to the path, and the answer's body printed as it came. */
export async function runRawWrite(c: CommandContext, method: 'POST' | 'PUT' | 'DELETE', o: RawWrite): Promise<void> {
  const body = o.file === undefined ? '' : o.file === '-' ? await c.io.readStdin() : goReadFile(o.file);
  const { client } = c.cluster('write');
  const answer = client.raw({ method, uri: o.uri, body }, advertiseAddress(c));
  c.serverWarning(...client.takeWarnings());
  printAnswer(c, answer);
}

function printAnswer(c: CommandContext, r: RawResponse): void {
  if (r.code >= 200 && r.code < 300) {
    c.io.out.write(r.body);
    return;
  }
  // client-go decodes a Status body; any other body of a 404 becomes its generic NotFound.
  if (r.contentType === 'application/json') throw new StatusError(JSON.parse(r.body) as Status);
  throw noSuchResource();
}
