// The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
// ttlSecondsAfterFinished is deleted that many seconds after it finished (its Complete or Failed
// condition's time), in the foreground so its pods go first. It records no event.
import { job as jobKind } from '../api/kinds/job';
import { parseTime } from '../api/time';
import type { Job } from '../api/types';
import { keyOfObject } from '../client/informer';
import type { Controller } from '../engine/controller';

/** When a finished Job expires, if it has a TTL. */
function expiry(job: Job): number | undefined {
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl === undefined || job.metadata.deletionTimestamp) return undefined;
  const finished = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  const at = finished && parseTime(finished.lastTransitionTime);
  return at === undefined || at === null ? undefined : at + ttl * 1000;
}

export const ttlAfterFinished: Controller = {
  name: 'ttl-after-finished-controller',

  watches: [{ type: jobKind.type }],

  resync: (ctx) => ctx.client.list<Job>(jobKind.type).filter((j) => j.spec.ttlSecondsAfterFinished !== undefined).map(keyOfObject),

  reconcile(ctx, key) {
    const job = ctx.client.tryGet<Job>(jobKind.type, key.namespace, key.name);
    const at = job && expiry(job);
    if (!job || at === undefined) return;
    const now = ctx.clock.now();
    if (now < at) return { requeueAfterMs: at - now };
    ctx.client.delete(jobKind.type, job.metadata.namespace, job.metadata.name!, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
    return undefined;
  },
};
