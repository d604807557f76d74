// A CronJob's Job for one scheduled time (getJobFromTemplate2): the template's labels, annotations
// and spec, a name derived from the time (so the same time never makes two Jobs), the scheduled
// time in an annotation, and the CronJob as its controller.
import { type Zone, loadLocation } from '../../api/cron/zone';
import { clone } from '../../api/meta/equal';
import { newControllerRef } from '../../api/meta/ownerrefs';
import type { CronJob, Job } from '../../api/types';
import { jobNameFor } from './schedule';

/** batch.kubernetes.io/cronjob-scheduled-timestamp: when the Job was due, in the CronJob's zone. */
export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** Go's time.RFC3339 in a zone: "2026-11-26T13:05:00+01:00", "Z" for a zero offset. */
function rfc3339In(ms: number, zone: Zone): string {
  const minutes = Math.round(zone.offsetAt(ms) / 60_000);
  const wall = new Date(ms + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, '');
  if (minutes === 0) return `${wall}Z`;
  const abs = Math.abs(minutes);
  return `${wall}${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function jobFromTemplate(cj: CronJob, scheduledAt: number): Job {
  const t = cj.spec.jobTemplate;
  const zone = loadLocation(cj.spec.timeZone ?? '');
  const annotations = { ...(t.metadata?.annotations ?? {}) };
  if (!('error' in zone)) annotations[SCHEDULED_TIMESTAMP] = rfc3339In(scheduledAt, zone);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj, scheduledAt),
      namespace: cj.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      annotations,
      ownerReferences: [newControllerRef(cj)],
    },
    spec: clone(t.spec),
  };
}
