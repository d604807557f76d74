// The JSON-file "etcd": collections of values under registry keys, a global revision counter, and
// opaque state other layers keep here (clock offset, random state, timers, tokens). It knows
// nothing of the API.
//
// On disk: `store.json` is the manifest (revision, system state, and which file holds each
// collection); every collection ("/registry/pods") lives in a file of its own under `store/`,
// read only when someone asks for it — `get pods` never parses a thousand Events. A save writes
// the changed collections to new files, then commits by atomically replacing the manifest (temp
// file, fsync, rename, directory fsync); files no longer named by it are removed afterwards. An
// unreadable file is an error naming it, never a reason to start afresh.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const STORE_FORMAT = 'pocketkube.store/v2';

/** State the simulation keeps beside the objects. */
export interface SystemState {
  clockOffsetMs: number;
  rand: number[];
  timers: Timer[];
  /** True when the last save happened after controllers converged. */
  converged: boolean;
  /** Bearer tokens the API server accepts, like a static token file. */
  tokens: Record<string, { user: string; groups: string[] }>;
  /** What simulated components remember outside the API, by component/key. */
  memory?: Record<string, unknown>;
}

export interface Timer {
  /** Cluster time (ms since epoch) at which the world must be looked at again. */
  at: number;
  owner: string;
}

interface Manifest {
  format: string;
  revision: number;
  system: SystemState;
  /** collection ("/registry/pods") -> file name under store/ */
  collections: Record<string, string>;
}

export class StoreError extends Error {}

const READ_RETRIES = 5;

function readFileOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(`cannot read the store ${file}: ${(e as Error).message}`);
  }
}

function parse<T>(file: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new StoreError(`the store ${file} is unreadable (${(e as Error).message}); it was left untouched`);
  }
}

