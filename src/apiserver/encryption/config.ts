// An EncryptionConfiguration file as kube-apiserver's --encryption-provider-config reads it:
// decoded (JSON, or YAML), validated with apiserver's messages (config/validation), and turned
// into one transformer per group-resource (encryptionconfig/config.go), where a `*.group` or
// `*.*` rule masks any later one. Also the change `pocketkube store encrypt` makes to it.
import {
  ENCRYPTION_CONFIG_API_VERSION,
  ENCRYPTION_CONFIG_KIND,
  type EncryptionConfiguration,
  type EncryptionKey,
  type ProviderConfiguration,
  type ProviderName,
} from '../../api/encryption';
import { type FieldError, GoSyntax, fieldErrorText, invalid, required } from '../../api/field';
import { aesCBC, aesGCM, type Cipher, secretbox } from './ciphers';
import { type Provider, Transformer } from './transformer';

/** A configuration the API server cannot start with: kube-apiserver's words. */
export class EncryptionConfigError extends Error {}

const AES_SIZES = [16, 24, 32];
const SECRETBOX_SIZES = [32];
/** encoding/base64's StdEncoding: padded, no stray characters. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KEYED = ['aesgcm', 'aescbc', 'secretbox'] as const;

/** The group and resource a `resources` entry names (schema.ParseGroupResource: split at the first dot). */
export interface GroupResource {
  group: string;
  resource: string;
}

export function parseGroupResource(s: string): GroupResource {
  const dot = s.indexOf('.');
  return dot < 0 ? { group: '', resource: s } : { group: s.slice(dot + 1), resource: s.slice(0, dot) };
}

/** How the configuration spells a group-resource: "secrets", "deployments.apps", "*.", "*.*". */
export function grString(gr: GroupResource): string {
  if (gr.group === '' && gr.resource === '*') return '*.';
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

/** The file's text decoded: JSON is read as it is (no YAML parser to load), anything else as YAML. */
export function decodeConfig(text: string, file: string): EncryptionConfiguration {
  if (!text.trim()) throw new EncryptionConfigError(`encryption provider configuration file ${JSON.stringify(file)} is empty`);
  let obj: unknown;
  try {
    obj = text.trimStart().startsWith('{') ? JSON.parse(text) : (require('yaml') as typeof import('yaml')).parse(text);
  } catch (e) {
    throw new EncryptionConfigError(`error while parsing file: ${(e as Error).message}`);
  }
  const o = (obj ?? {}) as Partial<EncryptionConfiguration>;
  if (o.apiVersion !== ENCRYPTION_CONFIG_API_VERSION || o.kind !== ENCRYPTION_CONFIG_KIND)
    throw new EncryptionConfigError(
      `error while parsing file: got ${JSON.stringify(`${o.apiVersion ?? ''}, Kind=${o.kind ?? ''}`)}, want an ${ENCRYPTION_CONFIG_KIND} of ${ENCRYPTION_CONFIG_API_VERSION}`,
    );
  const problems = validate(o as EncryptionConfiguration);
  if (problems.length) throw new EncryptionConfigError(`error while parsing file: ${aggregate(problems.map(fieldErrorText))}`);
  return o as EncryptionConfiguration;
}

/** field.ErrorList.ToAggregate().Error(). */
function aggregate(texts: string[]): string {
  return texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
}

const goStrings = (xs: readonly string[]) => new GoSyntax(`[]string{${xs.map((x) => JSON.stringify(x)).join(', ')}}`);

/** ValidateEncryptionConfiguration, for what pocketkube reads (kms is refused: there is no plugin to call). */
export function validate(c: EncryptionConfiguration): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(c.resources) || !c.resources.length) return [required('resources', 'at least one resources is required')];
  c.resources.forEach((conf, i) => {
    const r = `resources[${i}].resources`;
    const p = `resources[${i}].providers`;
    const resources = Array.isArray(conf?.resources) ? conf.resources.map(String) : [];
    if (!resources.length) errs.push(required(r, `at least one ${r} is required`));
    errs.push(...overlap(resources, r), ...names(resources, r));
    const providers = Array.isArray(conf?.providers) ? conf.providers : [];
    if (!providers.length) errs.push(required(p, `at least one ${p} is required`));
    providers.forEach((provider, j) => {
      const path = `${p}[${j}]`;
      const set = Object.keys(provider ?? {}).filter((k) => (provider as Record<string, unknown>)[k] != null);
      const known = set.filter((k) => ['kms', ...KEYED, 'identity'].includes(k));
      if (!known.length) return void errs.push(invalid(path, new GoSyntax('config.ProviderConfiguration{...}'), 'provider does not contain any of the expected providers: KMS, AESGCM, AESCBC, Secretbox, Identity'));
      if (known.length > 1) return void errs.push(invalid(path, new GoSyntax('config.ProviderConfiguration{...}'), 'more than one provider specified in a single element, should split into different list elements'));
      const name = known[0];
      if (name === 'kms') return void errs.push(invalid(`${path}.kms`, new GoSyntax('config.KMSConfiguration{...}'), 'pocketkube has no KMS plugin to call: use aesgcm, aescbc or secretbox'));
      if (name === 'identity') return;
      const keys = (provider as Record<string, { keys?: EncryptionKey[] }>)[name]?.keys ?? [];
      errs.push(...validateKeys(keys, `${path}.${name}.keys`, name === 'secretbox' ? SECRETBOX_SIZES : AES_SIZES));
    });
  });
  return errs;
}

