import { type FieldError, FieldPath, forbidden, invalid, notSupported } from '../field';
import { defaultPodTemplate } from '../pod/defaults';
import { validatePodTemplate } from '../pod/validation';
import type { Deployment } from '../types';
import {
  goIntOrString,
  intOrPercentValue,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from '../validation/intorstring';
import { validateSelectorAndTemplate, validateSelectorImmutable, validateNonNegative } from '../validation/workload';
import { STANDARD_VERBS, defineKind, SCALE, statusOf } from './kind';

const STRATEGIES = ['Recreate', 'RollingUpdate'];

function validateStrategy(d: Deployment, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const s = d.spec.strategy ?? {};
  if (s.type !== undefined && !STRATEGIES.includes(s.type)) {
    errs.push(notSupported(path.child('type').toString(), s.type, STRATEGIES));
    return errs;
  }
  if (s.type === 'Recreate' && s.rollingUpdate)
    errs.push(forbidden(path.child('rollingUpdate').toString(), "may not be specified when strategy `type` is 'Recreate'"));
  if (s.type === 'RollingUpdate' && s.rollingUpdate) {
    const ru = path.child('rollingUpdate');
    const { maxSurge, maxUnavailable } = s.rollingUpdate;
    errs.push(...validatePositiveIntOrPercent(maxUnavailable, ru.child('maxUnavailable').toString()));
    errs.push(...validatePositiveIntOrPercent(maxSurge, ru.child('maxSurge').toString()));
    if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0)
      errs.push(invalid(ru.child('maxUnavailable').toString(), goIntOrString(maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    errs.push(...validateNotMoreThan100Percent(maxUnavailable, ru.child('maxUnavailable').toString()));
  }
  return errs;
}

function validateSpec(d: Deployment): FieldError[] {
  const spec = FieldPath.root('spec');
  const s = d.spec ?? ({} as Deployment['spec']);
  const errs: FieldError[] = [];
  errs.push(...validateNonNegative(s.replicas, 'spec.replicas'));
  errs.push(...validateSelectorAndTemplate(s.selector, s.template, spec, 'deployment', () => validatePodTemplate(s.template, spec.child('template'), ['Always'])));
  errs.push(...validateStrategy(d, spec.child('strategy')));
  errs.push(...validateNonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (s.progressDeadlineSeconds !== undefined) {
    errs.push(...validateNonNegative(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0))
      errs.push(invalid('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export const deployment = defineKind<Deployment>({
  type: {
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    resource: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
    categories: ['all'],
    verbs: STANDARD_VERBS,
    subresources: [SCALE, statusOf('Deployment')],
  },
  strategy: {
    schemaType: 'Deployment',
    statusSubresource: true,
    tracksGeneration: true,
    defaults(d) {
      const spec = (d.spec ??= {} as Deployment['spec']);
      spec.replicas ??= 1;
      const strategy = (spec.strategy ??= {});
      strategy.type ??= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate') {
        const ru = (strategy.rollingUpdate ??= {});
        ru.maxUnavailable ??= '25%';
        ru.maxSurge ??= '25%';
      }
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      defaultPodTemplate(spec.template);
    },
    validate: validateSpec,
    validateUpdate(d, old) {
      return [...validateSpec(d), ...validateSelectorImmutable(d.spec?.selector, old.spec?.selector, FieldPath.root('spec'))];
    },
  },
});
