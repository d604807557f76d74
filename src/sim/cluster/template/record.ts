// Making the default cluster's template (at build time): the same bootstrap run at two cluster
// times, its identity (certificates, keys, serials, tokens, signature) replaced by placeholders, then the
// two stores compared token by token. Where they differ, the value must be a time one of
// TIME_RULES explains for both runs; anything else fails the build, so a template never
// silently holds a value that belongs to one home.
import { type BootstrapTemplate, type CertificateRecord, type StoreImage, TEMPLATE_FORMAT, TIME_RULES, base64, jsonBody, placeholder } from './format';

/** What one direct bootstrap left: the store's state as its files hold it. */
export interface BuiltCluster extends StoreImage {
  /** The cluster time it was built at. */
  now: number;
}

interface Identity {
  certs: (CertificateRecord & { certPem: string; keyPem: string })[];
  /** Every certificate kubeadm recorded (issued or only planned), by name: its serial. */
  serials: [string, string][];
  admin: string;
  tokenId: string;
  tokenSecret: string;
  jws: string;
  signed: string;
}

/** A collection's lines (`"<key>"<TAB><value>`) as one object. */
function entries(text: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    out[JSON.parse(line.slice(0, tab)) as string] = JSON.parse(line.slice(tab + 1));
  }
  return out;
}

function collection(b: BuiltCluster, test: (key: string) => boolean): Record<string, Record<string, unknown>> {
  for (const text of Object.values(b.collections)) {
    const c = entries(text);
    if (Object.keys(c).some(test)) return c;
  }
  throw new Error('the bootstrap template: a collection is missing from the built cluster');
}

function identityOf(b: BuiltCluster): Identity {
  type Rec = { spec: CertificateRecord['spec']; ca?: string; certPem?: string; keyPem?: string };
  const kubeadm = collection(b, (k) => k === 'cert/ca') as Record<string, Rec>;
  const serials = Object.entries(kubeadm)
    .filter(([k]) => k.startsWith('cert/'))
    .map(([k, r]): [string, string] => [k.slice('cert/'.length), r.spec.serial]);
  const certs = Object.entries(kubeadm)
    .filter(([k, r]) => k.startsWith('cert/') && r.certPem)
    .map(([k, r]) => ({ name: k.slice('cert/'.length), ca: r.ca, spec: r.spec, certPem: r.certPem!, keyPem: r.keyPem! }))
    .sort((x, y) => Number(!!x.ca) - Number(!!y.ca));
  const tokens = Object.keys((JSON.parse(b.system) as { tokens: Record<string, unknown> }).tokens);
  if (tokens.length !== 1) throw new Error(`the bootstrap template: expected one admin token, found ${tokens.length}`);
  const secrets = Object.values(collection(b, (k) => k.startsWith('kube-system/bootstrap-token-'))) as { type: string; data: Record<string, string> }[];
  const tokenSecrets = secrets.filter((s) => s.type === 'bootstrap.kubernetes.io/token');
  if (tokenSecrets.length !== 1) throw new Error(`the bootstrap template: expected one bootstrap token, found ${tokenSecrets.length}`);
  const decode = (s: string) => Buffer.from(s, 'base64').toString();
  const tokenId = decode(tokenSecrets[0].data['token-id']);
  const tokenSecret = decode(tokenSecrets[0].data['token-secret']);
  const info = collection(b, (k) => k === 'kube-public/cluster-info')['kube-public/cluster-info'] as { data: Record<string, string> };
  return { certs, serials, admin: tokens[0], tokenId, tokenSecret, jws: info.data[`jws-kubeconfig-${tokenId}`], signed: info.data.kubeconfig };
}

/** Replaces the identity's values in a JSON text (or, `raw`, in plain text) by placeholders. */
function mask(text: string, id: Identity, raw = false): string {
  const enc = raw ? (s: string) => s : jsonBody;
  let out = text;
  const swap = (value: string, by: string) => void (out = out.split(value).join(by));
  for (const c of id.certs) {
    swap(enc(c.certPem), placeholder('cert', c.name));
    swap(base64(c.certPem), placeholder('cert64', c.name));
    swap(enc(c.keyPem), placeholder('key', c.name));
  }
  // Serials and the token's id are short: each is replaced only where it stands, never wherever
  // its characters happen to appear.
  for (const [name, serial] of id.serials) swap(`"serial":"${serial}"`, `"serial":"${placeholder('serial', name)}"`);
  swap(id.jws, placeholder('jws'));
  swap(id.admin, placeholder('admin'));
  swap(id.tokenSecret, placeholder('tokensecret'));
  swap(`"${base64(id.tokenSecret)}"`, `"${placeholder('tokensecret64')}"`);
  for (const named of ['bootstrap-token-', 'jws-kubeconfig-']) swap(named + id.tokenId, named + placeholder('tokenid'));
  swap(`"token-id":"${base64(id.tokenId)}"`, `"token-id":"${placeholder('tokenid64')}"`);
  for (const c of id.certs) if (out.includes(c.keyPem.split('\n')[1])) throw new Error(`the bootstrap template: the key of ${c.name} is still in the template`);
  for (const [name, serial] of id.serials) if (out.includes(serial)) throw new Error(`the bootstrap template: the serial of ${name} is still in the template`);
  if (new RegExp(`(?<![a-z0-9])${id.tokenId}(?![a-z0-9])`).test(out)) throw new Error('the bootstrap template: the bootstrap token id is still in the template');
  return out;
}

