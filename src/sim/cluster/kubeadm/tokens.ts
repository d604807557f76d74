// kubeadm token create/list/delete against the API: bootstrap tokens as Secrets in kube-system.
import {
  DEFAULT_GROUP,
  DEFAULT_TTL_MS,
  DEFAULT_USAGES,
  TOKEN_ID_PATTERN,
  TOKEN_PATTERN,
  TOKEN_SECRET_PREFIX,
  TOKEN_SECRET_TYPE,
  type BootstrapToken,
  generateToken,
  groupProblem,
  isTokenID,
  parseToken,
  tokenFromSecret,
  tokenSecret,
  usageProblem,
} from '../../../api/bootstraptoken';
import { isStatusError } from '../../../api/errors';
import type { TokenRequest } from '../../../api/kubeadm';
import { type Secret, secret as secretKind } from '../../../api/kinds/secret';
import type { KubeadmEnv } from './env';
import { KubeadmError } from './errors';

/** The checks of the token options (bto.ApplyTo and ValidateBootstrapTokens). */
export function validateTokenRequest(req: TokenRequest): void {
  if (req.token !== undefined && !parseToken(req.token))
    throw new KubeadmError(`the bootstrap token ${JSON.stringify(req.token)} was not of the form ${JSON.stringify(TOKEN_PATTERN)}`);
  const usage = usageProblem(req.usages ?? []);
  if (usage) throw new KubeadmError(usage);
  const group = groupProblem(req.groups ?? []);
  if (group) throw new KubeadmError(group);
}

/** Creates the token's Secret (failing if its id is taken, as `kubeadm token create` does); returns the token. */
export function createToken(env: KubeadmEnv, req: TokenRequest): string {
  validateTokenRequest(req);
  const text = req.token ?? generateToken(env.random);
  const { id, secret } = parseToken(text)!;
  const ttl = req.ttlMs ?? DEFAULT_TTL_MS;
  const t: BootstrapToken = {
    id,
    secret,
    description: req.description,
    expires: ttl > 0 ? env.clock.now() + ttl : undefined,
    usages: [...(req.usages ?? DEFAULT_USAGES)],
    groups: [...(req.groups ?? [DEFAULT_GROUP])],
  };
  try {
    env.client.create(secretKind.type, tokenSecret(t));
  } catch (e) {
    if (isStatusError(e, 'AlreadyExists')) throw new KubeadmError(`a token with id ${JSON.stringify(id)} already exists`);
    throw e;
  }
  return text;
}

/** The token Secrets of kube-system, parsed; a malformed one is reported by its error text. */
export function listTokens(env: KubeadmEnv): (BootstrapToken | string)[] {
  return env.client.list<Secret>(secretKind.type, 'kube-system', { fieldSelector: `type=${TOKEN_SECRET_TYPE}` }).map(tokenFromSecret);
}

/** Deletes a token given by id or in full; returns its id. */
export function deleteToken(env: KubeadmEnv, idOrToken: string): string {
  let id = idOrToken;
  if (!isTokenID(idOrToken)) {
    const t = parseToken(idOrToken);
    if (!t) throw new KubeadmError(`given token didn't match pattern ${JSON.stringify(TOKEN_PATTERN)} or ${JSON.stringify(TOKEN_ID_PATTERN)}`);
    id = t.id;
  }
  try {
    env.client.delete(secretKind.type, 'kube-system', TOKEN_SECRET_PREFIX + id);
  } catch (e) {
    if (isStatusError(e)) throw new KubeadmError(`failed to delete bootstrap token ${JSON.stringify(id)}: ${(e as Error).message}`);
    throw e;
  }
  return id;
}
