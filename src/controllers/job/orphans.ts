// A Job's pods outlive it when the Job is deleted (the garbage collector deletes them after): the
// job controller's orphan queue takes the tracking finalizer off a pod whose Job is gone, so the
// pod can go.
import { job as jobKind } from '../../api/kinds/job';
import { pod as podKind } from '../../api/kinds/pod';
import { controllerRef } from '../../api/meta/ownerrefs';
import type { Job, Pod } from '../../api/types';
import { keyOfObject } from '../../client/informer';
import type { Controller } from '../../engine/controller';
import { TRACKING_FINALIZER } from './index';

const tracked = (p: Pod) => !!p.metadata.finalizers?.includes(TRACKING_FINALIZER);

export const jobPodOrphans: Controller = {
  name: 'job-controller-orphans',

  watches: [
    { type: podKind.type, keys: (e) => (tracked(e.object as Pod) ? [keyOfObject(e.object)] : []) },
    // A Job deleted: its tracked pods (they name it in their controller reference).
    {
      type: jobKind.type,
      keys: (e, informers) =>
        e.type === 'DELETED'
          ? informers
              .for<Pod>(podKind.type)
              .byIndex('controller', e.object.metadata.uid!)
              .filter(tracked)
              .map(keyOfObject)
          : [],
    },
  ],

  resync: (ctx) => ctx.client.list<Pod>(podKind.type).filter(tracked).map(keyOfObject),

  reconcile(ctx, key) {
    const pod = ctx.client.tryGet<Pod>(podKind.type, key.namespace, key.name);
    if (!pod || !tracked(pod)) return;
    const ref = controllerRef(pod);
    const owner = ref?.kind === 'Job' ? ctx.client.tryGet<Job>(jobKind.type, pod.metadata.namespace, ref.name) : undefined;
    if (ref?.kind === 'Job' && owner?.metadata.uid === ref.uid) return;
    const finalizers = pod.metadata.finalizers!.filter((f) => f !== TRACKING_FINALIZER);
    ctx.client.patch(podKind.type, pod.metadata.namespace, pod.metadata.name!, 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null, uid: pod.metadata.uid } });
  },
};
