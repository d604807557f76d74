import type { ServiceAccount } from '../types';
import { STANDARD_VERBS, defineKind } from './kind';

export const serviceaccount = defineKind<ServiceAccount>({
  type: {
    group: '',
    version: 'v1',
    kind: 'ServiceAccount',
    resource: 'serviceaccounts',
    singular: 'serviceaccount',
    shortNames: ['sa'],
    namespaced: true,
    verbs: STANDARD_VERBS,
    subresources: [{ name: 'token', kind: 'TokenRequest', verbs: ['create'], group: 'authentication.k8s.io', version: 'v1' }],
  },
  strategy: { schemaType: 'ServiceAccount', statusSubresource: false, tracksGeneration: false },
});
