import { FieldPath, forbidden } from '../field';
import { deepEqual } from '../meta/equal';
import { defaultPodSpec } from '../pod/defaults';
import { qosClass } from '../pod/qos';
import { validatePodSpec } from '../pod/validation';
import { POD_VIEW_VERSION, podView } from '../pod/view';
import type { Pod, PodSpec } from '../types';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The spec with every field an update may change blanked out, for comparison. */
function immutablePart(spec: PodSpec): PodSpec {
  const s = JSON.parse(JSON.stringify(spec)) as PodSpec;
  for (const c of s.containers ?? []) delete c.image;
  for (const c of s.initContainers ?? []) delete c.image;
  delete s.activeDeadlineSeconds;
  delete s.tolerations;
  delete s.terminationGracePeriodSeconds;
  return s;
}

function tolerationsOnlyAdded(spec: PodSpec, old: PodSpec): boolean {
  const now = spec.tolerations ?? [];
  return (old.tolerations ?? []).every((t) => now.some((n) => deepEqual(n, t)));
}

export const pod = defineKind<Pod>({
  type: {
    group: '',
    version: 'v1',
    kind: 'Pod',
    resource: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
    categories: ['all'],
    verbs: STANDARD_VERBS,
    subresources: [
      { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
      { name: 'binding', kind: 'Binding', verbs: ['create'] },
      { name: 'ephemeralcontainers', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
      { name: 'eviction', kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
      { name: 'proxy', kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
      statusOf('Pod'),
    ],
  },
  strategy: {
    schemaType: 'Pod',
    statusSubresource: true,
    tracksGeneration: false,
    defaults(p) {
      const spec = (p.spec ??= { containers: [] });
      defaultPodSpec(spec);
      spec.enableServiceLinks ??= true;
      // Requests default to limits for containers that set only limits.
      for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
        const limits = c.resources?.limits;
        if (!limits) continue;
        const requests = (c.resources!.requests ??= {});
        for (const [k, v] of Object.entries(limits)) requests[k] ??= v;
      }
    },
    prepareForCreate(p) {
      p.status = { phase: 'Pending', qosClass: qosClass(p.spec) };
      // applySchedulingGatedCondition: a gated pod says why the scheduler leaves it alone.
      if ((p.spec.schedulingGates as unknown[] | undefined)?.length)
        p.status.conditions = [{ lastProbeTime: null, lastTransitionTime: null, message: 'Scheduling is blocked due to non-empty scheduling gates', reason: 'SchedulingGated', status: 'False', type: 'PodScheduled' }];
    },
    validate(p) {
      return validatePodSpec(p.spec, FieldPath.root('spec'));
    },
    gracePeriod(p, requested) {
      // Pods never bound to a node, or already finished, have nothing to stop.
      if (!p.spec.nodeName || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') return 0;
      return Math.max(0, requested ?? p.spec.terminationGracePeriodSeconds ?? 30);
    },
    fieldLabels(p) {
      return {
        'spec.nodeName': p.spec.nodeName ?? '',
        'spec.restartPolicy': p.spec.restartPolicy ?? '',
        'spec.schedulerName': p.spec.schedulerName ?? '',
        'spec.serviceAccountName': p.spec.serviceAccountName ?? '',
        'spec.hostNetwork': String(p.spec.hostNetwork ?? false),
        'status.phase': p.status?.phase ?? '',
        'status.podIP': p.status?.podIP ?? '',
        'status.nominatedNodeName': p.status?.nominatedNodeName ?? '',
      };
    },
    validateUpdate(p, old) {
      const errs = validatePodSpec(p.spec, FieldPath.root('spec'));
      const nodeUnchanged = (p.spec.nodeName ?? '') === (old.spec.nodeName ?? '');
      if (!nodeUnchanged || !deepEqual(immutablePart(p.spec), immutablePart(old.spec)) || !tolerationsOnlyAdded(p.spec, old.spec))
        errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
      return errs;
    },
  },
  view: { version: POD_VIEW_VERSION, of: podView, table: true },
});
