import { type FieldError, invalid, required } from '../field';
import type { Event } from '../types';
import { STANDARD_VERBS, defineKind } from './kind';

function validate(e: Event): FieldError[] {
  const errs: FieldError[] = [];
  const io = e.involvedObject ?? {};
  if (io.namespace && io.namespace !== e.metadata.namespace)
    errs.push(invalid('involvedObject.namespace', io.namespace, 'does not match event.namespace'));
  if (!e.reason) errs.push(required('reason'));
  return errs;
}

export const event = defineKind<Event>({
  type: {
    group: '',
    version: 'v1',
    kind: 'Event',
    resource: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
    verbs: STANDARD_VERBS,
  },
  strategy: {
    schemaType: 'core.Event',
    statusSubresource: false,
    tracksGeneration: false,
    validate,
    validateUpdate: validate,
    fieldLabels(e) {
      const io = e.involvedObject ?? {};
      return {
        'involvedObject.kind': io.kind ?? '',
        'involvedObject.namespace': io.namespace ?? '',
        'involvedObject.name': io.name ?? '',
        'involvedObject.uid': io.uid ?? '',
        'involvedObject.apiVersion': io.apiVersion ?? '',
        'involvedObject.resourceVersion': io.resourceVersion ?? '',
        'involvedObject.fieldPath': io.fieldPath ?? '',
        reason: e.reason ?? '',
        reportingComponent: e.reportingComponent ?? '',
        source: e.source?.component ?? '',
        type: e.type ?? '',
      };
    },
  },
});
