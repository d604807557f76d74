// apps/v1 StatefulSet (pkg/registry/apps/statefulset and ValidateStatefulSet of v1.32). The
// MaxUnavailableStatefulSet gate is off in v1.32: the API server drops maxUnavailable.
import { defaultPodTemplate } from '../pod/defaults';
import type { StatefulSet } from '../types';
import { isDNS1123Label } from '../validation/names';
import { SCALE, STANDARD_VERBS, defineKind, statusOf } from './kind';
import { defaultClaim } from './persistentvolumeclaim';

/** The validation, loaded only when a StatefulSet is written. */
const validation = () => require('../validation/statefulset') as typeof import('../validation/statefulset');

/** dropStatefulSetDisabledFields: MaxUnavailableStatefulSet is off in v1.32, so the field is dropped unless already stored. */
function dropMaxUnavailable(sts: StatefulSet, old: StatefulSet | undefined): void {
  const ru = sts.spec?.updateStrategy?.rollingUpdate;
  if (ru && old?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable === undefined) delete ru.maxUnavailable;
}

export const statefulset = defineKind<StatefulSet>({
  type: {
    group: 'apps',
    version: 'v1',
    kind: 'StatefulSet',
    resource: 'statefulsets',
    singular: 'statefulset',
    shortNames: ['sts'],
    namespaced: true,
    categories: ['all'],
    verbs: STANDARD_VERBS,
    subresources: [SCALE, statusOf('StatefulSet')],
  },
  strategy: {
    schemaType: 'StatefulSet',
    statusSubresource: true,
    tracksGeneration: true,
    validateName: isDNS1123Label,
    defaults(sts) {
      const spec = (sts.spec ??= {} as StatefulSet['spec']);
      spec.podManagementPolicy ??= 'OrderedReady';
      const strategy = (spec.updateStrategy ??= {});
      if (!strategy.type) {
        strategy.type = 'RollingUpdate';
        strategy.rollingUpdate ??= {};
      }
      if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) strategy.rollingUpdate.partition ??= 0;
      const policy = (spec.persistentVolumeClaimRetentionPolicy ??= {});
      policy.whenDeleted ||= 'Retain';
      policy.whenScaled ||= 'Retain';
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      defaultPodTemplate(spec.template);
      for (const claim of spec.volumeClaimTemplates ?? []) defaultClaim(claim);
    },
    prepareForCreate(sts) {
      sts.status = { replicas: 0, availableReplicas: 0 };
      dropMaxUnavailable(sts, undefined);
    },
    prepareForUpdate: dropMaxUnavailable,
    validate: (sts) => validation().validateStatefulSetSpec(sts),
    validateUpdate: (sts, old) => validation().validateStatefulSetUpdate(sts, old),
  },
});