function validateKeys(keys: EncryptionKey[], path: string, sizes: number[]): FieldError[] {
  if (!Array.isArray(keys) || !keys.length) return [required(path, 'at least one keys is required')];
  const errs: FieldError[] = [];
  keys.forEach((key, i) => {
    const at = `${path}[${i}]`;
    if (!key?.name) errs.push(required(`${at}.name`, 'name is a mandatory field for a key'));
    if (!key?.secret) return void errs.push(required(`${at}.secret`, 'secret is a mandatory field for a key'));
    if (!BASE64.test(key.secret)) return void errs.push(invalid(`${at}.secret`, 'REDACTED', 'secrets must be base64 encoded'));
    const n = Buffer.from(key.secret, 'base64').length;
    if (!sizes.includes(n)) errs.push(invalid(`${at}.secret`, 'REDACTED', `secret is not of the expected length, got ${n}, expected one of [${sizes.join(' ')}]`));
  });
  return errs;
}

function overlap(resources: string[], path: string): FieldError[] {
  if (resources.length < 2) return [];
  const grs = resources.map(parseGroupResource);
  let duplicate = false;
  let masked = false;
  grs.forEach((a, i) =>
    grs.forEach((b, j) => {
      if (i === j) return;
      if (a.group === b.group && a.resource === b.resource) duplicate = true;
      else if ((a.group === '*' && a.resource === '*') || (a.group === b.group && (a.resource === '*' || b.resource === '*'))) masked = true;
    }),
  );
  const errs: FieldError[] = [];
  if (duplicate) errs.push(invalid(path, goStrings(resources), 'the same resource cannot be specified multiple times'));
  if (masked) errs.push(invalid(path, goStrings(resources), "using overlapping resources such as 'secrets' and '*.' in the same resource list is not allowed as they will be masked"));
  return errs;
}

