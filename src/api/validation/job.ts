// ValidateJob and ValidateJobUpdate of v1.32 (and a CronJob's job template), loaded when a Job or
// a CronJob is written.
import { type FieldError, FieldPath, GoSyntax, invalid, notSupported, required } from '../field';
import { deepEqual } from '../meta/equal';
import { validatePodTemplate } from '../pod/validation';
import type { Job, JobSpec } from '../types';
import { goLabelSelector, validateNonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from './workload';

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
function validateJobSpecFields(s: JobSpec, spec: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'] as const)
    errs.push(...validateNonNegative(s[f], spec.child(f).toString()));
  if (s.completionMode !== undefined && !COMPLETION_MODES.includes(s.completionMode)) errs.push(notSupported(spec.child('completionMode').toString(), s.completionMode, COMPLETION_MODES));
  if (s.maxFailedIndexes !== undefined && s.backoffLimitPerIndex === undefined) errs.push(required(spec.child('backoffLimitPerIndex').toString(), 'when maxFailedIndexes is specified'));
  if (s.completionMode === 'Indexed') errs.push(...validateIndexedLimits(s, spec));
  else {
    for (const f of ['backoffLimitPerIndex', 'maxFailedIndexes'] as const) if (s[f] !== undefined) errs.push(invalid(spec.child(f).toString(), s[f]!, 'requires indexed completion mode'));
  }
  const rules = (s.podFailurePolicy as { rules?: { action?: string }[] } | undefined)?.rules ?? [];
  rules.forEach((r, i) => {
    if (r.action === 'FailIndex' && s.backoffLimitPerIndex === undefined)
      errs.push(invalid(spec.child('podFailurePolicy').child('rules').index(i).child('action').toString(), r.action, 'requires the backoffLimitPerIndex to be set'));
  });
  if (s.successPolicy !== undefined) errs.push(...validateSuccessPolicy(s, spec.child('successPolicy')));
  return errs;
}

const INDEXED_PARALLELISM_LIMIT = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const HIGH_COMPLETIONS_LIMIT = 10_000;

/** An Indexed Job's completions, parallelism and failed-index limits. */
function validateIndexedLimits(s: JobSpec, spec: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const at = (f: string) => spec.child(f).toString();
  if (s.completions === undefined) errs.push(required(at('completions'), 'when completion mode is Indexed'));
  if (s.parallelism !== undefined && s.parallelism > INDEXED_PARALLELISM_LIMIT)
    errs.push(invalid(at('parallelism'), s.parallelism, `must be less than or equal to ${INDEXED_PARALLELISM_LIMIT} when completion mode is Indexed`));
  const max = s.maxFailedIndexes;
  if (s.completions !== undefined && max !== undefined && max > s.completions) errs.push(invalid(at('maxFailedIndexes'), max, 'must be less than or equal to completions'));
  if (max !== undefined && max > INDEXED_PARALLELISM_LIMIT) errs.push(invalid(at('maxFailedIndexes'), max, `must be less than or equal to ${INDEXED_PARALLELISM_LIMIT}`));
  if (s.completions !== undefined && s.completions > COMPLETIONS_SOFT_LIMIT && s.backoffLimitPerIndex !== undefined) {
    const why = `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
    if (max === undefined) errs.push(required(at('maxFailedIndexes'), `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
    if (s.parallelism !== undefined && s.parallelism > HIGH_COMPLETIONS_LIMIT) errs.push(invalid(at('parallelism'), s.parallelism, why));
    if (max !== undefined && max > HIGH_COMPLETIONS_LIMIT) errs.push(invalid(at('maxFailedIndexes'), max, why));
  }
  return errs;
}

/** validateIndexesFormat: "0-2,4" within completions, increasing; the number of indexes it names. */
function indexesFormat(text: string, completions: number): { total: number } | { error: string } {
  let last: number | undefined;
  let total = 0;
  if (!text) return { total };
  const toInt = (v: string) => (/^[+-]?[0-9]+$/.test(v) && Math.abs(Number(v)) <= 2147483647 ? Number(v) : undefined);
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) return { error: `the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'` };
    for (const [k, part] of limits.entries()) {
      const n = toInt(part);
      if (n === undefined) return { error: `cannot convert string to integer for index: ${JSON.stringify(part)}` };
      if (n >= completions) return { error: `too large index: ${JSON.stringify(part)}` };
      if (last !== undefined && last >= n) return { error: `non-increasing order, previous: ${last}, current: ${n}` };
      total += k === 0 ? 1 : n - last!;
      last = n;
    }
  }
  return { total };
}

interface SuccessRule {
  succeededIndexes?: string;
  succeededCount?: number;
}

function validateSuccessPolicy(s: JobSpec, path: FieldPath): FieldError[] {
  if (s.completionMode !== 'Indexed') return [invalid(path.toString(), new GoSyntax('batch.SuccessPolicy{...}'), 'requires indexed completion mode')];
  const rules = (s.successPolicy as { rules?: SuccessRule[] }).rules ?? [];
  const rulesPath = path.child('rules');
  const errs: FieldError[] = [];
  if (!rules.length) errs.push(required(rulesPath.toString(), 'at least one rules must be specified when the successPolicy is specified'));
  const completions = s.completions ?? 0;
  rules.forEach((rule, i) => {
    const at = rulesPath.index(i);
    if (rule.succeededCount === undefined && rule.succeededIndexes === undefined) errs.push(required(at.toString(), 'at least one of succeededCount or succeededIndexes must be specified'));
    let total = 0;
    if (rule.succeededIndexes !== undefined) {
      const parsed = indexesFormat(rule.succeededIndexes, completions);
      if ('error' in parsed) errs.push(invalid(at.child('succeededIndexes').toString(), rule.succeededIndexes, `error parsing succeededIndexes: ${parsed.error}`));
      else total = parsed.total;
    }
    if (rule.succeededCount !== undefined) {
      const countAt = at.child('succeededCount').toString();
      errs.push(...validateNonNegative(rule.succeededCount, countAt));
      if (rule.succeededCount > completions) errs.push(invalid(countAt, rule.succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`));
      if (rule.succeededIndexes !== undefined && rule.succeededCount > total)
        errs.push(invalid(countAt, rule.succeededCount, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`));
    }
  });
  return errs;
}

export function validateJob(job: Job): FieldError[] {
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

/** ValidateJobUpdate: the spec, an unchanged selector and template, and the fields fixed at creation. */
export function validateJobUpdate(j: Job, old: Job): FieldError[] {
  const spec = FieldPath.root('spec');
  const errs = [...validateJob(j), ...validateSelectorImmutable(j.spec?.selector, old.spec?.selector, spec)];
  if (!deepEqual(j.spec?.template, old.spec?.template)) errs.push(invalid('spec.template', new GoSyntax('core.PodTemplateSpec{...}'), 'field is immutable'));
  if (j.spec?.completionMode !== 'Indexed' && j.spec?.completions !== old.spec?.completions) errs.push(invalid('spec.completions', j.spec?.completions ?? null, 'field is immutable'));
  if (j.spec?.completionMode !== old.spec?.completionMode) errs.push(invalid('spec.completionMode', j.spec?.completionMode ?? '', 'field is immutable'));
  return errs;
}
