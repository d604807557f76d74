// First use of the default cluster's template: the home's own cluster time, key pairs,
// certificates, serials and tokens go where the template has placeholders, all from the system's
// random source. Names, UIDs, IPs and resourceVersions are the template's own: it is used only by
// a home whose seeded generator starts where the recorded bootstrap's did, so they are what a
// direct bootstrap would draw (credentials move that generator on as if seeded, so what follows
// them is named alike either way).
import { TOKEN_ALPHABET, detachedSignature } from '../../../api/bootstraptoken';
import { freshSecret } from '../../rand';
import { SERIAL_DIGITS, issueCertificate, serialFrom } from '../pki';
import { type BootstrapTemplate, type CertificateRecord, base64, fill, jsonBody } from './format';

export interface Instance {
  revision: number;
  /** The store's system state (clock offset, generator state, timers, tokens, memory). */
  system: unknown;
  collections: Record<string, string>;
  ca: { certPem: string; keyPem: string };
  server: string;
  /** The admin's bearer token. */
  token: string;
}

export function instantiate(template: BootstrapTemplate, now: number): Instance {
  const issued = new Map<string, { certPem: string; keyPem: string }>();
  const noIdentity = (name: string) => {
    throw new Error(`the bootstrap template asks for ${name} before it is made`);
  };
  // One serial per certificate, wherever the template names it (its record, its issuing).
  const serials = new Map<string, string>();
  const serial = (name: string) => {
    let s = serials.get(name);
    if (s === undefined) serials.set(name, (s = serialFrom(freshSecret(16, SERIAL_DIGITS))));
    return s;
  };
  const certificates = fill(template.certificates, now, (name, arg) => (name === 'serial' ? serial(arg!) : noIdentity(name)));
  for (const c of JSON.parse(certificates) as CertificateRecord[]) {
    const issuer = c.ca ? issued.get(c.ca) : undefined;
    if (c.ca && !issuer) noIdentity(`the issuer ${c.ca}`);
    issued.set(c.name, issueCertificate({ ...c.spec, serial: Buffer.from(c.spec.serial, 'hex') }, issuer));
  }
  const token = { admin: freshSecret(32, TOKEN_ALPHABET), id: freshSecret(6, TOKEN_ALPHABET), secret: freshSecret(16, TOKEN_ALPHABET) };
  const cert = (name: string | undefined) => issued.get(name!) ?? noIdentity(`the certificate ${name}`);
  const identity = (name: string, arg: string | undefined): string => {
    switch (name) {
      case 'serial':
        return serial(arg!);
      case 'cert':
        return jsonBody(cert(arg).certPem);
      case 'cert64':
        return base64(cert(arg).certPem);
      case 'key':
        return jsonBody(cert(arg).keyPem);
      case 'admin':
        return token.admin;
      case 'tokenid':
        return token.id;
      case 'tokenid64':
        return base64(token.id);
      case 'tokensecret':
        return token.secret;
      case 'tokensecret64':
        return base64(token.secret);
      case 'jws':
        return jws;
    }
    throw new Error(`the bootstrap template has an unknown placeholder ${name}`);
  };
  const jws = detachedSignature(fill(template.signed, now, identity), token.id, token.secret);
  const collections: Record<string, string> = {};
  for (const [name, text] of Object.entries(template.collections)) collections[name] = fill(text, now, identity);
  return {
    revision: template.revision,
    system: JSON.parse(fill(template.system, now, identity)),
    collections,
    ca: cert('ca'),
    server: template.server,
    token: token.admin,
  };
}
