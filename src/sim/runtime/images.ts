// Container images as the simulated runtime knows them: reference parsing and normalisation,
// digests, and sizes for well-known images. (The catalog's tag lists and tools grow with the
// runtime; any repository not in the catalog pulls.)
import type * as Crypto from 'node:crypto';

function sha256(text: string): Buffer {
  return (require('node:crypto') as typeof Crypto).createHash('sha256').update(text).digest();
}

export interface ImageRef {
  /** As written in the pod spec, e.g. "nginx:1.25". */
  raw: string;
  /** Registry host, e.g. "docker.io". */
  registry: string;
  /** Repository path, e.g. "library/nginx". */
  repository: string;
  tag: string;
  digest?: string;
}

export function parseImage(raw: string): ImageRef {
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = 'latest';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0];
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let repository = hasRegistry ? rest.slice(first.length + 1) : rest;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return { raw, registry, repository, tag, digest };
}

/** The fully qualified name the runtime reports, e.g. "docker.io/library/nginx:1.25". */
export function fullName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}${ref.digest ? `@${ref.digest}` : `:${ref.tag}`}`;
}

/** A stable sha256 digest for an image reference. */
export function imageDigest(ref: ImageRef): string {
  return ref.digest ?? `sha256:${sha256(`${ref.registry}/${ref.repository}:${ref.tag}`).toString('hex')}`;
}

export function imageID(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}@${imageDigest(ref)}`;
}

const SIZES: Record<string, number> = {
  'library/nginx': 72080558,
  'library/busybox': 2155212,
  'library/alpine': 3653068,
  'library/perl': 335395428,
  'library/redis': 45093451,
  'library/httpd': 58138521,
  'library/python': 412375462,
  'library/node': 406581330,
  'library/postgres': 158449126,
  'library/mysql': 172540216,
  'library/ubuntu': 29754290,
  'library/debian': 48474336,
};

/** Image size in bytes: the well-known size, or a stable size derived from the name. */
export function imageSize(ref: ImageRef): number {
  const known = SIZES[ref.repository];
  if (known) return known;
  const h = sha256(ref.repository);
  return 10_000_000 + (h.readUInt32BE(0) % 90_000_000);
}

/** Simulated pull time: roughly 30 MB/s plus a fixed start-up cost. */
export function pullDurationMs(ref: ImageRef): number {
  return Math.round(400 + imageSize(ref) / 30_000);
}
