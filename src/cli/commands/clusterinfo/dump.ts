// kubectl cluster-info dump (pkg/cmd/clusterinfo/clusterinfo_dump.go, v1.32): the nodes, then for
// each namespace its events, replication controllers, services, daemon sets, deployments, replica
// sets and pods, each as the typed list a clientset returns, and every container's log between
// START and END lines; to standard output, or to a directory of files (nodes.json,
// <ns>/events.json, ..., <ns>/<pod>/logs.txt).
//
// The lists are what the API server answers on its REST paths (Client.raw): items without kind
// and apiVersion, in Go struct order, the list's resourceVersion the store's revision. The kinds
// pocketkube does not serve (ReplicationControllers, Services, DaemonSets) are listed empty at
// that revision, as a cluster without such objects lists them (real kubectl against a server
// that does not serve them at all would stop at the first with a NotFound).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Status, StatusError, isStatusError } from '../../../api/errors';
import { typeForKind } from '../../../api/registry';
import { goJsonCompact } from '../../../api/meta/canonical';
import type { Client } from '../../../client/client';
import { toJson } from '../../../printers/json';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { type OutputFormat, parseOutput, printGoTemplate, printJsonPath } from '../../flags/output';
import type { Output } from '../../io';

/** A typed list as the clientset decodes it and PrintFlags' type setter names it. */
interface TypedList {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion?: string };
  items: Record<string, any>[];
}

/** A resource the dump lists: its group (version v1) and kind. */
interface Section {
  group: '' | 'apps';
  resource: string;
  kind: string;
}

/** What the dump lists in each namespace, in its order: the files' names and the lists' kinds. */
const SECTIONS: readonly (Section & { file: string })[] = [
  { file: 'events', group: '', resource: 'events', kind: 'Event' },
  { file: 'replication-controllers', group: '', resource: 'replicationcontrollers', kind: 'ReplicationController' },
  { file: 'services', group: '', resource: 'services', kind: 'Service' },
  { file: 'daemonsets', group: 'apps', resource: 'daemonsets', kind: 'DaemonSet' },
  { file: 'deployments', group: 'apps', resource: 'deployments', kind: 'Deployment' },
  { file: 'replicasets', group: 'apps', resource: 'replicasets', kind: 'ReplicaSet' },
  { file: 'pods', group: '', resource: 'pods', kind: 'Pod' },
];

const NODES: Section = { group: '', resource: 'nodes', kind: 'Node' };
const NAMESPACES: Section = { group: '', resource: 'namespaces', kind: 'Namespace' };

export interface DumpOptions {
  printer: DumpPrinter;
  /** The files' extension: from -o as given (exactly "json" or "yaml"), else .txt. */
  extension: string;
  /** --output-directory; empty or "-" is standard output. */
  outputDir: string;
  allNamespaces: boolean;
  namespaces: string[];
  /** The current namespace (-n, else the context's). */
  namespace: string;
}

/**
 * PrintFlags.ToPrinter as the dump sets it up (default json, a type setter): --template without
 * -o means go-template; json, yaml and name match in any case; "" is the name printer too.
 */
function dumpFormat(opts: Record<string, any>, outputGiven: boolean): OutputFormat {
  const templateOptions = { template: opts.template, allowMissingTemplateKeys: opts.allowMissingTemplateKeys };
  const value: string = opts.template && !outputGiven ? 'go-template' : (opts.output ?? '');
  const lower = value.toLowerCase();
  if (lower === 'json' || lower === 'yaml' || lower === 'name') return { kind: lower };
  if (lower === '') return { kind: 'name' };
  return parseOutput(value, false, templateOptions);
}