function writeDurably(file: string, text: string, pid: number): void {
  const tmp = `${file}.tmp-${pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * Files written now and flushed to disk concurrently on the thread pool; `wait` for all of them
 * on the event loop, or `flushNow` to finish synchronously (a flush already under way is waited
 * for by the second fsync). A file is renamed into place once it is durable. The descriptors are
 * closed by their fsync's callback only, so none is reused while a flush may still use it.
 */
class PendingWrites {
  private readonly files: { fd: number; tmp: string; file: string; done: boolean }[] = [];
  private left = 0;
  private error?: Error;
  private wake?: () => void;

  constructor(writes: [string, string][], pid: number) {
    for (const [file, text] of writes) {
      const tmp = `${file}.tmp-${pid}`;
      const fd = fs.openSync(tmp, 'w', 0o600);
      const entry = { fd, tmp, file, done: false };
      this.files.push(entry);
      this.left++;
      try {
        fs.writeSync(fd, text);
      } catch (e) {
        this.error = e as Error;
      }
      fs.fsync(fd, (err) => {
        fs.closeSync(fd);
        if (err && !entry.done) this.error ??= err;
        else this.durable(entry);
        if (--this.left === 0) this.wake?.();
      });
    }
  }

  private durable(entry: { tmp: string; file: string; done: boolean }): void {
    if (entry.done) return;
    entry.done = true;
    try {
      fs.renameSync(entry.tmp, entry.file);
    } catch (e) {
      this.error ??= e as Error;
    }
  }

  wait(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = () => (this.error ? reject(this.error) : resolve());
      if (this.left === 0) settle();
      else this.wake = settle;
    });
  }

  flushNow(): void {
    for (const f of this.files)
      if (!f.done) {
        fs.fsyncSync(f.fd);
        this.durable(f);
      }
    if (this.error) throw this.error;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    /* directories cannot be fsynced on every platform */
  }
}

/** "/registry/apps/deployments" -> "apps.deployments" */
function fileStem(collection: string): string {
  return collection.replace(/^\/registry\//, '').replace(/[^A-Za-z0-9.-]+/g, '.');
}

export class Store {
  private manifest: Manifest;
  private readonly loaded = new Map<string, Map<string, unknown>>();
  private readonly dirtyCollections = new Set<string>();
  /** Collections given as text (a new cluster made from a template), saved as given until changed. */
  private readonly given = new Map<string, string>();
  private changed = false;

  private constructor(
    readonly file: string,
    manifest: Manifest,
    readonly existed: boolean,
  ) {
    this.manifest = manifest;
  }

  private get dir(): string {
    return path.join(path.dirname(this.file), 'store');
  }

  /** Opens the store's manifest, or an empty store when there is none yet. */
  static open(file: string): Store {
    const text = readFileOrUndefined(file);
    if (text === undefined) return new Store(file, emptyManifest(), false);
    const m = parse<Manifest>(file, text);
    if (!m || m.format !== STORE_FORMAT || typeof m.revision !== 'number' || typeof m.collections !== 'object')
      throw new StoreError(`the store ${file} is not a pocketkube store (format ${JSON.stringify(m?.format)}); it was left untouched`);
    return new Store(file, m, true);
  }

  /**
   * Reads one collection. A writer may commit a newer manifest and remove the file we were
   * told about between our two reads; then the newer manifest names the current file.
   */
  private collection(name: string): Map<string, unknown> {
    let c = this.loaded.get(name);
    if (c) return c;
    const given = this.given.get(name);
    if (given !== undefined) {
      c = new Map(Object.entries(parse<Record<string, unknown>>(this.file, given)));
      this.loaded.set(name, c);
      return c;
    }
    for (let attempt = 0; ; attempt++) {
      const fileName = this.manifest.collections[name];
      if (!fileName) {
        c = new Map();
        break;
      }
      const file = path.join(this.dir, fileName);
      const text = readFileOrUndefined(file);
      if (text !== undefined) {
        c = new Map(Object.entries(parse<Record<string, unknown>>(file, text)));
        break;
      }
      if (attempt >= READ_RETRIES || this.changed) throw new StoreError(`the store file ${file} is missing; the store was left untouched`);
      this.reloadManifest();
    }
    this.loaded.set(name, c);
    return c;
  }

  private reloadManifest(): void {
    const text = readFileOrUndefined(this.file);
    if (text === undefined) throw new StoreError(`the store ${this.file} disappeared`);
    this.manifest = parse<Manifest>(this.file, text);
    this.loaded.clear();
  }

  /**
   * Fills an empty store with a whole state at once: the revision and system state, and each
   * collection as the JSON text its file will hold. Nothing is parsed until asked for.
   */
  adopt(revision: number, system: SystemState, collections: Record<string, string>): void {
    if (this.existed || this.changed) throw new Error('only an empty store can adopt a state');
    this.manifest = { ...this.manifest, revision, system };
    for (const [name, text] of Object.entries(collections)) {
      this.given.set(name, text);
      this.dirtyCollections.add(name);
    }
    this.changed = true;
  }

  get revision(): number {
    return this.manifest.revision;
  }

  /** Bumps and returns the global revision: every write gets a new one. */
  nextRevision(): number {
    this.changed = true;
    return ++this.manifest.revision;
  }

  get system(): Readonly<SystemState> {
    return this.manifest.system;
  }

  setSystem(patch: Partial<SystemState>): void {
    this.manifest.system = { ...this.manifest.system, ...patch };
    this.changed = true;
  }

  get dirty(): boolean {
    return this.changed;
  }

  get(collection: string, key: string): unknown {
    return this.collection(collection).get(key);
  }

  put(collection: string, key: string, value: unknown): void {
    this.collection(collection).set(key, value);
    this.given.delete(collection);
    this.dirtyCollections.add(collection);
    this.changed = true;
  }

  delete(collection: string, key: string): boolean {
    const done = this.collection(collection).delete(key);
    if (done) {
      this.given.delete(collection);
      this.dirtyCollections.add(collection);
      this.changed = true;
    }
    return done;
  }

  /** Values whose key starts with `prefix`, in key order. */
  list(collection: string, prefix = ''): unknown[] {
    const c = this.collection(collection);
    return this.keys(collection, prefix).map((k) => c.get(k));
  }

  /** Keys that start with `prefix`, sorted. */
  keys(collection: string, prefix = ''): string[] {
    const out: string[] = [];
    for (const k of this.collection(collection).keys()) if (k.startsWith(prefix)) out.push(k);
    return out.sort();
  }

  count(collection: string): number {
    return this.collection(collection).size;
  }

  /**
   * Writes the changed collections to fresh files, then commits them by replacing the manifest
   * atomically; files the new manifest no longer names are removed last.
   */
  save(pid: number): void {
    const plan = this.plan();
    for (const [file, text] of plan.writes) writeDurably(file, text, pid);
    this.commit(plan, pid);
  }

  /**
   * save(), with the collection files flushed to disk concurrently (each fsync waits for the
   * disk; a new cluster writes a dozen files). The manifest is replaced once all are durable.
   */
  async saveAsync(pid: number): Promise<void> {
    const saving = this.startSave(pid);
    await saving.done();
  }

  /**
   * A save under way: the collection files are written now and flushed on the thread pool while
   * the caller goes on; `done` commits the manifest once they are durable, `now` at once (after
   * flushing what is left). Until then the store must not change.
   */
  startSave(pid: number): { done(): Promise<void>; now(): void } {
    const plan = this.plan();
    const writes = new PendingWrites(plan.writes, pid);
    let committed = false;
    const commit = () => {
      if (committed) return;
      committed = true;
      this.commit(plan, pid);
    };
    return {
      done: async () => {
        await writes.wait();
        commit();
      },
      now: () => {
        writes.flushNow();
        commit();
      },
    };
  }

  private plan(): { next: Manifest; replaced: string[]; writes: [string, string][] } {
    fs.mkdirSync(this.dir, { recursive: true });
    const next: Manifest = { ...this.manifest, collections: { ...this.manifest.collections } };
    const replaced: string[] = [];
    const writes: [string, string][] = [];
    for (const name of this.dirtyCollections) {
      const given = this.given.get(name);
      const entries = given === undefined ? this.loaded.get(name)! : undefined;
      const old = next.collections[name];
      if (old) replaced.push(old);
      if (entries && !entries.size) {
        delete next.collections[name];
        continue;
      }
      const fileName = `${fileStem(name)}.${this.manifest.revision}.json`;
      if (fileName === old) replaced.pop();
      writes.push([path.join(this.dir, fileName), given ?? JSON.stringify(Object.fromEntries(entries!))]);
      next.collections[name] = fileName;
    }
    return { next, replaced, writes };
  }

  private commit({ next, replaced }: { next: Manifest; replaced: string[] }, pid: number): void {
    fsyncDir(this.dir);
    writeDurably(this.file, JSON.stringify(next), pid);
    fsyncDir(path.dirname(this.file));
    this.manifest = next;
    this.dirtyCollections.clear();
    this.given.clear();
    this.changed = false;
    this.removeUnreferenced(replaced);
  }

  /** Deletes replaced collection files and leftovers of interrupted saves. */
  private removeUnreferenced(replaced: string[]): void {
    const live = new Set(Object.values(this.manifest.collections));
    for (const f of replaced) if (!live.has(f)) fs.rmSync(path.join(this.dir, f), { force: true });
    for (const f of fs.readdirSync(this.dir)) if (f.includes('.tmp-') || (f.endsWith('.json') && !live.has(f))) fs.rmSync(path.join(this.dir, f), { force: true });
  }
}

function emptyManifest(): Manifest {
  return {
    format: STORE_FORMAT,
    revision: 0,
    system: { clockOffsetMs: 0, rand: [], timers: [], converged: false, tokens: {} },
    collections: {},
  };
}
