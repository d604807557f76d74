// A kubeconfig as kubectl writes and prints it: YAML with sorted keys (sigs.k8s.io/yaml over
// JSON), JSON in the Go structs' field order (clientcmd/api/v1), entries sorted by name (they
// are maps in client-go), absent lists as null.
import { compareCodePoints } from '../../api/meta/codepoint';
import { toJson } from '../../printers/json';
import { toYaml } from '../../printers/yaml';
import type { KubeconfigData, NamedUser } from './file';

const CLUSTER_FIELDS = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'];
const USER_FIELDS = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'];
const CONTEXT_FIELDS = ['cluster', 'user', 'namespace', 'extensions'];

/** The fields in `order` first, in it; any others after, as read. Empty ones are left out but for `required` (fields without omitempty). */
function ordered(v: Record<string, unknown>, order: readonly string[], required: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keep = (k: string) => required.includes(k) || (v[k] !== undefined && v[k] !== '' && v[k] !== false);
  for (const k of order) if (keep(k)) out[k] = v[k] ?? '';
  for (const k of Object.keys(v)) if (!(k in out) && keep(k)) out[k] = v[k];
  return out;
}

/** A user's fields in AuthInfo's order; its exec plugin and auth provider in their own structs' order. */
function userDocument(user: NamedUser['user']): Record<string, unknown> {
  const doc = ordered(user, USER_FIELDS);
  if (!user['auth-provider'] && !user.exec) return doc;
  const { authProviderDocument, execDocument } = require('./authinfo') as typeof import('./authinfo');
  if (user['auth-provider']) doc['auth-provider'] = authProviderDocument(user['auth-provider']);
  if (user.exec) doc.exec = execDocument(user.exec);
  return doc;
}

function byName<T extends { name: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => compareCodePoints(a.name, b.name));
}

/** The document kubectl makes of a config: what `config view` prints and what it writes. */
export function configDocument(data: KubeconfigData): Record<string, unknown> {
  const list = <T>(items: T[]) => (items.length ? items : null);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: data.preferences ?? {},
    // Cluster.Server has no omitempty: a cluster without one says `server: ""`.
    clusters: list(byName(data.clusters).map((c) => ({ name: c.name, cluster: ordered(c.cluster, CLUSTER_FIELDS, ['server']) }))),
    users: list(byName(data.users).map((u) => ({ name: u.name, user: userDocument(u.user) }))),
    contexts: list(byName(data.contexts).map((c) => ({ name: c.name, context: ordered(c.context, CONTEXT_FIELDS, ['cluster', 'user']) }))),
    'current-context': data['current-context'] ?? '',
  };
}

export function configYaml(data: KubeconfigData): string {
  return toYaml(configDocument(data));
}

export function configJson(data: KubeconfigData): string {
  return toJson(configDocument(data), { sortKeys: false });
}