export function complete(c: CommandContext, opts: Record<string, any>, outputGiven: boolean): DumpOptions {
  const output: string = opts.output ?? '';
  const o: DumpOptions = {
    printer: new DumpPrinter(dumpFormat(opts, outputGiven), !!opts.showManagedFields),
    extension: output === 'json' ? '.json' : output === 'yaml' ? '.yaml' : '.txt',
    outputDir: opts.outputDirectory ?? '',
    allNamespaces: !!opts.allNamespaces,
    namespaces: opts.namespaces ?? [],
    namespace: c.namespace(),
  };
  // GetPodRunningTimeoutFlag: checked, though the dump never waits for a pod.
  if (opts.podRunningTimeout <= 0) throw new CliError('--pod-running-timeout must be higher than zero');
  return o;
}

/**
 * The dump's printer: one for the whole dump, as kubectl keeps one (YAML documents after the
 * first are preceded by ---, whichever file they go to). JSON and YAML leave managedFields out
 * unless --show-managed-fields; the name printer refuses typed lists.
 */
export class DumpPrinter {
  private yamlCount = 0;

  constructor(
    private readonly format: OutputFormat,
    private readonly showManagedFields: boolean,
  ) {}

  print(out: Output, list: TypedList): void {
    switch (this.format.kind) {
      case 'json':
        out.write(toJson(this.managed(list), { sortKeys: false }));
        return;
      case 'yaml': {
        if (this.yamlCount++ > 0) out.write('---\n');
        const { toYaml } = require('../../../printers/yaml') as typeof import('../../../printers/yaml');
        out.write(toYaml(this.managed(list)));
        return;
      }
      case 'jsonpath':
        printJsonPath(out, this.format.printer, list);
        return;
      case 'go-template':
        printGoTemplate(out, this.format.printer, list, goJsonCompact(list));
        return;
      default:
        throw new CliError(`list types are not supported by name printing: *v1.${list.kind}`);
    }
  }

  /** OmitManagedFieldsPrinter: the items without metadata.managedFields. */
  private managed(list: TypedList): TypedList {
    if (this.showManagedFields || !list.items.some((i) => i.metadata?.managedFields)) return list;
    const items = list.items.map((i) => {
      if (!i.metadata?.managedFields) return i;
      const { managedFields: _m, ...metadata } = i.metadata;
      return { ...i, metadata };
    });
    return { ...list, items };
  }
}

/** Where each part goes: standard output, or a file of the directory (made as MkdirAll and os.Create make them). */
class Destination {
  constructor(
    private readonly dir: string,
    private readonly out: Output,
  ) {}

  get toFiles(): boolean {
    return this.dir !== '' && this.dir !== '-';
  }

