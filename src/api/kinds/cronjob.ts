// batch/v1 CronJob: a Job template run on a cron schedule (pkg/registry/batch/cronjob and
// its validation, validation/cronjob.ts).
import { defaultPodTemplate } from '../pod/defaults';
import type { CronJob } from '../types';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

/** The validation, loaded only when a CronJob is written (it brings the cron parser). */
const validation = () => require('../validation/cronjob') as typeof import('../validation/cronjob');

export const cronjob = defineKind<CronJob>({
  type: {
    group: 'batch',
    version: 'v1',
    kind: 'CronJob',
    resource: 'cronjobs',
    singular: 'cronjob',
    shortNames: ['cj'],
    namespaced: true,
    categories: ['all'],
    verbs: STANDARD_VERBS,
    subresources: [statusOf('CronJob')],
  },
  strategy: {
    schemaType: 'CronJob',
    statusSubresource: true,
    tracksGeneration: true,
    defaults(cj) {
      const spec = (cj.spec ??= {} as CronJob['spec']);
      spec.concurrencyPolicy ??= 'Allow';
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      // Only the nested pod template is defaulted: the Job defaults wait for each Job.
      defaultPodTemplate(spec.jobTemplate?.spec?.template);
    },
    prepareForCreate(cj) {
      cj.status = {};
    },
    validate: (cj) => validation().validateCronJobCreate(cj),
    validateUpdate: (cj, old) => validation().validateCronJobSpec(cj, old),
  },
});
