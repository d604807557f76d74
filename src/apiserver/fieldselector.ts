// Field selection in lists: every kind supports metadata.name and metadata.namespace; kinds add
// their own field labels through their strategy.
import { badRequest } from '../api/errors';
import type { FieldRequirement } from '../api/meta/fieldselector';
import { formatFieldSelector } from '../api/meta/fieldselector';
import { type ResourceType, kindDef } from '../api/registry';
import type { KubeObject } from '../api/types';

export type { FieldRequirement } from '../api/meta/fieldselector';

export function fieldsMatch(type: ResourceType, obj: KubeObject, reqs: FieldRequirement[]): boolean {
  const labels: Record<string, string> = {
    'metadata.name': obj.metadata.name ?? '',
    ...(type.namespaced ? { 'metadata.namespace': obj.metadata.namespace ?? '' } : {}),
    ...(kindDef(type).strategy.fieldLabels?.(obj) ?? {}),
  };
  for (const r of reqs) {
    if (!(r.field in labels)) {
      throw badRequest(
        `Unable to find {${JSON.stringify(type.group)} ${JSON.stringify(type.version)} ${JSON.stringify(type.resource)}} that match label selector "", field selector ${JSON.stringify(formatFieldSelector(reqs))}: field label not supported: ${r.field}`,
      );
    }
    const equal = labels[r.field] === r.value;
    if (equal !== (r.op === '=')) return false;
  }
  return true;
}
