// policy/v1 PodDisruptionBudget (pkg/registry/policy/poddisruptionbudget and
// ValidatePodDisruptionBudget of v1.32): no defaults, the spec mutable, the name a path segment.
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from '../types';
import { isValidPathSegmentName } from '../validation/names';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

/** The validation, loaded only when a budget is written. */
const validation = () => require('../validation/poddisruptionbudget') as typeof import('../validation/poddisruptionbudget');

/** The status a new budget starts with: its four counts, which are always written, at zero. */
export const EMPTY_PDB_STATUS: Readonly<PodDisruptionBudgetStatus> = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };

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
    validate: (pdb) => validation().validatePodDisruptionBudget(pdb),
    validateUpdate: (pdb) => validation().validatePodDisruptionBudget(pdb),
  },
});
