// apps/v1 StatefulSet (pkg/registry/apps/statefulset and ValidateStatefulSet of v1.32). The
// MaxUnavailableStatefulSet gate is off in v1.32: the API server drops maxUnavailable.
import { type FieldError, FieldPath, GoSyntax, forbidden, invalid, notSupported, required } from '../field';
import { deepEqual } from '../meta/equal';
import { defaultPodTemplate } from '../pod/defaults';
import type { StatefulSet } from '../types';
import { goIntOrString, intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from '../validation/intorstring';
import { isDNS1123Label } from '../validation/names';
import { validateNonNegative, validateSelectorAndTemplate } from '../validation/workload';
import { validateLabels } from '../validation/meta';
import { SCALE, STANDARD_VERBS, defineKind, statusOf } from './kind';
import { defaultClaim } from './persistentvolumeclaim';

const RETENTION = ['Retain', 'Delete'];

function validateUpdateStrategy(s: StatefulSet['spec']): FieldError[] {
  const st = s.updateStrategy ?? {};
  const path = 'spec.updateStrategy';
  if (!st.type) return [required(path)];
  if (st.type === 'OnDelete')
    return st.rollingUpdate ? [invalid(`${path}.rollingUpdate`, new GoSyntax('apps.RollingUpdateStatefulSetStrategy{...}'), "only allowed for updateStrategy 'RollingUpdate'")] : [];
  if (st.type !== 'RollingUpdate') return [invalid(path, new GoSyntax(`apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(st.type)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`), "must be 'RollingUpdate' or 'OnDelete'")];
  const ru = st.rollingUpdate;
  if (!ru) return [];
  const errs = validateNonNegative(ru.partition, `${path}.rollingUpdate.partition`);
  const mu = ru.maxUnavailable;
  if (mu !== undefined) {
    const at = `${path}.rollingUpdate.maxUnavailable`;
    errs.push(...validatePositiveIntOrPercent(mu, at));
    if (intOrPercentValue(mu) === 0) errs.push(invalid(at, goIntOrString(mu), 'cannot be 0'));
    errs.push(...validateNotMoreThan100Percent(mu, at));
  }
  return errs;
}

/** ValidatePodTemplateSpecForStatefulSet: the template's labels (its annotations are free-form here). */
function validateTemplateLabels(t: StatefulSet['spec']['template'] | undefined): FieldError[] {
  return validateLabels(t?.metadata?.labels, FieldPath.root('spec').child('template').child('labels'));
}

function validateSpec(sts: StatefulSet): FieldError[] {
  const spec = FieldPath.root('spec');
  const s = sts.spec ?? ({} as StatefulSet['spec']);
  const errs: FieldError[] = [];
  if (!s.podManagementPolicy) errs.push(required('spec.podManagementPolicy'));
  else if (s.podManagementPolicy !== 'OrderedReady' && s.podManagementPolicy !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', s.podManagementPolicy, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(s));
  const policy = s.persistentVolumeClaimRetentionPolicy;
  for (const f of ['whenDeleted', 'whenScaled'] as const)
    if (policy?.[f] !== undefined && !RETENTION.includes(policy[f]!)) errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, policy[f]!, RETENTION));
  errs.push(...validateNonNegative(s.replicas, 'spec.replicas'), ...validateNonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  if (s.ordinals) errs.push(...validateNonNegative(s.ordinals.start, 'spec.ordinals.start'));
  // Kubernetes does not validate the template's pod spec (its volume mounts may name claim
  // templates): the pods made from it are validated when they are created.
  errs.push(...validateSelectorAndTemplate(s.selector, s.template, spec, 'statefulset', () => validateTemplateLabels(s.template)));
  const rp = s.template?.spec?.restartPolicy;
  if (rp !== undefined && rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  return errs;
}

/** The spec without the fields an update may change: anything else that differs is refused. */
function frozenSpec(s: StatefulSet['spec']): unknown {
  const { replicas: _r, ordinals: _o, template: _t, updateStrategy: _u, persistentVolumeClaimRetentionPolicy: _p, minReadySeconds: _m, ...rest } = s ?? ({} as StatefulSet['spec']);
  return rest;
}

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
    validate: validateSpec,
    validateUpdate(sts, old) {
      const errs = validateSpec(sts);
      if (!deepEqual(frozenSpec(sts.spec), frozenSpec(old.spec)))
        errs.push(
          forbidden(
            'spec',
            "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
          ),
        );
      return errs;
    },
  },
});
