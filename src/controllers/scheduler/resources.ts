// The node's side of the scheduler's resource arithmetic; a pod's side is api/pod/footprint.ts.
import { type Resources, fromList, isScalar } from '../../api/pod/footprint';
import type { Node } from '../../api/types';

export { type Resources, DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, addResources, podRequests, zeroResources } from '../../api/pod/footprint';

/** Parsed once per node object (objects from the API never change; a new version is a new object). */
const allocatableOf = new WeakMap<Node, Resources>();

export function nodeAllocatable(node: Node): Resources {
  let r = allocatableOf.get(node);
  if (!r) allocatableOf.set(node, (r = fromList(node.status?.allocatable)));
  return r;
}

/** The requested names, in the order the scheduler checks them (scalars sorted for stable output). */
export function requestedScalars(r: Resources): string[] {
  return Object.keys(r.scalar)
    .filter((k) => isScalar(k) && r.scalar[k] !== 0)
    .sort();
}
