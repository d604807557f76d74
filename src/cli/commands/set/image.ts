// kubectl set image: CONTAINER=IMAGE (or *=IMAGE) on the pod templates of the named objects.
import { CliError } from '../../errors';
import { splitResourcesAndPairs } from '../../verbs/keyvalues';
import type { Container } from './podspec';

/** The container images to set, parsed as kubectl's ParsePairs (no removals). */
export function parseImages(args: string[]): { resources: string[]; images: Record<string, string> } {
  const { resources, pairs } = splitResourcesAndPairs(args, 'image');
  const images: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      images[p.slice(0, i)] = p.slice(i + 1);
    } else invalid.push(p);
  }
  if (invalid.length) throw new CliError(`invalid image format: ${invalid.join(', ')}`);
  return { resources, images };
}

/** Sets the images; an error for each name that matches no container or init container. */
export function setImages(containers: Container[], initContainers: Container[], images: Record<string, string>, errors: Error[]): void {
  for (const [name, image] of Object.entries(images)) {
    let found = false;
    for (const c of [...initContainers, ...containers])
      if (c.name === name || name === '*') {
        c.image = image;
        found = true;
      }
    if (!found) errors.push(new CliError(`error: unable to find container named ${JSON.stringify(name)}`));
  }
}
