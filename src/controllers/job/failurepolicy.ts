// A Job's podFailurePolicy (pkg/controller/job/pod_failure_policy.go): the first rule a failed pod
// matches — by a container's non-zero exit code, or by one of the pod's conditions — decides
// whether the Job fails at once (FailJob), the pod's index fails at once (FailIndex), the failure
// is not counted (Ignore), or it counts against backoffLimit (Count, and any failure no rule matches).
import type { Job, Pod } from '../../api/types';

interface ExitCodes {
  containerName?: string;
  operator: 'In' | 'NotIn';
  values: number[];
}

interface Rule {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
  onExitCodes?: ExitCodes;
  onPodConditions?: { type: string; status?: string }[];
}

export type Verdict = { action: 'count' } | { action: 'ignore' } | { action: 'failIndex' } | { action: 'failJob'; message: string };

function matchingContainer(pod: Pod, req: ExitCodes): { name: string; exitCode: number } | undefined {
  for (const list of [pod.status?.containerStatuses ?? [], pod.status?.initContainerStatuses ?? []])
    for (const s of list) {
      const code = s.state?.terminated?.exitCode;
      if (code === undefined || code === 0) continue;
      if (req.containerName !== undefined && req.containerName !== s.name) continue;
      if (req.values.includes(code) === (req.operator === 'In')) return { name: s.name, exitCode: code };
    }
  return undefined;
}

/** What the policy makes of a failed pod. */
export function judgeFailure(job: Job, pod: Pod): Verdict {
  const rules = ((job.spec.podFailurePolicy as { rules?: Rule[] } | undefined)?.rules ?? []) as Rule[];
  for (const [index, rule] of rules.entries()) {
    let matched: string | undefined;
    if (rule.onExitCodes) {
      const c = matchingContainer(pod, rule.onExitCodes);
      if (c) matched = `Container ${c.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${c.exitCode} matching ${rule.action} rule at index ${index}`;
    } else if (rule.onPodConditions) {
      const cond = rule.onPodConditions.find((want) => pod.status?.conditions?.some((c) => c.type === want.type && c.status === (want.status ?? 'True')));
      if (cond) matched = `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${cond.type} matching ${rule.action} rule at index ${index}`;
    }
    if (matched === undefined) continue;
    if (rule.action === 'FailJob') return { action: 'failJob', message: matched };
    if (rule.action === 'Ignore') return { action: 'ignore' };
    if (rule.action === 'FailIndex') return { action: 'failIndex' };
    return { action: 'count' };
  }
  return { action: 'count' };
}
