import { type FieldError, FieldPath, GoSyntax, forbidden, invalid, notSupported, required } from '../field';
import { deepEqual } from '../meta/equal';
import { defaultPodTemplate } from '../pod/defaults';
import { validatePodTemplate } from '../pod/validation';
import type { DaemonSet } from '../types';
import { goIntOrString, intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from '../validation/intorstring';
import { validateNonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from '../validation/workload';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

/**
 * The v1 form of the internal spec.templateGeneration: bumped with every template change, and
 * what the controller labels its pods with (pod-template-generation).
 */
export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

const STRATEGIES = ['RollingUpdate', 'OnDelete'];

/** Go's %#v of the internal strategy, as an Unsupported value error prints it. */
function goStrategy(s: NonNullable<DaemonSet['spec']['updateStrategy']>): GoSyntax {
  // A pointer prints as its address, which differs every run in Go; any address reads alike.
  const ru = s.rollingUpdate ? '(*apps.RollingUpdateDaemonSet)(0xc000a4e1f0)' : '(*apps.RollingUpdateDaemonSet)(nil)';
  return new GoSyntax(`apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(s.type ?? '')}, RollingUpdate:${ru}}`);
}

/** ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet. */
function validateUpdateStrategy(ds: DaemonSet, path: FieldPath): FieldError[] {
  const s = ds.spec.updateStrategy ?? {};
  if (s.type !== 'OnDelete' && s.type !== 'RollingUpdate') return [notSupported(path.toString(), goStrategy(s), STRATEGIES)];
  if (s.type === 'OnDelete') return [];
  const ru = path.child('rollingUpdate');
  if (!s.rollingUpdate) return [required(ru.toString())];
  const { maxUnavailable, maxSurge } = s.rollingUpdate;
  const errs = [
    ...validatePositiveIntOrPercent(maxUnavailable, ru.child('maxUnavailable').toString()),
    ...validatePositiveIntOrPercent(maxSurge, ru.child('maxSurge').toString()),
    ...validateNotMoreThan100Percent(maxUnavailable, ru.child('maxUnavailable').toString()),
    ...validateNotMoreThan100Percent(maxSurge, ru.child('maxSurge').toString()),
  ];
  // Exactly one of the two may be non-zero.
  const unavailable = intOrPercentValue(maxUnavailable) !== 0;
  const surge = intOrPercentValue(maxSurge) !== 0;
  if (unavailable && surge) errs.push(invalid(ru.child('maxSurge').toString(), goIntOrString(maxSurge), 'may not be set when maxUnavailable is non-zero'));
  else if (!unavailable && !surge) errs.push(required(ru.child('maxUnavailable').toString(), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function validateSpec(ds: DaemonSet): FieldError[] {
  const spec = FieldPath.root('spec');
  const s = ds.spec ?? ({} as DaemonSet['spec']);
  const errs = validateSelectorAndTemplate(s.selector, s.template, spec, 'daemonset', () => validatePodTemplate(s.template, spec.child('template'), ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined)
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  errs.push(...validateNonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  errs.push(...validateUpdateStrategy(ds, spec.child('updateStrategy')));
  return errs;
}

const templateGeneration = (ds: DaemonSet) => Number(ds.metadata.annotations?.[TEMPLATE_GENERATION] ?? 0);

export const daemonset = defineKind<DaemonSet>({
  type: {
    group: 'apps',
    version: 'v1',
    kind: 'DaemonSet',
    resource: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    namespaced: true,
    categories: ['all'],
    verbs: STANDARD_VERBS,
    subresources: [statusOf('DaemonSet')],
  },
  strategy: {
    schemaType: 'DaemonSet',
    statusSubresource: true,
    tracksGeneration: true,
    defaults(ds) {
      const spec = (ds.spec ??= {} as DaemonSet['spec']);
      const strategy = (spec.updateStrategy ??= {});
      strategy.type ??= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate') {
        const ru = (strategy.rollingUpdate ??= {});
        ru.maxUnavailable ??= 1;
        ru.maxSurge ??= 0;
      }
      spec.revisionHistoryLimit ??= 10;
      defaultPodTemplate(spec.template);
    },
    prepareForCreate(ds) {
      ds.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
      if (templateGeneration(ds) < 1) ds.metadata.annotations = { ...ds.metadata.annotations, [TEMPLATE_GENERATION]: '1' };
    },
    prepareForUpdate(ds, old) {
      // The generation the template had, moved on only when the template changes.
      const previous = Math.max(templateGeneration(old), 1);
      const next = deepEqual(ds.spec?.template, old.spec?.template) ? previous : previous + 1;
      ds.metadata.annotations = { ...ds.metadata.annotations, [TEMPLATE_GENERATION]: String(next) };
    },
    validate: validateSpec,
    validateUpdate(ds, old) {
      return [...validateSpec(ds), ...validateSelectorImmutable(ds.spec?.selector, old.spec?.selector, FieldPath.root('spec'))];
    },
  },
});
