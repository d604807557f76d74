import { type FieldError, FieldPath } from '../field';
import { defaultPodTemplate } from '../pod/defaults';
import { validatePodTemplate } from '../pod/validation';
import type { ReplicaSet } from '../types';
import { validateNonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from '../validation/workload';
import { STANDARD_VERBS, defineKind, SCALE, statusOf } from './kind';

function validateSpec(rs: ReplicaSet): FieldError[] {
  const spec = FieldPath.root('spec');
  const s = rs.spec ?? ({} as ReplicaSet['spec']);
  return [
    ...validateNonNegative(s.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(s.selector, s.template, spec, 'deployment', () => validatePodTemplate(s.template, spec.child('template'), ['Always'])),
    ...validateNonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
  ];
}

export const replicaset = defineKind<ReplicaSet>({
  type: {
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    resource: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
    categories: ['all'],
    verbs: STANDARD_VERBS,
    subresources: [SCALE, statusOf('ReplicaSet')],
  },
  strategy: {
    schemaType: 'ReplicaSet',
    statusSubresource: true,
    tracksGeneration: true,
    defaults(rs) {
      const spec = (rs.spec ??= {} as ReplicaSet['spec']);
      spec.replicas ??= 1;
      defaultPodTemplate(spec.template);
    },
    prepareForCreate(rs) {
      rs.status = { replicas: 0 };
    },
    validate: validateSpec,
    validateUpdate(rs, old) {
      return [...validateSpec(rs), ...validateSelectorImmutable(rs.spec?.selector, old.spec?.selector, FieldPath.root('spec'))];
    },
  },
});
