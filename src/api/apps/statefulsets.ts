// How a StatefulSet relates to its pods, claims and ControllerRevisions (stateful_set_utils.go):
// ordinal names, the identity labels, claim names, and the revisions' names (their data is
// apps/revisions.ts). Shared by the controller and rollout.
import { fnv132, safeEncode } from '../meta/fnv';
import type { PersistentVolumeClaim, StatefulSet } from '../types';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** The revision a pod was made from: the revision's full name. */
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';
/** The hash part of a ControllerRevision's name (history.ControllerRevisionHashLabel). */
export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

export const startOrdinal = (sts: StatefulSet) => sts.spec.ordinals?.start ?? 0;

export const podName = (sts: StatefulSet, ordinal: number) => `${sts.metadata.name}-${ordinal}`;

/** getParentNameAndOrdinal: the ordinal of a pod named `<set>-<n>`, else undefined. */
export function ordinalOf(sts: StatefulSet, name: string): number | undefined {
  const m = /^(.*)-([0-9]+)$/.exec(name);
  if (!m || m[1] !== sts.metadata.name) return undefined;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** `<template>-<set>-<ordinal>`. */
export const claimName = (sts: StatefulSet, template: PersistentVolumeClaim, ordinal: number) => `${template.metadata.name}-${sts.metadata.name}-${ordinal}`;

/**
 * HashControllerRevision: FNV-1 of the data's JSON (Go marshals the patch's map with sorted keys)
 * and the collision count, spelled as a name.
 */
export function revisionHash(patchText: string, collisionCount: number): string {
  return safeEncode(String(fnv132(new TextEncoder().encode(patchText + String(collisionCount)))));
}
