// Who is asking and whether they may: authentication from bearer tokens, and an authorizer.
// Until RBAC objects are served, the authorizer knows the built-in superusers and components.
import { forbidden, unauthorized } from '../api/errors';
import type { ResourceType } from '../api/registry';

export interface UserInfo {
  name: string;
  groups: readonly string[];
}

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface RequestAttributes {
  user: UserInfo;
  verb: Verb;
  type: ResourceType;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface TokenEntry {
  user: string;
  groups: string[];
}

/** Maps a bearer token to its user, like the API server's static token authenticator. */
export function authenticate(tokens: Record<string, TokenEntry>, token: string | undefined): UserInfo {
  const entry = token ? tokens[token] : undefined;
  if (!entry) throw unauthorized();
  return { name: entry.user, groups: [...entry.groups, 'system:authenticated'] };
}

/** Identities of the control plane's own components, which act with full rights. */
export const COMPONENTS = {
  controllerManager: { name: 'system:kube-controller-manager', groups: ['system:authenticated'] },
  scheduler: { name: 'system:kube-scheduler', groups: ['system:authenticated'] },
  node: (nodeName: string): UserInfo => ({ name: `system:node:${nodeName}`, groups: ['system:nodes', 'system:authenticated'] }),
} as const;

/** Whether a user may do anything (system:masters, the control plane's components, nodes). */
export function isPrivileged(user: UserInfo): boolean {
  return (
    user.groups.includes('system:masters') ||
    user.name === COMPONENTS.controllerManager.name ||
    user.name === COMPONENTS.scheduler.name ||
    user.groups.includes('system:nodes')
  );
}

export function forbiddenReason(a: RequestAttributes): string {
  const res = a.subresource ? `${a.type.resource}/${a.subresource}` : a.type.resource;
  const where = a.type.namespaced && a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} resource ${JSON.stringify(res)} in API group ${JSON.stringify(a.type.group)} ${where}`;
}

export function authorize(a: RequestAttributes): void {
  if (isPrivileged(a.user)) return;
  throw forbidden({ group: a.type.group, resource: a.type.resource }, a.name ?? '', forbiddenReason(a));
}

/** Acting as another user (--as/--as-group) requires the right to impersonate. */
export function impersonate(user: UserInfo, as: UserInfo): UserInfo {
  if (!isPrivileged(user)) {
    throw forbidden(
      { group: '', resource: 'users' },
      as.name,
      `User ${JSON.stringify(user.name)} cannot impersonate resource "users" in API group "" at the cluster scope`,
    );
  }
  return as;
}