  /** setupOutputWriter: runs `write` on standard output, or on the file `name` + `extension` under the directory. */
  write(name: string, extension: string, write: (out: Output) => void): void {
    if (!this.toFiles) return write(this.out);
    const file = path.join(this.dir, name) + extension;
    mkdirAll(path.dirname(file));
    let fd: number;
    try {
      fd = fs.openSync(file, 'w', 0o666);
    } catch (e) {
      throw new CliError(goCreateError(file, e));
    }
    try {
      write({ write: (text: string) => void fs.writeSync(fd, text), isTTY: false });
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** os.MkdirAll(dir, 0755), failing with Go's *PathError text. */
function mkdirAll(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // MkdirAll stats what exists: a file where a directory must be is "not a directory".
    const text = err.code === 'EEXIST' || err.code === 'ENOTDIR' ? 'not a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new CliError(`mkdir ${existingFileOn(dir) ?? dir}: ${text}`);
  }
}

/** The first path on the way to `dir` that exists and is not a directory (what MkdirAll reports). */
function existingFileOn(dir: string): string | undefined {
  const parts = dir.split(path.sep);
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join(path.sep);
    if (!p) continue;
    try {
      if (!fs.statSync(p).isDirectory()) return p;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function goCreateError(file: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const text = { EISDIR: 'is a directory', EACCES: 'permission denied', ENOENT: 'no such file or directory', ENOTDIR: 'not a directory' }[err.code ?? ''] ?? err.message;
  return `open ${file}: ${text}`;
}

/**
 * The error client-go's DoRaw makes of a failed log request: the body (a JSON Status) is not
 * read, so the message is apimachinery's generic one for the status code
 * (NewGenericServerResponse), naming the request.
 */
function logRequestError(code: number, pod: string): string {
  const generic: Record<number, string> = {
    400: 'the server rejected our request for an unknown reason',
    401: 'the server has asked for the client to provide credentials',
    403: 'unknown',
    404: 'the server could not find the requested resource',
    405: 'the server does not allow this method on the requested resource',
    406: 'the server was unable to respond with a content type that the client supports',
    409: 'the server reported a conflict',
    415: 'unknown',
    422: 'the server rejected our request due to an error in our request',
    429: 'the server has received too many requests and has asked us to try again later',
    503: 'the server is currently unable to handle the request',
    504: 'the server was unable to return a response in the time allotted, but may still be processing the request',
  };
  const message =
    generic[code] ?? (code >= 500 ? 'an error on the server ("unknown") has prevented the request from succeeding' : `the server responded with the status code ${code} but did not return more information`);
  return `${message} (get pods ${pod})`;
}

/** apimachinery's IsValidPathSegmentName, which client-go checks a request's namespace with. */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** A list as the typed clientset gets it; an empty one, at `revision`, for a kind pocketkube does not serve. */
function list(client: Client, s: Section, namespace: string | undefined, revision?: string): TypedList {
  const apiVersion = s.group ? `${s.group}/v1` : 'v1';
  if (!typeForKind(apiVersion, s.kind)) return { kind: `${s.kind}List`, apiVersion, metadata: { resourceVersion: revision }, items: [] };
  if (namespace !== undefined) {
    const bad = pathSegmentErrors(namespace);
    if (bad.length) throw new CliError(`invalid namespace ${JSON.stringify(namespace)}: [${bad.join(' ')}]`);
  }
  const prefix = s.group ? `/apis/${apiVersion}` : '/api/v1';
  const where = namespace === undefined ? '' : `/namespaces/${namespace.replace(/[?#]/g, encodeURIComponent)}`;
  const r = client.raw({ uri: `${prefix}${where}/${s.resource}` }, '');
  if (r.code < 200 || r.code >= 300) throw new StatusError(JSON.parse(r.body) as Status);
  return JSON.parse(r.body) as TypedList;
}

/** One container's log between its START and END lines, or why it could not be read. */
function containerLog(client: Client, pod: Record<string, any>, container: string): string {
  const { namespace, name } = pod.metadata;
  let body: string;
  try {
    body = client.logs(namespace, name, { container });
  } catch (e) {
    if (!isStatusError(e)) throw e;
    body = `Request log error: ${logRequestError(e.code, name)}\n`;
  }
  return `==== START logs for container ${container} of pod ${namespace}/${name} ====\n${body}==== END logs for container ${container} of pod ${namespace}/${name} ====\n`;
}

export function run(c: CommandContext, o: DumpOptions): void {
  const { client } = c.cluster('read');
  const to = new Destination(o.outputDir, c.io.out);
  const nodes = list(client, NODES, undefined);
  to.write('nodes', o.extension, (out) => o.printer.print(out, nodes));
  const revision = nodes.metadata.resourceVersion;

  let namespaces: string[];
  if (o.allNamespaces) namespaces = list(client, NAMESPACES, undefined).items.map((ns) => ns.metadata.name as string);
  else namespaces = o.namespaces.length ? o.namespaces : ['kube-system', o.namespace];

  for (const namespace of namespaces) {
    let pods: TypedList | undefined;
    for (const s of SECTIONS) {
      const l = list(client, s, namespace, revision);
      to.write(path.posix.join(namespace, s.file), o.extension, (out) => o.printer.print(out, l));
      if (s.resource === 'pods') pods = l;
    }
    for (const pod of pods!.items) {
      const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])] as { name: string }[];
      to.write(path.posix.join(namespace, pod.metadata.name, 'logs'), '.txt', (out) => {
        for (const container of containers) out.write(containerLog(client, pod, container.name));
      });
    }
  }
  if (to.toFiles) c.io.out.write(`Cluster info dumped to ${o.outputDir}\n`);
}
