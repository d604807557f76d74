// Turning a command's words into what it acts on: "TYPE NAME...", "TYPE/NAME", "TYPE1,TYPE2",
// categories such as "all", and manifest objects, with kubectl's errors for each misuse.
import { type ResourceType, resolveResource, typesInCategory } from '../api/registry';
import { isStatusError } from '../api/errors';
import type { KubeObject } from '../api/types';
import type { Client } from '../client/client';
import { CliError } from './errors';

/** The resource builder's error when neither arguments nor -f name anything. */
export function noResourcesError(): CliError {
  return new CliError(
    "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  );
}

/**
 * cli-runtime's LocalResourceError, which verbs (set image, set resources, ...) give for
 * TYPE/NAME arguments beside --local.
 */
export function localResourceError(): CliError {
  return new CliError("error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'");
}

export interface Target {
  type: ResourceType;
  /** Names asked for; empty means "all of this type" (subject to selectors). */
  names: string[];
  /** For names read from manifests: each one's namespace (the object's own, else the current one). */
  namespaces?: (string | undefined)[];
}

export interface Resolved {
  targets: Target[];
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
      // In the order given: kubectl prints a new table whenever the kind changes.
      const last = targets[targets.length - 1];
      if (last?.type === type) last.names.push(name);
      else targets.push({ type, names: [name] });
    }
    return { targets, singleItem: args.length === 1 };
  }
  const [typeWord, ...names] = args;
  const types: ResourceType[] = [];
  for (const w of typeWord.split(',').filter(Boolean)) for (const t of typesFor(w)) if (!types.includes(t)) types.push(t);
  const category = typeWord.split(',').some((w) => w.toLowerCase() === 'all');
  return {
    targets: types.map((type) => ({ type, names: [...names] })),
    singleItem: types.length === 1 && names.length === 1 && !category,
  };
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

/**
 * Lists what `-l`/`--field-selector` pick. The API server parses the selectors; when it rejects
 * them, kubectl rewords the error to say what it was looking for (cli-runtime's Selector visitor).
 */
export function listSelected(client: Client, type: ResourceType, namespace: string | undefined, labelSelector = '', fieldSelector = ''): KubeObject[] {
  const out: KubeObject[] = [];
  eachSelected(client, type, namespace, labelSelector, fieldSelector, (o) => out.push(o), 'keep');
  return out;
}

/**
 * How a list is read: `keep`, objects the caller keeps; `once`, objects left to the garbage
 * collector as soon as the visit is done with them; `table`, what a table printer (or -o name)
 * needs (a pod's view, not the pod: Client.eachForTable).
 */
export type ListRead = 'keep' | 'once' | 'table';

/** listSelected's objects one at a time, read as `read` says. */
export function eachSelected(
  client: Client,
  type: ResourceType,
  namespace: string | undefined,
  labelSelector: string,
  fieldSelector: string,
  visit: (obj: KubeObject) => void,
  read: ListRead = 'once',
): void {
  try {
    const opts = { labelSelector, fieldSelector };
    if (read === 'keep') for (const o of client.list(type, namespace, opts)) visit(o);
    else if (read === 'table') client.eachForTable(type, namespace, opts, visit);
    else client.each(type, namespace, opts, visit);
  } catch (e) {
    if (!isStatusError(e, 'BadRequest') && !isStatusError(e, 'NotFound')) throw e;
    const gvr = `{${JSON.stringify(type.group)} ${JSON.stringify(type.version)} ${JSON.stringify(type.resource)}}`;
    if (!labelSelector && !fieldSelector) throw e.withMessage(`Unable to list ${gvr}: ${e.message}`);
    throw e.withMessage(
      `Unable to find ${gvr} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${e.message}`,
    );
  }
}