// Values that may depend on the cluster time: RFC3339 times (with microseconds or not), JSON
// numbers of 13 digits (milliseconds), 16 hex digits after a dot (event names), and base64 of an
// RFC3339 time (a bootstrap token's expiration).
const CANDIDATE = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?Z)|(?<=[:[,\t])(\d{13})(?=[,}\]\n])|(?<=\.)([0-9a-f]{16})(?![0-9A-Za-z])|(?<=")(MjA[A-Za-z0-9+/]{24}=)(?=")/g;
const YEARS_20 = 20 * 365 * 86_400_000;
const floorSecond = (t: number) => Math.floor(t / 1000) * 1000;

/** Candidate rules for one matched value, with the offset each implies for time `t`. */
function offsets(value: string, group: number, t: number): { rule: string; k: string }[] {
  switch (group) {
    case 1: {
      const v = Date.parse(value);
      if (Math.abs(v - t) > YEARS_20) return [];
      return value.includes('.') ? [{ rule: 'micro', k: String(v - t) }] : [{ rule: 'rfc', k: String(v - floorSecond(t)) }];
    }
    case 2: {
      const v = Number(value);
      if (Math.abs(v - t) > YEARS_20) return [];
      return [
        { rule: 'ms', k: String(v - t) },
        { rule: 'sms', k: String(v - floorSecond(t)) },
      ];
    }
    case 3: {
      const v = BigInt(`0x${value}`) - BigInt(t) * 1_000_000n;
      return v < 0n || v > 1_000_000_000_000n ? [] : [{ rule: 'ns', k: String(v) }];
    }
    case 4: {
      const decoded = Buffer.from(value, 'base64').toString();
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(decoded)) return [];
      return [{ rule: 'rfc64', k: String(Date.parse(decoded) - floorSecond(t)) }];
    }
  }
  return [];
}

function tokens(text: string): { literal: string[]; values: { value: string; group: number }[] } {
  const literal: string[] = [];
  const values: { value: string; group: number }[] = [];
  let last = 0;
  for (const m of text.matchAll(CANDIDATE)) {
    literal.push(text.slice(last, m.index));
    const group = m.slice(1).findIndex((g) => g !== undefined) + 1;
    values.push({ value: m[0], group });
    last = m.index! + m[0].length;
  }
  literal.push(text.slice(last));
  return { literal, values };
}

/** The template of one text from its two builds: a time rule wherever they differ. */
function differential(what: string, a: string, ta: number, b: string, tb: number): string {
  const x = tokens(a);
  const y = tokens(b);
  const where = (i: number) => `${what}: ...${x.literal[i].slice(-80)}`;
  if (x.values.length !== y.values.length) throw new Error(`the bootstrap template: ${what} differs between two builds beyond times`);
  let out = '';
  for (let i = 0; i < x.values.length; i++) {
    if (x.literal[i] !== y.literal[i]) throw new Error(`the bootstrap template: unexplained difference at ${where(i)}`);
    out += x.literal[i];
    const va = x.values[i];
    const vb = y.values[i];
    const rule = va.group === vb.group ? offsets(va.value, va.group, ta).find((r) => TIME_RULES[r.rule](tb, r.k) === vb.value && TIME_RULES[r.rule](ta, r.k) === va.value) : undefined;
    if (rule) out += placeholder(rule.rule, rule.k);
    else if (va.value === vb.value) out += va.value;
    else throw new Error(`the bootstrap template: ${va.value} / ${vb.value} is no time it knows, at ${where(i)}`);
  }
  const end = x.literal.length - 1;
  if (x.literal[end] !== y.literal[end]) throw new Error(`the bootstrap template: unexplained difference at the end of ${what}: ${x.literal[end].slice(0, 400)} / ${y.literal[end].slice(0, 400)}`);
  return out + x.literal[end];
}

/** The template from two direct bootstraps at different cluster times (and so different identities). */
export function recordTemplate(a: BuiltCluster, b: BuiltCluster, build: string): BootstrapTemplate {
  if (a.now === b.now || a.now % 1000 === b.now % 1000) throw new Error('the bootstrap template needs two builds at different times and milliseconds');
  for (const k of ['eventSequence', 'server', 'revision'] as const)
    if (a[k] !== b[k]) throw new Error(`the bootstrap template: ${k} differs between two builds`);
  if (String(a.rand) !== String(b.rand)) throw new Error('the bootstrap template: two builds started from different generator states');
  if (String(Object.keys(a.collections)) !== String(Object.keys(b.collections))) throw new Error('the bootstrap template: the builds have different collections');
  const timers = (JSON.parse(a.system) as { timers: { at: number }[] }).timers;
  if (timers.some((t) => t.at <= a.now)) throw new Error('the bootstrap template: a timer is due at once; the cluster is not settled');
  const ia = identityOf(a);
  const ib = identityOf(b);
  const both = (what: string, fa: (x: BuiltCluster, i: Identity) => string) => differential(what, fa(a, ia), a.now, fa(b, ib), b.now);
  const certificates = (i: Identity) => JSON.stringify(i.certs.map(({ name, ca, spec }) => ({ name, ca, spec })));
  return {
    format: TEMPLATE_FORMAT,
    build,
    rand: a.rand,
    eventSequence: a.eventSequence,
    server: a.server,
    revision: a.revision,
    system: both('the system state', (x, i) => mask(x.system, i)),
    collections: Object.fromEntries(Object.keys(a.collections).map((name) => [name, both(name, (x, i) => mask(x.collections[name], i))])),
    certificates: both('the certificates', (_x, i) => mask(certificates(i), i)),
    signed: both('cluster-info', (_x, i) => mask(i.signed, i, true)),
  };
}

/** A built cluster with its identity masked, to compare a template's cluster with a direct one. */
export function masked(b: BuiltCluster): string {
  const id = identityOf(b);
  return JSON.stringify({ ...b, system: mask(b.system, id), collections: Object.fromEntries(Object.entries(b.collections).map(([k, v]) => [k, mask(v, id)])) }, null, 1);
}
