// An Indexed Job's successPolicy (success_policy.go): the Job succeeds as soon as one rule is met —
// all of its succeededIndexes succeeded, or succeededCount of them (or of all indexes).
import type { Job } from '../../api/types';
import { parseIndexes } from './indexes';

interface Rule {
  succeededIndexes?: string;
  succeededCount?: number;
}

/** The condition message of the first rule met ("Matched rules at index 0"), if one is. */
export function matchSuccessPolicy(job: Job, completions: number, succeeded: ReadonlySet<number>): string | undefined {
  const rules = (job.spec.successPolicy as { rules?: Rule[] } | undefined)?.rules;
  if (!rules || !succeeded.size) return undefined;
  for (const [index, rule] of rules.entries()) {
    if (rule.succeededIndexes !== undefined) {
      const required = parseIndexes(rule.succeededIndexes).filter((i) => i < completions);
      if (!required.length) continue;
      const contains = required.filter((i) => succeeded.has(i)).length;
      if (contains === required.length || (rule.succeededCount !== undefined && contains >= rule.succeededCount)) return `Matched rules at index ${index}`;
    } else if (rule.succeededCount !== undefined && succeeded.size >= rule.succeededCount) return `Matched rules at index ${index}`;
  }
  return undefined;
}
