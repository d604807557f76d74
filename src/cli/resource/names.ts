// The builder's ResourceNames and ResourceTypes (cordon, drain, taint, logs): loaded only by the
// verbs that name objects so.
import type { ResourceType } from '../../api/registry';
import { CliError } from '../errors';
import { noResourcesError, resolveArgs, resourceTypeOf } from '../resolve';
import { type BuilderSpec, BuilderResult, type Info, type Source, trimmed } from './builder';

/**
 * ResourceNames and ResourceTypes: objects named one by one, or a type listed by its selectors
 * (synchronous: no file is read).
 */
export function buildFromNames(spec: BuilderSpec, label = trimmed(spec.labelSelector), field = trimmed(spec.fieldSelector)): BuilderResult {
  const namespaceOf = (t: ResourceType) => (t.namespaced ? spec.namespace : undefined);
  const named: Info[] = [];
  for (const word of spec.resourceNames?.names ?? []) {
    if (word.includes('/')) {
      const [t] = resolveArgs([word]).targets;
      named.push({ type: t.type, namespace: namespaceOf(t.type), name: t.names[0] });
    } else {
      const type = resourceTypeOf(spec.resourceNames!.type);
      named.push({ type, namespace: namespaceOf(type), name: word });
    }
  }
  const types = (spec.resourceTypes ?? []).map(resourceTypeOf);
  if (label || field || spec.selectAll) {
    if (named.length) throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (!types.length) throw new CliError('at least one resource must be specified to use a selector');
    const lists: Source[] = types.map((type) => ({ kind: 'list', type, namespace: type.namespaced && !spec.allNamespaces ? spec.namespace : undefined, labelSelector: label, fieldSelector: field }));
    return new BuilderResult(lists, [], false);
  }
  if (named.length) return new BuilderResult(named.map((info) => ({ kind: 'object', info, fetch: spec.requireObject !== false })), [], named.length === 1);
  if (types.length) throw new CliError('resource(s) were provided, but no name was specified');
  throw noResourcesError();
}
