// The default cluster as a template: the store the first command on an empty home builds, recorded
// by the build (record.ts) with placeholders where a home's own values go, and filled in on first
// use (instantiate.ts). A placeholder is `@@name@@` or `@@name:arg@@`:
//
//   time     `@@<rule>:<offset>@@`  a value computed from the cluster time T when the cluster was
//            built, written as the rule says (TIME_RULES); the offset is what the value adds to T
//   identity `@@cert:<name>@@`, `@@cert64:<name>@@`, `@@key:<name>@@` (a certificate issued at
//            bootstrap, its base64 and its key, JSON-escaped), `@@serial:<name>@@` (the serial of
//            every certificate kubeadm recorded, issued or not), `@@admin@@` (the admin token),
//            `@@tokenid@@`, `@@tokenid64@@`, `@@tokensecret@@`, `@@tokensecret64@@` (the bootstrap
//            token's id and secret, plain and in base64: the id also names its Secret, its
//            cleaner's timer and cluster-info's signature key), `@@jws@@` (cluster-info's
//            signature for that token)
import { rfc3339, rfc3339Micro } from '../../../api/time';

/** v4: a collection's text ends with its views line, where it keeps views. */
export const TEMPLATE_FORMAT = 'pocketkube.bootstrap-template/v4';

/** A bootstrapped store as its files hold it, and what the invocation carries on from. */
export interface StoreImage {
  /** The seeded generator's state before the bootstrap: a home starting elsewhere builds directly. */
  rand: number[];
  /** The event-name sequence after the bootstrap (an invocation continues it). */
  eventSequence: number;
  /** The API server's URL (the admin kubeconfig's). */
  server: string;
  revision: number;
  /** The store's system state, JSON. */
  system: string;
  /** Collection -> the text of its file: its value lines, then its views line if it has one (no index line). */
  collections: Record<string, string>;
}

export interface BootstrapTemplate extends StoreImage {
  format: string;
  /** The build that made it (and the only one that may use it). */
  build: string;
  /** The certificates issued at bootstrap, issuers first: JSON of `CertificateRecord[]`. */
  certificates: string;
  /** The cluster-info kubeconfig the bootstrap token signs. */
  signed: string;
}

export interface CertificateRecord {
  name: string;
  /** The issuing CA's name; none for a CA. */
  ca?: string;
  spec: { commonName: string; organizations?: string[]; notBefore: number; notAfter: number; serial: string; isCA: boolean; usages?: ('server' | 'client')[]; dnsNames?: string[]; ips?: string[] };
}

const floorSecond = (t: number) => Math.floor(t / 1000) * 1000;

/** How each time-dependent value is written, from T and the recorded offset. */
export const TIME_RULES: Record<string, (t: number, k: string) => string> = {
  /** milliseconds since the epoch, T + k */
  ms: (t, k) => String(t + Number(k)),
  /** milliseconds since the epoch, T's whole second + k */
  sms: (t, k) => String(floorSecond(t) + Number(k)),
  /** metav1.Time: RFC3339 seconds of T's whole second + k */
  rfc: (t, k) => rfc3339(floorSecond(t) + Number(k)),
  /** metav1.MicroTime of T + k */
  micro: (t, k) => rfc3339Micro(t + Number(k)),
  /** a Secret's base64 of an RFC3339 time, T's whole second + k */
  rfc64: (t, k) => Buffer.from(rfc3339(floorSecond(t) + Number(k))).toString('base64'),
  /** an event name's 16 hex digits of nanoseconds, T in ns + k */
  ns: (t, k) => (BigInt(t) * 1_000_000n + BigInt(k)).toString(16).padStart(16, '0'),
};

const PLACEHOLDER = /@@([a-z0-9]+)(?::([^@"]*))?@@/g;

export const placeholder = (name: string, arg?: string | number | bigint) => (arg === undefined ? `@@${name}@@` : `@@${name}:${arg}@@`);

/** Fills every placeholder of `text`; `identity` answers the ones that are not times. */
export function fill(text: string, t: number, identity: (name: string, arg: string | undefined) => string): string {
  // Most placeholders repeat (every creationTimestamp is the same time): each is worked out once.
  const seen = new Map<string, string>();
  return text.replace(PLACEHOLDER, (m, name: string, arg: string | undefined) => {
    let value = seen.get(m);
    if (value === undefined) {
      const rule = TIME_RULES[name];
      value = rule ? rule(t, arg!) : identity(name, arg);
      seen.set(m, value);
    }
    return value;
  });
}

/** A JSON string's body: the text as it appears between the quotes. */
export const jsonBody = (s: string) => JSON.stringify(s).slice(1, -1);
export const base64 = (s: string) => Buffer.from(s).toString('base64');
