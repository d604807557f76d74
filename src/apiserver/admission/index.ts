// The admission chain, in the API server's order.
import { defaultTolerationSeconds } from './defaulttolerationseconds';
import { namespaceLifecycle } from './namespacelifecycle';
import type { AdmissionContext, AdmissionPlugin, AdmissionRequest } from './plugin';
import { podLimit } from './podlimit';
import { priorityAdmission } from './priority';
import { serviceAccountAdmission } from './serviceaccount';

export type { AdmissionContext, AdmissionRequest } from './plugin';

const PLUGINS: readonly AdmissionPlugin[] = [namespaceLifecycle, serviceAccountAdmission, priorityAdmission, defaultTolerationSeconds, podLimit];

export function admit(req: AdmissionRequest, ctx: AdmissionContext): void {
  for (const p of PLUGINS) p.admit?.(req, ctx);
}

export function validateAdmission(req: AdmissionRequest, ctx: AdmissionContext): void {
  for (const p of PLUGINS) p.validate?.(req, ctx);
}
