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

/** What was asked for, before the server is asked: one object, or a type to list. */
export interface Selection {
  target: Target;
  namespace?: string;
  /** Set for one named object; unset to list the type (-l, --field-selector, --all). */
  name?: string;
  /** With --local, the object as the file has it. */
  local?: KubeObject;
}

/** Reads -f files and resolves arguments; unreadable documents are collected in `errors`. */
export async function resolveSelection(c: CommandContext, resources: string[], o: SelectOptions, errors: Error[]): Promise<Selection[]> {
  const namespace = c.namespace();
  const out: Selection[] = [];
  if (o.filename?.length) {
    const manifests = await readManifests(o.filename, { recursive: !!o.recursive, validate: false }, c.io);
    errors.push(...manifests.errors);
    for (const m of manifests.objects) {
      const ns = namespaceOfManifest(m.obj, m.type, namespace, c.namespaceExplicit);
      const name = m.obj.metadata.name ?? '';
      // Locally the builder has no REST mapping, so it does not fill in the namespace (kubectl prints none).
      const local = o.local ? m.obj : undefined;
      out.push({ target: { type: m.type, names: [name] }, namespace: ns, name, local });
    }
    if (o.local || !resources.length) return out;
  }
  for (const t of resolveArgs(resources).targets) {
    const ns = t.type.namespaced ? (o.allNamespaces && !t.names.length ? undefined : namespace) : undefined;
    if (t.names.length) for (const name of t.names) out.push({ target: t, namespace: ns, name });
    else if (o.all || o.selector || o.fieldSelector) out.push({ target: t, namespace: ns });
    else throw new CliError('resource(s) were provided, but no name was specified');
  }
  return out;
}

/** Fetches what was selected; errors (e.g. NotFound) are collected in `errors`. */
export function fetchSelection(client: Client | undefined, selection: readonly Selection[], o: SelectOptions, errors: Error[]): Picked[] {
  const out: Picked[] = [];
  for (const s of selection) {
    if (s.local) out.push({ target: s.target, obj: s.local, namespace: s.namespace });
    else if (s.name !== undefined) {
      try {
        out.push({ target: s.target, obj: client!.get(s.target.type, s.namespace, s.name), namespace: s.namespace });
      } catch (e) {
        errors.push(e as Error);
      }
    } else for (const obj of listSelected(client!, s.target.type, s.namespace, o.selector ?? '', o.fieldSelector ?? '')) out.push({ target: s.target, obj, namespace: obj.metadata.namespace });
  }
  return out;
}

/** Errors for names that are not found are collected in `errors`; the rest is returned. */
export async function pickObjects(c: CommandContext, client: Client | undefined, resources: string[], o: SelectOptions, errors: Error[]): Promise<Picked[]> {
  return fetchSelection(client, await resolveSelection(c, resources, o, errors), o, errors);
}

/**
 * kubectl's ContinueOnError visit: each selected object in turn, fetched and then handed to
 * `visit`; a fetch failure or a failure of `visit` is recorded in `errors`, in visiting order, and
 * the walk goes on. Returns how many objects were visited.
 */
export function visitSelection(client: Client | undefined, selection: readonly Selection[], o: SelectOptions, errors: Error[], visit: (p: Picked) => void): number {
  let count = 0;
  for (const s of selection) {
    for (const p of fetchSelection(client, [s], o, errors)) {
      count++;
      try {
        visit(p);
      } catch (e) {
        errors.push(e as Error);
      }
    }
  }
  return count;
}
