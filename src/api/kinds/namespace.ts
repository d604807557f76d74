import type { Namespace } from '../types';
import { isDNS1123Label } from '../validation/names';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

export const namespace = defineKind<Namespace>({
  type: {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    resource: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [{ name: 'finalize', kind: 'Namespace', verbs: ['update'] }, statusOf('Namespace')],
  },
  strategy: {
    schemaType: 'Namespace',
    statusSubresource: true,
    tracksGeneration: false,
    validateName: isDNS1123Label,
    defaults(ns) {
      if (ns.metadata.name) (ns.metadata.labels ??= {})['kubernetes.io/metadata.name'] = ns.metadata.name;
    },
    prepareForCreate(ns) {
      ns.spec = { finalizers: ['kubernetes'] };
      ns.status = { phase: 'Active' };
    },
    prepareForUpdate(ns, old) {
      // spec.finalizers change only through the finalize subresource.
      ns.spec = old.spec;
    },
    prepareForDelete(ns) {
      ns.status = { ...ns.status, phase: 'Terminating' };
    },
    fieldLabels(ns) {
      return { 'status.phase': ns.status?.phase ?? '' };
    },
    pendingFinalizers(ns) {
      return !!ns.spec?.finalizers?.length;
    },
  },
});
