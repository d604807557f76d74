import { type FieldError, FieldPath, GoSyntax, invalid, notSupported, required } from '../field';
import { deepEqual } from '../meta/equal';
import { defaultPodTemplate } from '../pod/defaults';
import { validatePodTemplate } from '../pod/validation';
import type { Job, JobSpec } from '../types';
import { goLabelSelector, validateNonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from '../validation/workload';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

/** The labels the API server gives a Job's pods (generateSelector); the first is its selector. */
export const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME = 'batch.kubernetes.io/job-name';
const LEGACY_CONTROLLER_UID = 'controller-uid';
const LEGACY_JOB_NAME = 'job-name';

const COMPLETION_MODES = ['NonIndexed', 'Indexed'];
const RESTART_POLICIES = ['OnFailure', 'Never'];

/** The template as any pod template, then ValidatePodTemplateSpecForJob's restart policy: Always (the pod default) is "required" to be another. */
function validateTemplate(s: JobSpec, path: FieldPath): FieldError[] {
  const t = s.template;
  const errs = validatePodTemplate(t, path, ['Always', ...RESTART_POLICIES]);
  const rp = t?.spec?.restartPolicy ?? 'Always';
  const at = path.child('spec').child('restartPolicy').toString();
  if (rp === 'Always') errs.push(required(at, `valid values: ${RESTART_POLICIES.map((p) => JSON.stringify(p)).join(', ')}`));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(notSupported(at, rp, RESTART_POLICIES));
  else if (s.podFailurePolicy !== undefined && rp !== 'Never') errs.push(invalid(at, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** validateJobSpec: what a Job's spec and a CronJob's job template share (all but the selector). */
export function validateJobSpecFields(s: JobSpec, spec: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'] as const)
    errs.push(...validateNonNegative(s[f], spec.child(f).toString()));
  if (s.completionMode !== undefined && !COMPLETION_MODES.includes(s.completionMode)) errs.push(notSupported(spec.child('completionMode').toString(), s.completionMode, COMPLETION_MODES));
  if (s.completionMode === 'Indexed' && s.completions === undefined) errs.push(required(spec.child('completions').toString(), 'when completion mode is Indexed'));
  return errs;
}

function validateSpec(job: Job): FieldError[] {
  const spec = FieldPath.root('spec');
  const s = job.spec ?? ({} as JobSpec);
  return [...validateJobSpecFields(s, spec), ...validateSelectorAndTemplate(s.selector, s.template, spec, 'job', () => validateTemplate(s, spec.child('template')))];
}

/** A CronJob's job template: its spec's fields and template; the selector is generated for each Job. */
export function validateJobTemplateSpec(s: JobSpec, spec: FieldPath): FieldError[] {
  const errs = [...validateJobSpecFields(s, spec), ...validateTemplate(s, spec.child('template'))];
  if (s.selector !== undefined) errs.push(invalid(spec.child('selector').toString(), goLabelSelector(s.selector), '`selector` will be auto-generated'));
  if (s.manualSelector === true) errs.push(notSupported(spec.child('manualSelector').toString(), true, ['nil', 'false']));
  return errs;
}

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
    validate: validateSpec,
    validateUpdate(j, old) {
      const spec = FieldPath.root('spec');
      const errs = [...validateSpec(j), ...validateSelectorImmutable(j.spec?.selector, old.spec?.selector, spec)];
      if (!deepEqual(j.spec?.template, old.spec?.template)) errs.push(invalid('spec.template', new GoSyntax('core.PodTemplateSpec{...}'), 'field is immutable'));
      if (j.spec?.completionMode !== 'Indexed' && j.spec?.completions !== old.spec?.completions) errs.push(invalid('spec.completions', j.spec?.completions ?? null, 'field is immutable'));
      if (j.spec?.completionMode !== old.spec?.completionMode) errs.push(invalid('spec.completionMode', j.spec?.completionMode ?? '', 'field is immutable'));
      return errs;
    },
  },
});
