// kubectl describe: one describer per kind, events included, names matched by prefix.
import type { Command } from '../command';
import { isStatusError } from '../../api/errors';
import { resolveResource } from '../../api/registry';
import type { Event, KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { type DescribeLookup, describerFor } from '../../printers/describe';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { readManifests } from '../manifest/read';
import { action, addGlobalFlags, intFlag } from '../program';
import { type Target, listSelected, namespaceOfManifest, resolveArgs } from '../resolve';
import { filenameOption, recursiveOption, selectorOption } from '../flags/groups';

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

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('describe')
      .description('Show details of a specific resource or group of resources')
      .argument('[args...]')
      .addOption(selectorOption())
      .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces.')
      .addOption(filenameOption('Filename, directory, or URL to files containing the resource to describe'))
      .addOption(recursiveOption())
      .option('--show-events', 'If true, display events related to the described object.', true)
      .option('--no-show-events', 'Do not display events.')
      .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once.', intFlag(), 500),
  ).action(
    action(ctx, async (c, args, opts) => {
      const selector: string = opts.selector ?? '';
      const namespace = c.namespace();
      const allNamespaces = !!opts.allNamespaces;
      if (!args.length && !opts.filename?.length)
        throw new CliError(
          'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
        );
      const errors: Error[] = [];
      let targets: (Target & { namespace?: string })[];
      if (opts.filename?.length) {
        const manifests = await readManifests(opts.filename, { recursive: !!opts.recursive, validate: false }, c.io);
        errors.push(...manifests.errors);
        targets = [];
        for (const m of manifests.objects) {
          try {
            const ns = namespaceOfManifest(m.obj, m.type, namespace, c.namespaceExplicit);
            if (!m.obj.metadata?.name) throw new CliError('resource name may not be empty');
            targets.push({ type: m.type, names: [m.obj.metadata.name], namespace: ns });
          } catch (e) {
            errors.push(e as Error);
          }
        }
      } else targets = resolveArgs(args).targets;
      const cluster = c.cluster('read');
      const client = cluster.client;
      const ctxd = { now: cluster.now(), showEvents: opts.showEvents !== false, lookup: lookup(client) };
      const outputs: string[] = [];
      let prefixMatches = false;
      for (const t of targets) {
        const describer = describerFor(t.type.kind);
        if (!describer) throw new CliError(`describing ${t.type.resource} is not supported by pocketkube yet`);
        const ns = t.type.namespaced ? (t.namespace ?? (allNamespaces ? undefined : namespace)) : undefined;
        if (!t.names.length) {
          for (const obj of listSelected(client, t.type, ns, selector)) outputs.push(describer(obj, ctxd));
          continue;
        }
        for (const name of t.names) {
          try {
            outputs.push(describer(client.get(t.type, ns, name), ctxd));
          } catch (e) {
            if (!isStatusError(e, 'NotFound')) throw e;
            // A name that is not found but prefixes existing names describes all of those.
            const matches = client.list(t.type, ns).filter((o) => o.metadata.name!.startsWith(name));
            if (!matches.length) errors.push(e as Error);
            for (const m of matches) {
              prefixMatches = true;
              outputs.push(describer(m, ctxd) + '\n');
            }
          }
        }
      }
      if (outputs.length) c.io.out.write(prefixMatches ? outputs.join('') : outputs.join('\n\n'));
      else if (!errors.length) {
        const namespaced = targets.every((t) => t.type.namespaced);
        c.io.err.write(namespaced && !allNamespaces ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
      }
      if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    }),
  );
}
