// Secrets: data held base64-encoded, stringData folded into data on every write (as the v1 ->
// internal conversion does), a type that never changes, and the per-type required keys of
// ValidateSecret.
import { type FieldError, FieldPath, forbidden, invalid, required, tooLong } from '../field';
import type { KubeObject } from '../types';
import { MAX_SECRET_SIZE, configKeyProblems } from './configmap';
import { hasOwn, setOwn } from '../meta/own';
import { STANDARD_VERBS, defineKind } from './kind';

export interface Secret extends KubeObject {
  /** Values base64-encoded, as the API serves them. */
  data?: Record<string, string>;
  /** Write-only plain-text values, merged into data (and dropped) by the API server. */
  stringData?: Record<string, string>;
  type?: string;
  immutable?: boolean;
}

export { MAX_SECRET_SIZE };

export const SECRET_TYPES = {
  opaque: 'Opaque',
  serviceAccountToken: 'kubernetes.io/service-account-token',
  dockercfg: 'kubernetes.io/dockercfg',
  dockerConfigJson: 'kubernetes.io/dockerconfigjson',
  basicAuth: 'kubernetes.io/basic-auth',
  sshAuth: 'kubernetes.io/ssh-auth',
  tls: 'kubernetes.io/tls',
  bootstrapToken: 'bootstrap.kubernetes.io/token',
} as const;

const dataPath = FieldPath.root('data');

/** A value's bytes (data holds base64). */
function decoded(secret: Secret, key: string): Buffer | undefined {
  const v = secret.data?.[key];
  return v === undefined ? undefined : Buffer.from(v, 'base64');
}

function jsonProblem(bytes: Buffer): string | undefined {
  try {
    JSON.parse(bytes.toString('utf8'));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Keys each well-known type requires (the switch of ValidateSecret). */
function validateType(s: Secret): FieldError[] {
  const key = (k: string) => dataPath.key(k).toString();
  const has = (k: string) => s.data !== undefined && hasOwn(s.data, k);
  switch (s.type) {
    case SECRET_TYPES.serviceAccountToken:
      return s.metadata.annotations?.['kubernetes.io/service-account.name']
        ? []
        : [required(FieldPath.root('metadata').child('annotations').key('kubernetes.io/service-account.name').toString(), '')];
    case SECRET_TYPES.dockercfg:
    case SECRET_TYPES.dockerConfigJson: {
      const k = s.type === SECRET_TYPES.dockercfg ? '.dockercfg' : '.dockerconfigjson';
      if (!has(k)) return [required(key(k), '')];
      const problem = jsonProblem(decoded(s, k)!);
      return problem ? [invalid(key(k), '<secret contents redacted>', problem)] : [];
    }
    case SECRET_TYPES.basicAuth:
      return has('username') || has('password') ? [] : [required(key('username'), ''), required(key('password'), '')];
    case SECRET_TYPES.sshAuth:
      return decoded(s, 'ssh-privatekey')?.length ? [] : [required(key('ssh-privatekey'), '')];
    case SECRET_TYPES.tls:
      return [...(has('tls.crt') ? [] : [required(key('tls.crt'), '')]), ...(has('tls.key') ? [] : [required(key('tls.key'), '')])];
    default:
      return [];
  }
}

function validate(s: Secret): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of Object.keys(s.data ?? {}).sort()) {
    for (const p of configKeyProblems(k)) errs.push(invalid(dataPath.key(k).toString(), k, p));
    total += decoded(s, k)!.length;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  return [...errs, ...validateType(s)];
}

export const secret = defineKind<Secret>({
  type: {
    group: '',
    version: 'v1',
    kind: 'Secret',
    resource: 'secrets',
    singular: 'secret',
    shortNames: [],
    namespaced: true,
    verbs: STANDARD_VERBS,
  },
  strategy: {
    schemaType: 'Secret',
    statusSubresource: false,
    tracksGeneration: false,
    defaults(s) {
      // Conversion from v1 folds stringData into data; the stored object never has stringData.
      if (s.stringData) {
        const data = { ...(s.data ?? {}) };
        for (const [k, v] of Object.entries(s.stringData)) setOwn(data, k, Buffer.from(v, 'utf8').toString('base64'));
        s.data = data;
        delete s.stringData;
      }
      if (!s.type) s.type = SECRET_TYPES.opaque;
    },
    validate,
    validateUpdate(s, old) {
      const errs: FieldError[] = [];
      if (s.type !== old.type) errs.push(invalid('type', s.type ?? '', 'field is immutable'));
      if (old.immutable) {
        if (!s.immutable) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
        if (JSON.stringify(sortedData(s)) !== JSON.stringify(sortedData(old))) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
      }
      return [...errs, ...validate(s)];
    },
    fieldLabels(s) {
      return { type: s.type ?? '' };
    },
  },
});

function sortedData(s: Secret): [string, string][] {
  return Object.entries(s.data ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
