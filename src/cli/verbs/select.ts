// The objects a verb acts on, chosen as kubectl's resource builder chooses them: TYPE NAME or
// TYPE/NAME (fetched), TYPE with -l/--field-selector/--all (listed, -A across namespaces), or -f
// files (their latest state on the server, or the file itself with --local).
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { readManifests } from '../manifest/read';
import { type Target, listSelected, namespaceOfManifest, resolveArgs } from '../resolve';

export interface SelectOptions {
  all?: boolean;
  allNamespaces?: boolean;
  selector?: string;
  fieldSelector?: string;
  filename?: string[];
  recursive?: boolean;
  local?: boolean;
}

export interface Picked {
  target: Target;
  obj: KubeObject;
  namespace?: string;
}

/** Errors for names that are not found are collected in `errors`; the rest is returned. */
export async function pickObjects(c: CommandContext, client: Client | undefined, resources: string[], o: SelectOptions, errors: Error[]): Promise<Picked[]> {
  const namespace = c.namespace();
  const out: Picked[] = [];
  if (o.filename?.length) {
    const manifests = await readManifests(o.filename, { recursive: !!o.recursive, validate: false }, c.io);
    errors.push(...manifests.errors);
    for (const m of manifests.objects) {
      const ns = namespaceOfManifest(m.obj, m.type, namespace, c.namespaceExplicit);
      const target = { type: m.type, names: [m.obj.metadata.name ?? ''] };
      try {
        const obj = o.local ? { ...m.obj, metadata: { ...m.obj.metadata, ...(ns ? { namespace: ns } : {}) } } : client!.get(m.type, ns, m.obj.metadata.name ?? '');
        out.push({ target, obj, namespace: ns });
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (o.local || !resources.length) return out;
  }
  for (const t of resolveArgs(resources).targets) {
    const ns = t.type.namespaced ? (o.allNamespaces && !t.names.length ? undefined : namespace) : undefined;
    if (t.names.length) {
      for (const name of t.names) {
        try {
          out.push({ target: t, obj: client!.get(t.type, ns, name), namespace: ns });
        } catch (e) {
          errors.push(e as Error);
        }
      }
    } else if (o.all || o.selector || o.fieldSelector) {
      for (const obj of listSelected(client!, t.type, ns, o.selector ?? '', o.fieldSelector ?? '')) out.push({ target: t, obj, namespace: obj.metadata.namespace });
    } else throw new CliError('resource(s) were provided, but no name was specified');
  }
  return out;
}
