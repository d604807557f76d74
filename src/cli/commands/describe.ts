// kubectl describe: one describer per kind, events included, names matched by prefix.
import type { Command } from '../command';
import { isStatusError } from '../../api/errors';
import { resolveResource } from '../../api/registry';
import type { Event, KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { type DescribeLookup, describerFor } from '../../printers/describe';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { addGlobalFlags, intFlag } from '../program';
import { resolveArgs } from '../resolve';
import { type FilenameFlags, build } from '../resource/builder';
import { addFilenameFlags, filenameFlagsOf, selectorOption } from '../flags/groups';
import { type Verb, verbAction } from '../verb';

export interface DescribeOptions {
  args: string[];
  files: FilenameFlags;
  selector: string;
  allNamespaces: boolean;
  namespace: string;
  enforceNamespace: boolean;
  showEvents: boolean;
}

/** Whether an event is about `obj`, as kubectl's events.Search selects them (kind, name, namespace, uid). */
function about(e: Event, obj: KubeObject): boolean {
  const io = e.involvedObject ?? {};
  return io.kind === obj.kind && io.name === obj.metadata.name && (io.namespace ?? '') === (obj.metadata.namespace ?? '') && (!io.uid || io.uid === obj.metadata.uid);
}

/** Where an object's events are filed: its kind, namespace and name (the uid is checked after). */
const eventKey = (kind: string | undefined, namespace: string | undefined, name: string | undefined) => `${kind}\0${namespace ?? ''}\0${name}`;

function lookup(client: Client): DescribeLookup {
  const eventType = resolveResource('events')!;
  // The first object's events are picked out of one pass that keeps nothing else (describing one
  // pod among ten thousand must not hold every event); describing more files them all once.
  let filed: Map<string, Event[]> | undefined;
  let first = true;
  return {
    events(obj) {
      if (first) {
        first = false;
        const found: Event[] = [];
        client.each<Event>(eventType, obj.metadata.namespace, {}, (e) => about(e, obj) && found.push(e));
        return found;
      }
      if (!filed) {
        filed = new Map();
        for (const e of client.list<Event>(eventType)) {
          const io = e.involvedObject ?? {};
          const key = eventKey(io.kind, io.namespace, io.name);
          const list = filed.get(key);
          if (list) list.push(e);
          else filed.set(key, [e]);
        }
      }
      return (filed.get(eventKey(obj.kind, obj.metadata.namespace, obj.metadata.name)) ?? []).filter((e) => about(e, obj));
    },
    list<T extends KubeObject>(kind: string, namespace?: string): T[] {
      return client.list<T>(resolveResource(kind)!, namespace);
    },
  };
}

/** kubectl's DescribeMatchingResources: the objects of TYPE whose names start with the one asked for. */
function describeMatching(c: CommandContext, client: Client, o: DescribeOptions, errors: Error[], ctxd: Parameters<ReturnType<typeof describerFor> & {}>[1]): void {
  const [typeWord, prefix] = o.args;
  const [target] = resolveArgs([typeWord]).targets;
  const describer = describerFor(target.type.kind);
  const matches = client.list(target.type, target.type.namespaced ? o.namespace : undefined).filter((m) => m.metadata.name!.startsWith(prefix));
  if (!matches.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
  for (const m of matches) c.io.out.write(describer(m, ctxd) + '\n');
}

const describeVerb: Verb<DescribeOptions> = {
  complete(c, args, f) {
    return {
      args,
      files: filenameFlagsOf(f),
      selector: f.selector ?? '',
      allNamespaces: !!f.allNamespaces,
      namespace: c.namespace(),
      enforceNamespace: c.namespaceExplicit,
      showEvents: f.showEvents !== false,
    };
  },

  validate(o) {
    if (!o.args.length && !o.files.filenames.length && !o.files.kustomize)
      throw new CliError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  },

  async run(c, o) {
    const selection = await build(c.io, {
      namespace: o.namespace,
      enforceNamespace: o.enforceNamespace,
      allNamespaces: o.allNamespaces,
      files: o.files,
      labelSelector: o.selector,
      args: o.args,
      allowEmptySelector: true,
      latest: true,
    });
    const cluster = c.cluster('read');
    const client = cluster.client;
    const ctxd = { now: cluster.now(), showEvents: o.showEvents, lookup: lookup(client) };
    const infos = selection.infos(client);
    const errors = selection.errors;
    // One TYPE NAME that is not found describes every object whose name it prefixes.
    if (o.args.length === 2 && errors.some((e) => isStatusError(e, 'NotFound'))) return describeMatching(c, client, o, errors, ctxd);
    const outputs: string[] = [];
    for (const { type, obj } of infos) {
      try {
        outputs.push(describerFor(type.kind)(obj, ctxd));
      } catch (e) {
        if (!errors.some((x) => x.message === (e as Error).message)) errors.push(e as Error);
      }
    }
    if (outputs.length) c.io.out.write(outputs.join('\n\n'));
    if (!infos.length && !errors.length) c.io.err.write(o.allNamespaces ? 'No resources found\n' : `No resources found in ${o.namespace} namespace.\n`);
    if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('describe')
    .description('Show details of a specific resource or group of resources')
    .argument('[args...]')
    .addOption(selectorOption())
    .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces.')
    .option('--show-events', 'If true, display events related to the described object.', true)
    .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once.', intFlag(), 500);
  addFilenameFlags(cmd, { filename: 'Filename, directory, or URL to files containing the resource to describe', kustomize: true });
  addGlobalFlags(cmd).action(verbAction(ctx, describeVerb));
}
