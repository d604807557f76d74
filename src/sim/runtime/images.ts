// Container images as the simulated runtime knows them: reference parsing and normalisation,
// digests, and sizes for well-known images. (The catalog's tag lists and tools grow with the
// runtime; any repository not in the catalog pulls.)
import { sha256, sha256Hex } from '../../api/sha256';

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

/** Digests made so far, by image name: a cluster runs few images in many containers. */
const digests = new Map<string, string>();

/** A stable sha256 digest for an image reference. */
export function imageDigest(ref: ImageRef): string {
  if (ref.digest) return ref.digest;
  const name = `${ref.registry}/${ref.repository}:${ref.tag}`;
  let digest = digests.get(name);
  if (digest === undefined) digests.set(name, (digest = `sha256:${sha256Hex(name)}`));
  return digest;
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

/** Sizes derived so far, by repository. */
const derivedSizes = new Map<string, number>();

/** Image size in bytes: the well-known size, or a stable size derived from the name. */
export function imageSize(ref: ImageRef): number {
  const known = SIZES[ref.repository] ?? derivedSizes.get(ref.repository);
  if (known) return known;
  const h = sha256(ref.repository);
  const size = 10_000_000 + (((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0) % 90_000_000;
  derivedSizes.set(ref.repository, size);
  return size;
}

/** Simulated pull time: roughly 30 MB/s plus a fixed start-up cost. */
export function pullDurationMs(ref: ImageRef): number {
  return Math.round(400 + imageSize(ref) / 30_000);
}

// ---- the catalog: which tags the well-known images really have ---------------------------------

/** major, major.minor or major.minor.patch, with the minors the image has published. */
const ver = (major: string, minors: string) => new RegExp(`^${major}(\\.(${minors})(\\.\\d{1,2})?)?$`);

/**
 * Well-known repositories and the tags they have: version numbers within the range the real
 * image publishes, the variants it ships, and its named tags. A tag outside these does not exist.
 */
const CATALOG: Record<string, { versions: RegExp[]; named: string[]; variants: string[] }> = {
  'library/nginx': {
    versions: [ver('1', '[0-9]|1[0-9]|2[0-9]')],
    named: ['latest', 'stable', 'mainline', 'alpine', 'perl', 'alpine-perl', 'alpine-slim', 'bookworm', 'stable-alpine', 'mainline-alpine', 'stable-perl', 'mainline-perl'],
    variants: ['', '-alpine', '-perl', '-alpine-perl', '-alpine-slim', '-bookworm'],
  },
  'library/busybox': { versions: [ver('1', '2[0-9]|3[0-7]')], named: ['latest', 'stable', 'musl', 'glibc', 'uclibc'], variants: ['', '-musl', '-glibc', '-uclibc'] },
  'library/alpine': { versions: [ver('3', '[0-9]|1[0-9]|2[0-1]')], named: ['latest', 'edge'], variants: [''] },
  'library/perl': { versions: [ver('5', '[8-9]|[1-3][0-9]|40')], named: ['latest', 'slim', 'threaded', 'stable'], variants: ['', '-slim', '-threaded', '-bookworm', '-slim-bookworm'] },
  'library/redis': { versions: [ver('[2-7]', '[0-9]')], named: ['latest', 'alpine', 'bookworm'], variants: ['', '-alpine', '-bookworm'] },
  'library/httpd': { versions: [ver('2', '2|4')], named: ['latest', 'alpine', 'bookworm'], variants: ['', '-alpine', '-bookworm'] },
  'library/python': { versions: [ver('2', '7'), ver('3', '[0-9]|1[0-3]')], named: ['latest', 'slim', 'alpine', 'bookworm'], variants: ['', '-slim', '-alpine', '-bookworm', '-slim-bookworm'] },
  'library/node': { versions: [ver('([4-9]|1[0-9]|2[0-3])', '[0-9]|[1-2][0-9]')], named: ['latest', 'lts', 'current', 'alpine', 'slim'], variants: ['', '-alpine', '-slim', '-bookworm'] },
  'library/postgres': { versions: [ver('(9|1[0-7])', '[0-9]|1[0-9]')], named: ['latest', 'alpine', 'bookworm'], variants: ['', '-alpine', '-bookworm'] },
  'library/mysql': { versions: [ver('5', '6|7'), ver('8', '0|4'), ver('9', '[0-1]')], named: ['latest', 'lts', 'oracle', 'debian'], variants: ['', '-oracle', '-debian'] },
  'library/ubuntu': { versions: [/^(1[4-9]|2[0-4])\.(04|10)$/], named: ['latest', 'rolling', 'devel', 'focal', 'jammy', 'noble', 'oracular', 'bionic'], variants: [''] },
  'library/debian': { versions: [/^(9|1[0-3])(\.\d{1,2})?$/], named: ['latest', 'stable', 'testing', 'buster', 'bullseye', 'bookworm', 'trixie', 'stable-slim', 'bookworm-slim', 'bullseye-slim'], variants: ['', '-slim'] },
};

/** Whether the catalog knows the tag (repositories outside the catalog have every tag). */
function tagExists(ref: ImageRef): boolean {
  const entry = ref.registry === 'docker.io' ? CATALOG[ref.repository] : undefined;
  if (!entry || ref.digest) return true;
  if (entry.named.includes(ref.tag)) return true;
  return entry.variants.some((v) => ref.tag.endsWith(v) && entry.versions.some((re) => re.test(ref.tag.slice(0, ref.tag.length - v.length))));
}

/** Why pulling the image fails, worded as containerd reports it, or undefined when it pulls. */
export function pullError(ref: ImageRef): string | undefined {
  if (tagExists(ref)) return undefined;
  const name = fullName(ref);
  return `rpc error: code = NotFound desc = failed to pull and unpack image ${JSON.stringify(name)}: failed to resolve reference ${JSON.stringify(name)}: ${name}: not found`;
}
