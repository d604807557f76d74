// policy/v1 PodDisruptionBudget (pkg/registry/policy/poddisruptionbudget and
// ValidatePodDisruptionBudget of v1.32): no defaults, the spec mutable, the name a path segment.
import { type FieldError, FieldPath, GoSyntax, invalid, notSupported } from '../field';
import type { PodDisruptionBudget } from '../types';
import { validateNotMoreThan100Percent, validatePositiveIntOrPercent } from '../validation/intorstring';
import { isValidPathSegmentName } from '../validation/names';
import { validateLabelSelector } from '../validation/workload';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

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

function validateSpec(pdb: PodDisruptionBudget): FieldError[] {
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

/** The status a new budget starts with: its four counts, which are always written, at zero. */
export const EMPTY_PDB_STATUS = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };

export const poddisruptionbudget = defineKind<PodDisruptionBudget>({
  type: {
    group: 'policy',
    version: 'v1',
    kind: 'PodDisruptionBudget',
    resource: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    shortNames: ['pdb'],
    namespaced: true,
    verbs: STANDARD_VERBS,
    subresources: [statusOf('PodDisruptionBudget')],
  },
  strategy: {
    schemaType: 'PodDisruptionBudget',
    statusSubresource: true,
    tracksGeneration: true,
    validateName: isValidPathSegmentName,
    prepareForCreate(pdb) {
      pdb.spec ??= {};
      pdb.status = { ...EMPTY_PDB_STATUS };
    },
    validate: validateSpec,
    validateUpdate: (pdb) => validateSpec(pdb),
  },
});
