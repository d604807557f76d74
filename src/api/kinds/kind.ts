// What every kind declares: its names in discovery and its API strategy. Kinds are data;
// the apiserver runs the same pipeline for all of them.
import type { FieldError } from '../field';
import type { KubeObject } from '../types';
import type { NameValidator } from '../validation/meta';

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, e.g. "deployments". */
  resource: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  categories?: readonly string[];
  verbs: readonly string[];
  /** The subresources discovery lists after it (pods/log, deployments/scale), as v1.32 serves them. */
  subresources?: readonly Subresource[];
}

/** A subresource in discovery: its kind and verbs, and its group/version when another group's. */
export interface Subresource {
  name: string;
  kind: string;
  verbs: readonly string[];
  group?: string;
  version?: string;
}

const STATUS_VERBS = ['get', 'patch', 'update'] as const;

/** The status subresource of a kind. */
export const statusOf = (kind: string): Subresource => ({ name: 'status', kind, verbs: STATUS_VERBS });
/** The scale subresource (autoscaling/v1 Scale). */
export const SCALE: Subresource = { name: 'scale', kind: 'Scale', verbs: STATUS_VERBS, group: 'autoscaling', version: 'v1' };

export interface Strategy<T extends KubeObject = KubeObject> {
  /** Type name in api/schema/types.ts used for strict decoding. */
  schemaType: string;
  /** Writes to the main resource keep the stored status; status is written through /status. */
  statusSubresource: boolean;
  /** Status may be set on create (nodes register with their status). */
  keepStatusOnCreate?: boolean;
  /** metadata.generation starts at 1 and is bumped whenever the spec changes. */
  tracksGeneration: boolean;
  validateName?: NameValidator;
  /** Server-side defaulting, run on every decoded write (mutates its argument). */
  defaults?(obj: T): void;
  /** Create-only preparation after defaulting: reset status, set initial fields. */
  prepareForCreate?(obj: T): void;
  /** Update preparation: `obj` is the incoming object, `old` the stored one. */
  prepareForUpdate?(obj: T, old: T): void;
  validate?(obj: T): FieldError[];
  validateUpdate?(obj: T, old: T): FieldError[];
  /** Seconds a deletion waits for (pods: their grace period); 0 or undefined deletes at once. */
  gracePeriod?(obj: T, requested: number | undefined): number;
  /** Marks an object whose deletion has begun (namespaces turn Terminating). */
  prepareForDelete?(obj: T): void;
  /** Field labels a field selector may use besides metadata.name/namespace. */
  fieldLabels?(obj: T): Record<string, string>;
  /** Finalizers kept outside metadata.finalizers that still hold the object (namespaces). */
  pendingFinalizers?(obj: T): boolean;
}

/**
 * What the control plane's caches keep of each object of a kind (a client-go informer's
 * transform): the store keeps it beside the object, so a controller that looks at many objects
 * reads their views. `version` changes whenever `of` keeps something else.
 */
export interface CacheView<T extends KubeObject = KubeObject> {
  version: number;
  of(obj: T): unknown;
  /**
   * The view is the object pruned to what controllers read and every field its table prints
   * (printers/table), its apiVersion and kind included: a table of many objects is printed from
   * their views.
   */
  table?: true;
}

export interface KindDef<T extends KubeObject = KubeObject> {
  type: ResourceType;
  strategy: Strategy<T>;
  view?: CacheView<T>;
}

export const STANDARD_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** Builds a KindDef while keeping the object type of its strategy. */
export function defineKind<T extends KubeObject>(def: KindDef<T>): KindDef<KubeObject> {
  return def as unknown as KindDef<KubeObject>;
}