function names(resources: string[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  resources.forEach((res, j) => {
    const at = `${path}[${j}]`;
    const gr = parseGroupResource(res);
    if (res.toLowerCase() !== res) errs.push(invalid(at, res, 'resource name should not contain capital letters'));
    else if (res === '*') errs.push(invalid(at, res, "use '*.' to encrypt all the resources from core API group or *.* to encrypt all resources"));
    else if (['apiserveripinfo', 'serviceipallocations', 'servicenodeportallocations'].includes(res)) errs.push(invalid(at, res, 'resources which do not have REST API/s cannot be encrypted'));
    else if (gr.group === 'events.k8s.io')
      errs.push(invalid(at, res, "'*.events.k8s.io' objects are stored using the 'events' API group in etcd. Use 'events' instead in the config file"));
    else if (gr.group === 'extensions') errs.push(invalid(at, res, "'extensions' group has been removed and cannot be used for encryption"));
    else if (gr.group === '*' && gr.resource !== '*') errs.push(invalid(at, res, 'encrypting the same resource across groups is not supported'));
  });
  return errs;
}

function cipherOf(name: (typeof KEYED)[number], key: Buffer): Cipher {
  if (name === 'aesgcm') return aesGCM(key);
  if (name === 'aescbc') return aesCBC(key);
  return secretbox(key);
}

function providerOf(c: ProviderConfiguration): Provider {
  if (c.identity) return { name: 'identity' };
  const name = KEYED.find((k) => c[k])!;
  return { name, keys: c[name]!.keys.map((k) => ({ name: k.name, cipher: cipherOf(name, Buffer.from(k.secret, 'base64')) })) };
}

/** The transformer of each group-resource the configuration names (getTransformerOverrides), by grString. */
export function transformersOf(config: EncryptionConfiguration): Map<string, Transformer> {
  const providers = new Map<string, Provider[]>();
  for (const conf of config.resources) {
    const list = conf.providers.map(providerOf);
    for (const resource of conf.resources) {
      const gr = parseGroupResource(resource);
      for (const mask of [{ group: gr.group, resource: '*' }, { group: '*', resource: '*' }])
        if (providers.has(grString(mask)) && grString(mask) !== grString(gr))
          throw new EncryptionConfigError(`resource ${JSON.stringify(grString(gr))} is masked by earlier rule ${JSON.stringify(grString(mask))}`);
      providers.set(grString(gr), [...(providers.get(grString(gr)) ?? []), ...list]);
    }
  }
  return new Map([...providers].map(([gr, list]) => [gr, new Transformer(list)]));
}

/** The resource entry that covers secrets, if any (the first: a later one would be masked). */
function secretsEntry(config: EncryptionConfiguration): number {
  return config.resources.findIndex((r) => r.resources.some((s) => s === 'secrets' || s === '*.' || s === '*.*'));
}

/**
 * The configuration with `provider` writing secrets from now on (`pocketkube store encrypt`): a
 * new key of its own (named key<N>, never a name used before) put first, so what was written
 * before stays readable with the keys that follow it; identity put first to write in the clear.
 * A configuration made afresh covers secrets and keeps identity last, to read what was stored
 * before. Returns the new configuration and the new key's name.
 */
export function withWriter(config: EncryptionConfiguration | undefined, provider: ProviderName, newKey: () => Buffer): { config: EncryptionConfiguration; key?: string } {
  const next: EncryptionConfiguration = config
    ? structuredClone(config)
    : { apiVersion: ENCRYPTION_CONFIG_API_VERSION, kind: ENCRYPTION_CONFIG_KIND, resources: [] };
  let i = secretsEntry(next);
  if (i < 0) {
    next.resources.unshift({ resources: ['secrets'], providers: [{ identity: {} }] });
    i = 0;
  }
  const entry = next.resources[i];
  if (provider === 'identity') {
    entry.providers = [{ identity: {} }, ...entry.providers.filter((p) => !p.identity)];
    return { config: next };
  }
  let n = 0;
  for (const r of next.resources) for (const p of r.providers) for (const k of KEYED) for (const key of p[k]?.keys ?? []) n = Math.max(n, Number(/^key(\d+)$/.exec(key.name)?.[1] ?? 0));
  const key = `key${n + 1}`;
  entry.providers.unshift({ [provider]: { keys: [{ name: key, secret: newKey().toString('base64') }] } });
  return { config: next, key };
}

/** The file's text as `store encrypt` writes it: JSON, which is YAML too and reads without a YAML parser. */
export function configText(config: EncryptionConfiguration): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
