import { type FieldError, invalid } from '../field';
import { deepEqual } from '../meta/equal';
import type { ControllerRevision } from '../types';
import { validateNonNegative } from '../validation/workload';
import { STANDARD_VERBS, defineKind } from './kind';

function validate(cr: ControllerRevision): FieldError[] {
  return validateNonNegative(cr.revision, 'revision');
}

export const controllerrevision = defineKind<ControllerRevision>({
  type: {
    group: 'apps',
    version: 'v1',
    kind: 'ControllerRevision',
    resource: 'controllerrevisions',
    singular: 'controllerrevision',
    shortNames: [],
    namespaced: true,
    verbs: STANDARD_VERBS,
  },
  strategy: {
    schemaType: 'ControllerRevision',
    statusSubresource: false,
    tracksGeneration: false,
    validate,
    validateUpdate(cr, old) {
      const errs = validate(cr);
      // The data of a revision never changes: a new template is a new revision.
      if (!deepEqual(cr.data ?? null, old.data ?? null)) errs.push(invalid('data', '', 'field is immutable'));
      return errs;
    },
  },
});
