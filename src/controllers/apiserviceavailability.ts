// The aggregator's AvailableConditionController (kube-aggregator pkg/controllers/status): each
// APIService's Available condition. A Local one is always available; one backed by a service is
// while the service has a ready endpoint (here: a ready pod the service selects, see
// `serviceBackend`). kubectl reads discovery, which leaves out an unavailable group, so this
// condition is what `kubectl get apiservices` shows of why `kubectl top` finds no Metrics API.
import { type APIService, apiservice as apiserviceKind, isReadyEndpoint, serviceBackend } from '../api/kinds/apiservice';
import { pod as podKind } from '../api/kinds/pod';
import { rfc3339 } from '../api/time';
import type { ObjectKey, Pod } from '../api/types';
import type { Controller } from '../engine/controller';

type Condition = NonNullable<NonNullable<APIService['status']>['conditions']>[number];

/** The port name the metrics-server add-on's Service gives its port (pocketkube keeps no Service to read it from). */
const SERVICE_PORT_NAME = 'https';

export const apiServiceAvailability: Controller = {
  name: 'apiservice-available',

  watches: [
    { type: apiserviceKind.type },
    {
      // A pod's readiness concerns the APIServices whose service selects it.
      type: podKind.type,
      keys: (e, informers) => {
        const pods = [e.object as Pod, e.oldObject as Pod | undefined].filter((p): p is Pod => !!p?.metadata.labels?.['k8s-app']);
        if (!pods.length) return [];
        return informers
          .for<APIService>(apiserviceKind.type)
          .list()
          .filter((a) => {
            const b = serviceBackend(a);
            return !!b && pods.some((p) => p.metadata.namespace === b.namespace && p.metadata.labels?.['k8s-app'] === b.service);
          })
          .map((a): ObjectKey => ({ name: a.metadata.name! }));
      },
    },
  ],

  resync(ctx) {
    return ctx.informers
      .for<APIService>(apiserviceKind.type)
      .list()
      .map((a) => ({ name: a.metadata.name! }));
  },

  reconcile(ctx, key) {
    const a = ctx.informers.for<APIService>(apiserviceKind.type).get(undefined, key.name);
    if (!a) return;
    const backend = serviceBackend(a);
    let want: Pick<Condition, 'status' | 'reason' | 'message'>;
    if (!backend) want = { status: 'True', reason: 'Local', message: 'Local APIServices are always available' };
    else {
      const pods = ctx.client.list<Pod>(podKind.type, backend.namespace, { labelSelector: backend.labelSelector });
      want = pods.some(isReadyEndpoint)
        ? { status: 'True', reason: 'Passed', message: 'all checks passed' }
        : { status: 'False', reason: 'MissingEndpoints', message: `endpoints for service/${backend.service} in ${JSON.stringify(backend.namespace)} have no addresses with port name ${JSON.stringify(SERVICE_PORT_NAME)}` };
    }
    const current = a.status?.conditions?.find((c) => c.type === 'Available');
    if (current && current.status === want.status && current.reason === want.reason && current.message === want.message) return;
    const lastTransitionTime = current?.status === want.status ? current.lastTransitionTime : rfc3339(ctx.clock.now());
    const condition: Condition = { type: 'Available', status: want.status, lastTransitionTime, reason: want.reason, message: want.message };
    const others = (a.status?.conditions ?? []).filter((c) => c.type !== 'Available');
    ctx.client.updateStatus(apiserviceKind.type, { ...a, status: { ...a.status, conditions: [...others, condition] } });
  },
};
