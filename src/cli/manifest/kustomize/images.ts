// images: every container and init container image (at any depth of any kind) whose name
// matches gets a new name, tag or digest, as kustomize's image tag transformer does it.
import type { Resource } from './resource';
import { isMap } from './resource';

export interface ImageArgs {
  name?: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

/** kustomize's image.Split: name, tag and digest, a registry's port not taken for a tag. */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  let slash = image.indexOf('/');
  let search = image;
  if (slash > 0) search = image.slice(slash);
  else slash = 0;
  let at = search.indexOf('@');
  let colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    at += slash;
    return { name: image.slice(0, at), tag: '', digest: image.slice(at + 1) };
  }
  if (at >= 0 && colon >= 0) {
    at += slash;
    colon += slash;
    return { name: image.slice(0, colon), tag: image.slice(colon + 1, at), digest: image.slice(at + 1) };
  }
  colon += slash;
  return { name: image.slice(0, colon), tag: image.slice(colon + 1), digest: '' };
}

function matches(image: string, name: string): boolean {
  try {
    return new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`).test(image);
  } catch {
    return false;
  }
}

function updated(image: string, args: ImageArgs): string {
  let { name, tag, digest } = splitImage(image);
  if (args.newName) name = args.newName;
  if (args.newTag && args.digest) {
    tag = args.newTag;
    digest = args.digest;
  } else if (args.newTag) {
    tag = args.newTag;
    digest = '';
  } else if (args.digest) {
    tag = '';
    digest = args.digest;
  }
  if (args.tagSuffix) tag += args.tagSuffix;
  return name + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
}

function walk(node: unknown, args: ImageArgs): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, args));
  if (!isMap(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const c of value) if (isMap(c) && typeof c.image === 'string' && matches(c.image, args.name ?? '')) c.image = updated(c.image, args);
    }
    walk(value, args);
  }
}

export function setImages(resources: readonly Resource[], images: readonly ImageArgs[]): void {
  for (const args of images) for (const r of resources) walk(r.obj, args);
}
