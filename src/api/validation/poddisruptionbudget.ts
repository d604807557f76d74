// ValidatePodDisruptionBudget of v1.32, loaded when a PodDisruptionBudget is written.
import { type FieldError, FieldPath, GoSyntax, invalid, notSupported } from '../field';
import type { PodDisruptionBudget } from '../types';
import { validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './intorstring';
import { validateLabelSelector } from './workload';

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** Go's %#v of the internal spec: its pointers print as addresses (any address reads alike). */
function goSpec(s: PodDisruptionBudget['spec']): GoSyntax {
  const ptr = (type: string, set: boolean, addr: string) => `(*${type})(${set ? addr : 'nil'})`;
  return new GoSyntax(
    `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr('intstr.IntOrString', s.minAvailable !== undefined, '0xc000a4e1f0')}, ` +
      `Selector:${ptr('v1.LabelSelector', s.selector !== undefined, '0xc000a4e200')}, ` +
      `MaxUnavailable:${ptr('intstr.IntOrString', s.maxUnavailable !== undefined, '0xc000a4e210')}, ` +
      `UnhealthyPodEvictionPolicy:${ptr('policy.UnhealthyPodEvictionPolicyType', s.unhealthyPodEvictionPolicy !== undefined, '0xc000a4e220')}}`,
  );
}

export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  const s = pdb.spec ?? {};
  const errs: FieldError[] = [];
  if (s.minAvailable !== undefined && s.maxUnavailable !== undefined) errs.push(invalid('spec', goSpec(s), 'minAvailable and maxUnavailable cannot be both set'));
  for (const f of ['minAvailable', 'maxUnavailable'] as const)
    if (s[f] !== undefined) errs.push(...validatePositiveIntOrPercent(s[f], `spec.${f}`), ...validateNotMoreThan100Percent(s[f], `spec.${f}`));
  if (s.selector) errs.push(...validateLabelSelector(s.selector, FieldPath.root('spec').child('selector')));
  if (s.unhealthyPodEvictionPolicy !== undefined && !EVICTION_POLICIES.includes(s.unhealthyPodEvictionPolicy))
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', s.unhealthyPodEvictionPolicy, EVICTION_POLICIES));
  return errs;
}

