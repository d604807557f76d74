// Field selection in lists: every kind supports metadata.name and metadata.namespace; kinds add
// their own field labels through their strategy.
import { badRequest } from '../api/errors';
import type { FieldRequirement } from '../api/meta/fieldselector';
import { type ResourceType, kindDef } from '../api/registry';
import type { KubeObject } from '../api/types';

export type { FieldRequirement } from '../api/meta/fieldselector';

/** The field labels an object offers to field selectors. */
function fieldLabels(type: ResourceType, obj: KubeObject | undefined): Record<string, string> {
  return {
    'metadata.name': obj?.metadata.name ?? '',
    ...(type.namespaced ? { 'metadata.namespace': obj?.metadata.namespace ?? '' } : {}),
    // Without an object, an empty one tells which labels the kind has.
    ...kindDef(type).strategy.fieldLabels?.(obj ?? ({ metadata: {}, spec: {}, status: {} } as unknown as KubeObject)),
  };
}

/** Checks that a kind supports every field a selector names, as the API server's conversion does. */
export function checkFieldLabels(type: ResourceType, reqs: FieldRequirement[]): void {
  const supported = fieldLabels(type, undefined);
  for (const r of reqs) if (!(r.field in supported)) throw badRequest(`field label not supported: ${r.field}`);
}

export function fieldsMatch(type: ResourceType, obj: KubeObject, reqs: FieldRequirement[]): boolean {
  const labels = fieldLabels(type, obj);
  return reqs.every((r) => (labels[r.field] === r.value) === (r.op === '='));
}
