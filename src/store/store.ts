// The JSON-file "etcd": collections of values under registry keys, a global revision counter, and
// opaque state other layers keep here (clock offset, random state, timers). It knows nothing of
// the API. Saves are atomic (temp file, fsync, rename); an unreadable file is an error, never reset.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const STORE_FORMAT = 'pocketkube.store/v1';

/** State the simulation keeps beside the objects. */
export interface SystemState {
  clockOffsetMs: number;
  rand: number[];
  timers: Timer[];
  /** True when the last save happened after controllers converged. */
  converged: boolean;
  /** Bearer tokens the API server accepts, like a static token file. */
  tokens: Record<string, { user: string; groups: string[] }>;
}

export interface Timer {
  /** Cluster time (ms since epoch) at which the world must be looked at again. */
  at: number;
  owner: string;
}

interface StoreFile {
  format: string;
  revision: number;
  system: SystemState;
  /** collection ("/registry/pods") -> key within it ("default/web-0") -> value */
  collections: Record<string, Record<string, unknown>>;
}

export class StoreError extends Error {}

export class Store {
  private data: StoreFile;
  private readonly collections = new Map<string, Map<string, unknown>>();
  private changed = false;

  private constructor(
    readonly file: string,
    data: StoreFile,
    readonly existed: boolean,
  ) {
    this.data = data;
    for (const [name, entries] of Object.entries(data.collections)) this.collections.set(name, new Map(Object.entries(entries)));
  }

  /** Opens the store file, or an empty store when the file does not exist yet. */
  static open(file: string): Store {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Store(file, emptyFile(), false);
      throw new StoreError(`cannot read the store ${file}: ${(e as Error).message}`);
    }
    let data: StoreFile;
    try {
      data = JSON.parse(text) as StoreFile;
    } catch (e) {
      throw new StoreError(`the store ${file} is unreadable (${(e as Error).message}); it was left untouched`);
    }
    if (!data || data.format !== STORE_FORMAT || typeof data.revision !== 'number' || typeof data.collections !== 'object')
      throw new StoreError(`the store ${file} is not a pocketkube store (format ${JSON.stringify(data?.format)}); it was left untouched`);
    return new Store(file, data, true);
  }

  get revision(): number {
    return this.data.revision;
  }

  /** Bumps and returns the global revision: every write gets a new one. */
  nextRevision(): number {
    this.changed = true;
    return ++this.data.revision;
  }

  get system(): Readonly<SystemState> {
    return this.data.system;
  }

  setSystem(patch: Partial<SystemState>): void {
    this.data.system = { ...this.data.system, ...patch };
    this.changed = true;
  }

  get dirty(): boolean {
    return this.changed;
  }

  get(collection: string, key: string): unknown {
    return this.collections.get(collection)?.get(key);
  }

  put(collection: string, key: string, value: unknown): void {
    let c = this.collections.get(collection);
    if (!c) this.collections.set(collection, (c = new Map()));
    c.set(key, value);
    this.changed = true;
  }

  delete(collection: string, key: string): boolean {
    const done = this.collections.get(collection)?.delete(key) ?? false;
    if (done) this.changed = true;
    return done;
  }

  /** Values whose key starts with `prefix`, in key order. */
  list(collection: string, prefix = ''): unknown[] {
    const c = this.collections.get(collection);
    if (!c) return [];
    const keys: string[] = [];
    for (const k of c.keys()) if (k.startsWith(prefix)) keys.push(k);
    keys.sort();
    return keys.map((k) => c.get(k));
  }

  count(collection: string): number {
    return this.collections.get(collection)?.size ?? 0;
  }

  /** Writes the whole store atomically: temp file, fsync, rename, fsync of the directory. */
  save(pid: number): void {
    const collections: Record<string, Record<string, unknown>> = {};
    for (const [name, entries] of this.collections) if (entries.size) collections[name] = Object.fromEntries(entries);
    const text = JSON.stringify({ ...this.data, collections });
    const dir = path.dirname(this.file);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${this.file}.tmp-${pid}`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
    try {
      const dfd = fs.openSync(dir, 'r');
      fs.fsyncSync(dfd);
      fs.closeSync(dfd);
    } catch {
      /* directories cannot be fsynced on every platform */
    }
    this.changed = false;
  }
}

function emptyFile(): StoreFile {
  return {
    format: STORE_FORMAT,
    revision: 0,
    system: { clockOffsetMs: 0, rand: [], timers: [], converged: false, tokens: {} },
    collections: {},
  };
}
