// "<kind>[.<group>]/<name>": how kubectl names an object in -o name and success lines.
import type { KubeObject } from '../api/types';

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function kindPrefix(apiVersion: string, kind: string): string {
  const group = groupOf(apiVersion);
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** kubectl's NamePrinter: an object without a name (only generateName) is "<unknown>". */
export function objectName(obj: KubeObject): string {
  // A local object may lack apiVersion (or kind): kubectl names it by what it has.
  return `${kindPrefix(obj.apiVersion ?? '', obj.kind ?? '')}/${obj.metadata?.name || '<unknown>'}`;
}
