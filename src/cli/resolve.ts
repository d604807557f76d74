// Turning a command's words into what it acts on: "TYPE NAME...", "TYPE/NAME", "TYPE1,TYPE2",
// categories such as "all", and manifest objects, with kubectl's errors for each misuse.
import { type ResourceType, resolveResource, typeForKind, typesInCategory } from '../api/registry';
import type { KubeObject } from '../api/types';
import { CliError } from './errors';
import type { ManifestObject } from './flags/filenames';

export interface Target {
  type: ResourceType;
  /** Names asked for; empty means "all of this type" (subject to selectors). */
  names: string[];
}

export interface Resolved {
  targets: Target[];
  /** Several kinds, or kind/name form: names print with a kind prefix. */
  multipleKinds: boolean;
  /** Exactly one named object was asked for (-o yaml prints it bare, not as a List). */
  singleItem: boolean;
}

export function resourceTypeOf(word: string): ResourceType {
  const t = resolveResource(word);
  if (!t) throw new CliError(`the server doesn't have a resource type ${JSON.stringify(word)}`);
  return t;
}

function typesFor(word: string): ResourceType[] {
  const category = typesInCategory(word.toLowerCase());
  if (word.toLowerCase() === 'all' && category.length) return category;
  return [resourceTypeOf(word)];
}

export function resolveArgs(args: string[]): Resolved {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      throw new CliError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const targets: Target[] = [];
    for (const a of args) {
      const parts = a.split('/');
      if (parts.length > 2) throw new CliError('arguments in resource/name form may not have more than one slash');
      const [word, name] = parts;
      if (!name) throw new CliError(`arguments in resource/name form must have a single resource and name`);
      const type = resourceTypeOf(word);
      const existing = targets.find((t) => t.type === type);
      if (existing) existing.names.push(name);
      else targets.push({ type, names: [name] });
    }
    return { targets, multipleKinds: true, singleItem: args.length === 1 };
  }
  const [typeWord, ...names] = args;
  const types: ResourceType[] = [];
  for (const w of typeWord.split(',').filter(Boolean)) for (const t of typesFor(w)) if (!types.includes(t)) types.push(t);
  const category = typeWord.split(',').some((w) => w.toLowerCase() === 'all');
  return {
    targets: types.map((type) => ({ type, names: [...names] })),
    multipleKinds: types.length > 1 || category,
    singleItem: types.length === 1 && names.length === 1 && !category,
  };
}

/** The served type of a manifest object, or kubectl's "resource mapping not found" error. */
export function typeOfManifest(m: ManifestObject, namespace: string): ResourceType {
  const { apiVersion, kind, metadata } = m.obj as KubeObject;
  const t = typeForKind(apiVersion, kind);
  if (!t)
    throw new CliError(
      `resource mapping not found for name: ${JSON.stringify(metadata?.name ?? '')} namespace: ${JSON.stringify(metadata?.namespace ?? namespace)} from ${JSON.stringify(m.source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
    );
  return t;
}

/** The namespace a manifest object lands in; an explicit -n must agree with the object's own. */
export function namespaceOfManifest(obj: KubeObject, type: ResourceType, namespace: string, explicit: boolean): string | undefined {
  if (!type.namespaced) return undefined;
  const own = obj.metadata?.namespace;
  if (own && explicit && own !== namespace)
    throw new CliError(
      `the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(namespace)}. You must pass '--namespace=${own}' to perform this operation.`,
    );
  return own || namespace;
}
