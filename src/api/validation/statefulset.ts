// ValidateStatefulSet and ValidateStatefulSetUpdate of v1.32, loaded when a StatefulSet is written.
import { type FieldError, FieldPath, GoSyntax, forbidden, invalid, notSupported, required } from '../field';
import { deepEqual } from '../meta/equal';
import type { StatefulSet } from '../types';
import { goIntOrString, intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './intorstring';
import { validateLabels } from './meta';
import { validateNonNegative, validateSelectorAndTemplate } from './workload';

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

export function validateStatefulSetSpec(sts: StatefulSet): FieldError[] {
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

/** ValidateStatefulSetUpdate: the spec, and only the fields an update may change changed. */
export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const errs = validateStatefulSetSpec(sts);
  if (!deepEqual(frozenSpec(sts.spec), frozenSpec(old.spec)))
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  return errs;
}
