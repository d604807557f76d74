import { type FieldError, FieldPath, invalid, notSupported, required } from '../field';
import type { Node } from '../types';
import { isQualifiedName } from '../validation/names';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

const EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];

function validateTaints(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  const path = FieldPath.root('spec').child('taints');
  const seen = new Set<string>();
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = path.index(i);
    if (!t.key) errs.push(required(p.child('key').toString()));
    else for (const m of isQualifiedName(t.key)) errs.push(invalid(p.child('key').toString(), t.key, m));
    if (!EFFECTS.includes(t.effect)) errs.push(notSupported(p.child('effect').toString(), t.effect, EFFECTS));
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id)) errs.push(invalid(p.toString(), t.key, 'taints must be unique by key and effect pair'));
    seen.add(id);
  });
  return errs;
}

export const node = defineKind<Node>({
  type: {
    group: '',
    version: 'v1',
    kind: 'Node',
    resource: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
    verbs: STANDARD_VERBS,
    subresources: [{ name: 'proxy', kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, statusOf('Node')],
  },
  strategy: {
    schemaType: 'Node',
    statusSubresource: true,
    keepStatusOnCreate: true,
    tracksGeneration: false,
    defaults(n) {
      n.spec ??= {};
    },
    validate: validateTaints,
    fieldLabels(n) {
      return { 'spec.unschedulable': String(n.spec?.unschedulable ?? false) };
    },
    validateUpdate: validateTaints,
  },
});
