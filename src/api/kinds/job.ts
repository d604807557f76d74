// batch/v1 Job: defaults, the generated selector and labels (pkg/registry/batch/job); its
// validation is validation/job.ts.
import { defaultPodTemplate } from '../pod/defaults';
import type { Job } from '../types';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

/** The labels the API server gives a Job's pods (generateSelector); the first is its selector. */
export const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME = 'batch.kubernetes.io/job-name';
const LEGACY_CONTROLLER_UID = 'controller-uid';
const LEGACY_JOB_NAME = 'job-name';

/** The validation, loaded only when a Job is written. */
const validation = () => require('../validation/job') as typeof import('../validation/job');

/** Metadata whose labels defaulting copied from the template, in this write (Go would share the map). */
const labelsFromTemplate = new WeakSet<object>();

/** The labels generateSelector adds where the template does not have them. */
function generateSelector(job: Job): void {
  const t = job.spec.template;
  const labels = (t.metadata = { ...t.metadata, labels: { ...(t.metadata?.labels ?? {}) } }).labels!;
  const name = job.metadata.name ?? '';
  const uid = job.metadata.uid ?? '';
  for (const key of [LEGACY_JOB_NAME, JOB_NAME]) labels[key] ??= name;
  for (const key of [LEGACY_CONTROLLER_UID, CONTROLLER_UID]) labels[key] ??= uid;
  const selector = (job.spec.selector = { ...job.spec.selector, matchLabels: { ...(job.spec.selector?.matchLabels ?? {}) } });
  selector.matchLabels![CONTROLLER_UID] ??= uid;
}

export const job = defineKind<Job>({
  type: {
    group: 'batch',
    version: 'v1',
    kind: 'Job',
    resource: 'jobs',
    singular: 'job',
    shortNames: [],
    namespaced: true,
    categories: ['all'],
    verbs: STANDARD_VERBS,
    subresources: [statusOf('Job')],
  },
  strategy: {
    schemaType: 'Job',
    statusSubresource: true,
    tracksGeneration: true,
    defaults(j) {
      const spec = (j.spec ??= {} as Job['spec']);
      if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
      spec.parallelism ??= 1;
      spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
      spec.completionMode ??= 'NonIndexed';
      spec.suspend ??= false;
      spec.podReplacementPolicy ??= spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed';
      // A pod condition rule matches the condition's True status unless it says otherwise.
      for (const rule of (spec.podFailurePolicy as { rules?: { onPodConditions?: { status?: string }[] }[] } | undefined)?.rules ?? [])
        for (const c of rule.onPodConditions ?? []) c.status ??= 'True';
      spec.manualSelector ??= false;
      defaultPodTemplate(spec.template);
      // The Job takes its template's labels when it has none. In Go that is the template's own
      // map, so the labels a create's selector generation adds to the template show on the Job too.
      if (spec.template?.metadata?.labels && !Object.keys(j.metadata.labels ?? {}).length) {
        j.metadata.labels = { ...spec.template.metadata.labels };
        labelsFromTemplate.add(j.metadata);
      }
    },
    prepareForCreate(j) {
      if (!j.spec.manualSelector) generateSelector(j);
      // Labels shared with the template, or none (defaulting, run again when the stored Job is
      // read, then gives it the template's): the Job's labels are the template's as generated.
      if ((labelsFromTemplate.has(j.metadata) || !Object.keys(j.metadata.labels ?? {}).length) && j.spec.template.metadata?.labels)
        j.metadata.labels = { ...j.spec.template.metadata.labels };
      j.status = {};
    },
    validate: (j) => validation().validateJob(j),
    validateUpdate: (j, old) => validation().validateJobUpdate(j, old),
  },
});
