// The store's manifest (`store.json`): the revision, the simulation's system state, which file
// under `store/` holds each collection and which is the journal. It is checked whole when read:
// a manifest of the wrong shape is refused, naming the file, before anything is read through it,
// and it can name only plain files under `store/` — never `../elsewhere` or `/etc/passwd`.
import { StoreError, parse } from './files';

/**
 * The format a fold writes: v3 files may hold views (collection.ts), which a v2 reader would take
 * for damage; a v4 manifest may place several collections in one file (`ranges`), which a v3
 * reader would read as one.
 */
export const STORE_FORMAT = 'pocketkube.store/v4';
/** The formats read: older stores are read and written as v4 at their next fold. */
const READABLE_FORMATS = new Set(['pocketkube.store/v2', 'pocketkube.store/v3', STORE_FORMAT]);

/** State the simulation keeps beside the objects. */
export interface SystemState {
  clockOffsetMs: number;
  rand: number[];
  timers: Timer[];
  /** True when the last save happened after controllers converged. */
  converged: boolean;
  /** Bearer tokens the API server accepts, like a static token file. */
  tokens: Record<string, { user: string; groups: string[] }>;
  /** The API server's URL as kubeconfigs name it (absent in homes made before it was kept). */
  endpoint?: string;
  /** What simulated components remembered, by component/key, in homes saved before each component's memory got a collection of its own (moved there when next opened). */
  memory?: Record<string, unknown>;
}

export interface Timer {
  /** Cluster time (ms since epoch) at which the world must be looked at again. */
  at: number;
  owner: string;
}

export interface Manifest {
  format: string;
  revision: number;
  /** The last journal commit this manifest holds (absent: none yet). */
  sequence?: number;
  system: SystemState;
  /** collection ("/registry/pods") -> file name under store/ */
  collections: Record<string, string>;
  /** collection -> the length of its file's text, which bounds how long the journal may grow. */
  sizes?: Record<string, number>;
  /**
   * collection -> where its text lies in its file, [start, end), when that file holds several
   * (a fold that rewrites many collections writes them as one file: one fsync, not one each).
   */
  ranges?: Record<string, [number, number]>;
  /** The journal under store/ that follows this manifest (absent in older stores: `journal`, maybe none yet). */
  journal?: string;
}

export function emptyManifest(): Manifest {
  return {
    format: STORE_FORMAT,
    revision: 0,
    system: { clockOffsetMs: 0, rand: [], timers: [], converged: false, tokens: {} },
    collections: {},
  };
}

/** A name the store writes under `store/`: one plain file name, no directory, no dot files' `.`/`..`. */
export function isStoreFileName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z0-9.][A-Za-z0-9._-]*$/.test(name) && name !== '.' && name !== '..' && name.length <= 255;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

/** What is wrong with a system state, or undefined. */
export function systemProblem(s: unknown): string | undefined {
  if (!isObject(s)) return 'its system state is not an object';
  if (typeof s.clockOffsetMs !== 'number' || !Number.isFinite(s.clockOffsetMs)) return 'system.clockOffsetMs is not a number';
  if (!Array.isArray(s.rand) || !s.rand.every((n) => Number.isSafeInteger(n))) return 'system.rand is not a list of integers';
  if (!Array.isArray(s.timers) || !s.timers.every((t) => isObject(t) && typeof t.at === 'number' && typeof t.owner === 'string'))
    return 'system.timers is not a list of timers';
  if (typeof s.converged !== 'boolean') return 'system.converged is not true or false';
  if (!isObject(s.tokens) || !Object.values(s.tokens).every((t) => isObject(t) && typeof t.user === 'string' && Array.isArray(t.groups)))
    return 'system.tokens is not a table of tokens';
  if (s.memory !== undefined && !isObject(s.memory)) return 'system.memory is not an object';
  return undefined;
}

function manifestProblem(m: Record<string, unknown>): string | undefined {
  if (!isCount(m.revision)) return 'its revision is not a count';
  if (m.sequence !== undefined && !isCount(m.sequence)) return 'its sequence is not a count';
  const system = systemProblem(m.system);
  if (system) return system;
  if (!isObject(m.collections)) return 'its collections are not a table of files';
  for (const [name, file] of Object.entries(m.collections))
    if (!isStoreFileName(file)) return `collection ${name} names ${JSON.stringify(file)}, not a file under store/`;
  if (m.sizes !== undefined && (!isObject(m.sizes) || !Object.values(m.sizes).every(isCount))) return 'its sizes are not counts';
  if (m.ranges !== undefined) {
    if (!isObject(m.ranges)) return 'its ranges are not a table of ranges';
    for (const [name, r] of Object.entries(m.ranges))
      if (!Object.hasOwn(m.collections, name) || !Array.isArray(r) || r.length !== 2 || !isCount(r[0]) || !isCount(r[1]) || r[0] >= r[1])
        return `its range of collection ${name} is ${JSON.stringify(r)}, not a range of its file`;
  }
  if (m.journal !== undefined && !isStoreFileName(m.journal)) return `its journal is ${JSON.stringify(m.journal)}, not a file under store/`;
  return undefined;
}

/** The manifest `text` read from `file`, refused unless it is whole and of the expected shape. */
export function readManifest(file: string, text: string): Manifest {
  const m = parse<unknown>(file, text);
  if (!isObject(m) || typeof m.format !== 'string' || !READABLE_FORMATS.has(m.format))
    throw new StoreError(`the store ${file} is not a pocketkube store (format ${JSON.stringify(isObject(m) ? m.format : undefined)}); it was left untouched`);
  const problem = manifestProblem(m);
  if (problem) throw new StoreError(`the store ${file} is damaged (${problem}); it was left untouched`);
  return m as unknown as Manifest;
}
