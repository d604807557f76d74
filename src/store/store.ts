// The JSON-file "etcd": collections of values under registry keys, a global revision counter, and
// opaque state other layers keep here (clock offset, random state, timers, tokens). It knows
// nothing of the API.
//
// On disk, as etcd keeps a snapshot and a write-ahead log: `store.json` is the manifest (revision,
// system state, which file holds each collection, which file is the log); every collection
// ("/registry/pods") lives in a file of its own under `store/` (collection.ts: one line per key,
// values parsed only when read), read only when someone asks for it — `get pods` never parses a
// thousand Events. Every commit, the converged state a command leaves included, is appended to the
// journal (journal.ts), so a command that changed ten pods of ten thousand writes ten. Once the
// journal has grown past a share of the collections' size, a save folds it in: the changed
// collections go to new files (values not written since keep their text), a new empty journal is
// made, and the manifest naming both replaces the old one atomically (temp file, fsync, rename,
// directory fsync); files no longer named by it are removed afterwards (`saveAsync`/`startSave`:
// the same, with the collection files flushed concurrently). An unreadable file is an error
// naming it, never a reason to start afresh. The home's `store/` is private (0700), its files too
// (0600).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ByteSink } from './bytesink';
import { Collection, type ValueView, writeGivenLines } from './collection';
import { type FileContent, PendingWrites, StoreError, fsyncDir, makePrivateDir, openForReading, readFileOrUndefined, writeDurably } from './files';
import { type Change, JournalWriter, readJournal, recordText } from './journal';
import { KeyOrder } from './keyorder';
import { type Manifest, STORE_FORMAT, type SystemState, emptyManifest, readManifest, systemProblem } from './manifest';

export { StoreError } from './files';
export type { ValueView } from './collection';
export { STORE_FORMAT, type SystemState, type Timer } from './manifest';

const READ_RETRIES = 5;
/** The journal is folded into the collection files once it outgrows this share of them… */
const JOURNAL_SHARE = 1 / 4;
/** …or this many characters, whichever is more. */
const JOURNAL_MIN = 256 * 1024;
/** How many values of a large change are serialized to judge its size. */
const SAMPLE = 64;
/**
 * A new store's first save writes its collections (this many or more) into one file: each file
 * costs a create and an fsync, and a new cluster's first save writes a score of them. Later folds
 * write each collection they rewrite to a file of its own, so a collection rewritten often never
 * keeps the others' bytes (or their own, dead) alive, nor they its.
 */
const PACK_MIN = 2;

/** An open collection file as collection.ts reads it: whole, or the range of it that holds the collection. */
function inRange(opened: { fd: number; size: number }, range: [number, number] | undefined): { fd: number; size: number; base?: number } {
  if (!range) return opened;
  // A file shorter than its range was cut short: the collection's index check reports it.
  return { fd: opened.fd, base: range[0], size: Math.max(0, Math.min(range[1], opened.size) - range[0]) };
}

/** "/registry/apps/deployments" -> "apps.deployments" */
function fileStem(collection: string): string {
  return collection.replace(/^\/registry\//, '').replace(/[^A-Za-z0-9.-]+/g, '.');
}

/** Replayed journal changes of collections not read yet, by key (a delete has neither text nor value). */
type Overlay = Map<string, Map<string, Change>>;

export class Store {
  private manifest!: Manifest;
  private readonly loaded = new Map<string, Collection>();
  /** The views kept of each collection's values (defineView). */
  private readonly views = new Map<string, ValueView>();
  /** Each collection's keys in order, once someone asked (kept by every write since). */
  private readonly sorted = new Map<string, KeyOrder>();
  /** Collections whose file no longer holds what they hold (written, or changed by the journal). */
  private readonly dirtyCollections = new Set<string>();
  /** Collections given as text (a new cluster made from a template): split into lines only when needed. */
  private readonly given = new Map<string, string>();
  private changed = false;
  private onDisk: boolean;
  /** Journal records replayed onto the manifest, applied to each collection as it is read. */
  private overlay: Overlay = new Map();
  /** Whether the journal held records the manifest does not, and the last left the store unconverged. */
  private replayedUnconverged = false;
  /** The number of the last commit this store holds (the manifest's, then the journal's). */
  private sequence = 0;
  /** Keys written since the last commit, by collection, and system fields set since then. */
  private readonly uncommitted = new Map<string, Set<string>>();
  private readonly uncommittedSystem = new Set<keyof SystemState>();
  private journal?: JournalWriter;
  /** Whether this process committed writes not yet saved converged. */
  private journalled = false;
  /** A write of this store that failed: nothing more is written (appendRecord). */
  private failed?: Error;
  /** Whether the next save must fold, whatever the journal's size (compactAtSave). */
  private foldRequested = false;

  private constructor(
    readonly file: string,
    manifest: Manifest | undefined,
  ) {
    this.onDisk = manifest !== undefined;
    if (manifest) this.load(manifest, 0);
    else this.manifest = emptyManifest();
  }

  private get dir(): string {
    return path.join(path.dirname(this.file), 'store');
  }

  /**
   * Opens the store's manifest and replays the journal records it does not hold yet, or an empty
   * store when there is none yet.
   */
  static open(file: string): Store {
    const text = readFileOrUndefined(file);
    if (text === undefined) {
      refuseOrphans(file);
      return new Store(file, undefined);
    }
    return new Store(file, readManifest(file, text));
  }

  /**
   * Replaces whatever store `file` holds (sound, damaged or none) by `snapshot` (a backup's), as
   * a fold does: its files written under names no earlier file of the store had, then the
   * manifest naming them put in place atomically, then every other file of `store/` removed.
   * Until the manifest is replaced, the store is as it was. Nothing of the old manifest is
   * trusted: it may be what is being recovered from.
   */
  static restore(file: string, snapshot: { revision: number; system: SystemState; collections: [string, Buffer][] }, pid: number): void {
    const dir = path.join(path.dirname(file), 'store');
    makePrivateDir(dir);
    let sequence = 0;
    for (const f of fs.readdirSync(dir)) {
      const m = /\.(\d+)(?:\.jsonl)?(?:\.tmp-\d+)?$/.exec(f);
      if (m) sequence = Math.max(sequence, Number(m[1]));
    }
    sequence++;
    const next: Manifest = { format: STORE_FORMAT, revision: snapshot.revision, sequence, system: snapshot.system, collections: {}, sizes: {}, journal: `journal.${sequence}` };
    for (const [name, bytes] of snapshot.collections) {
      const fileName = `${fileStem(name)}.${sequence}.jsonl`;
      writeDurably(path.join(dir, fileName), bytes, pid);
      next.collections[name] = fileName;
      next.sizes![name] = bytes.length;
    }
    writeDurably(path.join(dir, next.journal!), '', pid);
    fsyncDir(dir);
    writeDurably(file, JSON.stringify(next), pid);
    fsyncDir(path.dirname(file));
    const live = new Set([...Object.values(next.collections), next.journal]);
    for (const f of fs.readdirSync(dir)) if (!live.has(f)) fs.rmSync(path.join(dir, f), { force: true });
  }

  /** Whether the store was on disk when opened (or has been saved since). */
  get existed(): boolean {
    return this.onDisk;
  }

  /** Whether a write of this store failed (it was reported then; nothing more is written). */
  get writeFailed(): boolean {
    return this.failed !== undefined;
  }

  /** Whether the store holds writes that were committed but not yet converged and saved. */
  get journalPending(): boolean {
    return this.replayedUnconverged || this.journalled;
  }

  private load(manifest: Manifest, attempt: number): void {
    this.manifest = manifest;
    this.sequence = manifest.sequence ?? 0;
    for (const c of this.loaded.values()) c.close();
    this.loaded.clear();
    this.sorted.clear();
    this.overlay = new Map();
    this.dirtyCollections.clear();
    this.given.clear();
    const journalFile = path.join(this.dir, manifest.journal ?? 'journal');
    const replay = readJournal(journalFile, this.sequence);
    if (!replay && manifest.journal) {
      // A newer save folded the journal this manifest names, and removed it: read the newer one.
      if (attempt >= READ_RETRIES) throw new StoreError(`the store journal ${journalFile} is missing; the store was left untouched (an empty file in its place lets the store open without what it held)`);
      return this.reloadManifest(attempt + 1);
    }
    let converged = manifest.system.converged;
    for (const record of replay?.records ?? []) {
      for (const change of record.changes) {
        let changes = this.overlay.get(change.collection);
        if (!changes) this.overlay.set(change.collection, (changes = new Map()));
        changes.set(change.key, change);
        this.dirtyCollections.add(change.collection);
      }
      // Records written before the log kept converged states never carry `converged`: they were commits.
      converged = record.system.converged === true;
      this.manifest = { ...this.manifest, revision: record.revision, system: { ...this.manifest.system, ...record.system, converged } };
      this.sequence = record.seq;
    }
    const problem = replay?.records.length ? systemProblem(this.manifest.system) : undefined;
    if (problem) throw new StoreError(`the store journal ${journalFile} is damaged (${problem}); it was left untouched`);
    this.replayedUnconverged = !!replay?.records.length && !converged;
    this.journal?.close();
    this.journal = new JournalWriter(journalFile, replay?.wholeBytes ?? 0);
  }

  /**
   * Reads one collection. A writer may commit a newer manifest and remove the file we were
   * told about between our two reads; then the newer manifest names the current file.
   */
  private collection(name: string): Collection {
    let c = this.loaded.get(name);
    if (c) return c;
    const given = this.given.get(name);
    if (given !== undefined) {
      c = Collection.fromLines(this.file, Buffer.from(given, 'utf8'));
      const view = this.views.get(name);
      if (view) c.useView(view);
      this.loaded.set(name, c);
      return c;
    }
    for (let attempt = 0; ; attempt++) {
      const fileName = this.manifest.collections[name];
      if (!fileName) {
        c = new Collection(name);
        break;
      }
      const file = path.join(this.dir, fileName);
      if (fileName.endsWith('.jsonl')) {
        const opened = openForReading(file);
        if (opened !== undefined) {
          c = Collection.fromFile(file, inRange(opened, this.manifest.ranges?.[name]));
          break;
        }
      } else {
        const text = readFileOrUndefined(file);
        if (text !== undefined) {
          c = Collection.fromObject(file, text);
          break;
        }
      }
      if (attempt >= READ_RETRIES || this.changed) throw new StoreError(`the store file ${file} is missing; the store was left untouched`);
      this.reloadManifest(0);
    }
    const view = this.views.get(name);
    if (view) c.useView(view);
    for (const change of this.overlay.get(name)?.values() ?? []) {
      if (change.text !== undefined) c.setText(change.key, change.text, change.viewVersion === view?.version ? change.view : undefined);
      else if (change.value !== undefined) c.set(change.key, change.value);
      else c.delete(change.key);
    }
    this.overlay.delete(name);
    this.loaded.set(name, c);
    return c;
  }

  private reloadManifest(attempt: number): void {
    const text = readFileOrUndefined(this.file);
    if (text === undefined) throw new StoreError(`the store ${this.file} disappeared`);
    this.load(readManifest(this.file, text), attempt);
  }

  /**
   * Fills an empty store with a whole state at once: the revision and system state, and each
   * collection as the text its file will hold (collection.ts's lines). Nothing is parsed until asked for.
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
    const before = this.manifest.system;
    this.manifest.system = { ...before, ...patch };
    // Only what differs is recorded: a command that changed nothing leaves the files as they were.
    for (const k of Object.keys(patch) as (keyof SystemState)[]) {
      if (JSON.stringify(before[k]) === JSON.stringify(patch[k])) continue;
      this.uncommittedSystem.add(k);
      this.changed = true;
    }
  }

  get dirty(): boolean {
    return this.changed;
  }

  get(collection: string, key: string): unknown {
    return this.collection(collection).get(key);
  }

  /**
   * Keeps `view` of every value of `collection` beside it, in its file and in the journal, so a
   * reader of many values' views (eachView) reads those, not the values.
   */
  defineView(collection: string, view: ValueView): void {
    this.views.set(collection, view);
    this.loaded.get(collection)?.useView(view);
  }

  hasView(collection: string): boolean {
    return this.views.has(collection);
  }

  /** Keeps no views of `collection` from now on (its next file has none). */
  dropView(collection: string): void {
    this.views.delete(collection);
    this.loaded.get(collection)?.useView(undefined);
  }

  /** Whether `collection`'s views are there to read (not to be made from its values). */
  viewsCurrent(collection: string): boolean {
    return this.collection(collection).viewsCurrent();
  }

  /** Visits every key of `collection` with its value's view (defineView), in no particular order. */
  eachView(collection: string, visit: (key: string, view: unknown) => void): void {
    this.collection(collection).eachView(visit);
  }

  put(collection: string, key: string, value: unknown): void {
    const c = this.collection(collection);
    if (!c.has(key)) this.sorted.get(collection)?.insert(key);
    c.set(key, value);
    this.written(collection, key);
  }

  delete(collection: string, key: string): boolean {
    const done = this.collection(collection).delete(key);
    if (done) {
      this.sorted.get(collection)?.remove(key);
      this.written(collection, key);
    }
    return done;
  }

  private written(collection: string, key: string): void {
    this.given.delete(collection);
    this.dirtyCollections.add(collection);
    let keys = this.uncommitted.get(collection);
    if (!keys) this.uncommitted.set(collection, (keys = new Set()));
    keys.add(key);
    this.changed = true;
  }

  /** Values whose key starts with `prefix`, in key order. */
  list(collection: string, prefix = ''): unknown[] {
    const out: unknown[] = [];
    this.scan(collection, prefix, true, (v) => out.push(v));
    return out;
  }

  /**
   * Visits the values whose key starts with `prefix`, in key order, each with its key. `keep`
   * false: what it parses is not kept (Collection.peek), for a reader that looks at each value once.
   */
  scan(collection: string, prefix: string, keep: boolean, visit: (value: unknown, key: string) => void): void {
    const c = this.collection(collection);
    const order = this.keyOrder(collection);
    const keys = prefix ? order.range(prefix) : order.all();
    c.prefetch(keys.length);
    for (const k of keys) visit(keep ? c.get(k) : c.peek(k), k);
  }

  /** Where the store is on disk: its directory, the file of each collection and the journal, as the manifest names them. */
  get layout(): { dir: string; collections: Readonly<Record<string, string>>; journal?: string } {
    return { dir: this.dir, collections: this.manifest.collections, journal: this.manifest.journal };
  }

  /** The number of journal records replayed onto the manifest when the store was opened. */
  get replayed(): number {
    return this.sequence - (this.manifest.sequence ?? 0);
  }

  /** Every collection the store holds something of (its files' and its journal's). */
  collectionNames(): string[] {
    return [...new Set([...Object.keys(this.manifest.collections), ...this.overlay.keys(), ...this.loaded.keys(), ...this.given.keys()])].sort();
  }

  /**
   * The store as of now, whole, as the files a fold would write (the journal folded in): for a
   * backup. Nothing on disk changes.
   */
  snapshot(): { revision: number; system: SystemState; collections: [string, Buffer][] } {
    const collections = this.collectionNames()
      .filter((n) => this.collection(n).size > 0)
      .map((n): [string, Buffer] => [n, this.collection(n).serialize()]);
    return { revision: this.manifest.revision, system: this.manifest.system, collections };
  }

  /**
   * `collection`'s text as its file holds it (its range of a file several share), without the
   * journal's changes: for the build's template generator, which records a store just folded.
   */
  fileText(collection: string): Buffer | undefined {
    const fileName = this.manifest.collections[collection];
    if (!fileName) return undefined;
    const bytes = fs.readFileSync(path.join(this.dir, fileName));
    const range = this.manifest.ranges?.[collection];
    return range ? bytes.subarray(range[0], range[1]) : bytes;
  }

  /** The file that holds `collection` as of the manifest (its journal when it has none yet): for messages. */
  fileOf(collection: string): string {
    return path.join(this.dir, this.manifest.collections[collection] ?? this.manifest.journal ?? 'journal');
  }

  /** Keys that start with `prefix`, sorted: a range of the collection's ordered keys. */
  keys(collection: string, prefix = ''): string[] {
    const order = this.keyOrder(collection);
    return prefix ? order.range(prefix) : [...order.all()];
  }

  private keyOrder(collection: string): KeyOrder {
    let order = this.sorted.get(collection);
    if (!order) {
      const { keys, sorted } = this.collection(collection).keyList();
      this.sorted.set(collection, (order = new KeyOrder(keys, sorted)));
    }
    return order;
  }

  count(collection: string): number {
    return this.collection(collection).size;
  }

  /**
   * Makes what changed since the last commit or save durable, as one fsynced journal record:
   * the keys written (their values as they are now), the revision and the system fields set.
   * Costs what was written, not the size of the collections; nothing at all when nothing was.
   * A store not yet on disk is saved whole instead. Returns whether anything was committed.
   */
  commit(pid: number): boolean {
    if (!this.uncommitted.size && !this.uncommittedSystem.size) return false;
    if (!this.onDisk) {
      this.save(pid);
      return true;
    }
    this.appendRecord();
    this.journalled = true;
    return true;
  }

  /**
   * Appends the next record; only once it is on the disk does it count as committed. A write
   * that failed leaves this store ahead of its files: it writes nothing more (the command that
   * met the failure reports it), so nothing it held back is saved behind the user's back.
   */
  private appendRecord(): void {
    if (this.failed) throw this.failed;
    const record = this.nextRecord();
    try {
      this.journal!.append(record.text);
    } catch (e) {
      this.failed = e as Error;
      throw e;
    }
    this.sequence = record.seq;
    this.uncommitted.clear();
    this.uncommittedSystem.clear();
  }

  /** The next journal record: what changed since the last, as text. */
  private nextRecord(): { seq: number; text: string } {
    const changes: Change[] = [];
    for (const [collection, keys] of this.uncommitted) {
      const c = this.collection(collection);
      const view = this.views.get(collection);
      for (const key of keys) {
        if (!c.has(key)) changes.push({ collection, key });
        else if (!view) changes.push({ collection, key, text: c.textOf(key) });
        else changes.push({ collection, key, text: c.textOf(key), view: c.viewTextOf(key), viewVersion: view.version });
      }
    }
    const system: Record<string, unknown> = {};
    for (const k of this.uncommittedSystem) system[k] = this.manifest.system[k];
    if (!this.journal!.size) makePrivateDir(this.dir);
    const seq = this.sequence + 1;
    return { seq, text: recordText({ seq, revision: this.manifest.revision, system, changes }) };
  }

  /**
   * Makes the store as it is now durable: appended to the journal as one record while the journal
   * stays small beside the collection files, else folded into them (the changed collections
   * written to fresh files and the manifest replaced atomically; the old journal and the files the
   * new manifest no longer names are removed last).
   */
  save(pid: number): void {
    if (this.appendSave()) return;
    const plan = this.plan();
    this.failing(() => {
      for (const [file, text] of plan.writes) writeDurably(file, text, pid);
      this.install(plan, pid);
    });
  }

  /** Runs a write of the fold; its failure stops this store's writes (appendRecord). */
  private failing<T>(write: () => T): T {
    try {
      return write();
    } catch (e) {
      this.failed = e as Error;
      throw e;
    }
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
   * the caller goes on; `done` installs the manifest once they are durable, `now` at once (after
   * flushing what is left). Until then the store must not change. A save that only appends to the
   * journal is done at once.
   */
  startSave(pid: number): { done(): Promise<void>; now(): void } {
    if (this.appendSave()) return { done: async () => {}, now: () => {} };
    const plan = this.plan();
    const writes = this.failing(() => new PendingWrites(plan.writes, pid));
    let installed = false;
    const install = () => {
      if (installed) return;
      installed = true;
      this.failing(() => this.install(plan, pid));
    };
    return {
      done: async () => {
        try {
          await writes.wait();
        } catch (e) {
          this.failed = e as Error;
          throw e;
        }
        install();
      },
      now: () => {
        this.failing(() => writes.flushNow());
        install();
      },
    };
  }

  /**
   * Makes the next save fold the journal into new collection files, whatever its size: the files
   * and the journal that held the values written over since (and nothing else) are then removed,
   * as etcd's compaction and defragmentation drop old revisions (re-encrypting leaves no clear copy).
   */
  compactAtSave(): void {
    this.foldRequested = true;
  }

  /** Saves by appending one record, unless the journal would outgrow its share (or there is no store on disk yet, or a fold was asked for). */
  private appendSave(): boolean {
    if (!this.onDisk || this.given.size || this.foldRequested) return false;
    // A collection whose views had to be made from its values (a store written before it kept
    // them) is folded now, once, so no later command makes them again.
    let rewrite = false;
    for (const [name, c] of this.loaded)
      if (c.viewsWanted) {
        this.dirtyCollections.add(name);
        rewrite = true;
      }
    if (rewrite) return false;
    const sizes = Object.values(this.manifest.sizes ?? {}).reduce((a, b) => a + b, 0);
    const limit = Math.max(JOURNAL_MIN, sizes * JOURNAL_SHARE);
    if (this.journal!.size + this.uncommittedChars(limit) > limit) return false;
    // A save says whether it left the store converged; a commit's record is read as not.
    this.uncommittedSystem.add('converged');
    this.appendRecord();
    this.journalled = false;
    this.replayedUnconverged = false;
    this.changed = false;
    return true;
  }

  /**
   * About how long the next record would be. A large change that is clearly past `limit` is
   * judged from a sample of its values: serializing them all only to learn that the fold will
   * costs as much as the fold's own serializing.
   */
  private uncommittedChars(limit: number): number {
    let chars = 0;
    for (const [collection, keys] of this.uncommitted) {
      const c = this.collection(collection);
      const viewed = this.views.has(collection);
      const line = (key: string) => (c.has(key) ? c.textOf(key)!.length + (viewed ? c.viewTextOf(key)!.length : 0) : 0) + key.length + collection.length + 8;
      if (keys.size > SAMPLE * 4) {
        let sample = 0;
        let n = 0;
        for (const key of keys) {
          sample += line(key);
          if (++n === SAMPLE) break;
        }
        if ((sample / SAMPLE) * keys.size > limit * 2) return Infinity;
      }
      for (const key of keys) chars += line(key);
    }
    return chars;
  }

  /** The files a fold writes (collection file, text) and the manifest that will name them. */
  private plan(): { next: Manifest; replaced: string[]; writes: [string, FileContent][] } {
    if (this.failed) throw this.failed;
    makePrivateDir(this.dir);
    // The fold is a commit of its own: the journal that follows it starts empty, under a new name.
    const sequence = this.sequence + 1;
    const journal = `journal.${sequence}`;
    const ranges = { ...this.manifest.ranges };
    const next: Manifest = {
      ...this.manifest,
      format: STORE_FORMAT,
      sequence,
      journal,
      collections: { ...this.manifest.collections },
      sizes: { ...this.manifest.sizes },
      ranges,
    };
    const replaced: string[] = [];
    /** Each collection written, and how: its text streamed into the sink. */
    const rewritten: [string, (sink: ByteSink) => void][] = [];
    // A compaction leaves no file holding a value written over: a collection that shares its file
    // with one rewritten now is rewritten too, so the file goes.
    if (this.foldRequested)
      for (const name of [...this.dirtyCollections]) {
        const file = ranges[name] && next.collections[name];
        if (file) for (const other of Object.keys(ranges)) if (next.collections[other] === file) this.dirtyCollections.add(other);
      }
    for (const name of this.dirtyCollections) {
      const old = next.collections[name];
      if (old) replaced.push(old);
      delete ranges[name];
      // A collection given as text and not written since is written as given, never split into
      // lines (a new cluster's first save); any other from its entries.
      const given = this.given.get(name);
      const entries = given === undefined ? this.collection(name) : undefined;
      if (given !== undefined ? given !== '' && !given.startsWith('#') : entries!.size) {
        const bytes = given !== undefined ? Buffer.from(given, 'utf8') : undefined;
        const version = this.views.get(name)?.version;
        rewritten.push([name, bytes ? (sink) => writeGivenLines(sink, bytes, version) : (sink) => entries!.writeTo(sink)]);
      } else {
        delete next.collections[name];
        delete next.sizes![name];
      }
    }
    // Files are named by the fold, so no two folds write the same name: a reader holding an older
    // manifest never opens a newer file under the name it was told. Their text is streamed into
    // them when they are written (the manifest is installed only after that).
    const writes: [string, FileContent][] = [];
    const packed = !this.onDisk && rewritten.length >= PACK_MIN;
    if (packed) {
      const fileName = `collections.${sequence}.jsonl`;
      writes.push([
        path.join(this.dir, fileName),
        (sink) => {
          for (const [name, write] of rewritten) {
            const start = sink.length;
            write(sink);
            ranges[name] = [start, sink.length];
            next.sizes![name] = sink.length - start;
          }
        },
      ]);
      for (const [name] of rewritten) next.collections[name] = fileName;
    } else
      for (const [name, write] of rewritten) {
        const fileName = `${fileStem(name)}.${sequence}.jsonl`;
        writes.push([
          path.join(this.dir, fileName),
          (sink) => {
            write(sink);
            next.sizes![name] = sink.length;
          },
        ]);
        next.collections[name] = fileName;
      }
    // (The pack's ranges are filled in as it is written, before the manifest is.)
    if (!packed && !Object.keys(ranges).length) delete next.ranges;
    writes.push([path.join(this.dir, journal), '']);
    return { next, replaced, writes };
  }

  /** Commits a fold whose files are durable: the manifest replaced, the old journal removed. */
  private install({ next, replaced }: { next: Manifest; replaced: string[] }, pid: number): void {
    fsyncDir(this.dir);
    writeDurably(this.file, JSON.stringify(next), pid);
    fsyncDir(path.dirname(this.file));
    this.manifest = next;
    this.sequence = next.sequence!;
    this.onDisk = true;
    this.dirtyCollections.clear();
    this.given.clear();
    this.uncommitted.clear();
    this.uncommittedSystem.clear();
    for (const c of this.loaded.values()) c.viewsWanted = false;
    this.changed = false;
    this.journal?.close();
    this.journal = new JournalWriter(path.join(this.dir, next.journal!), 0);
    this.journalled = false;
    this.replayedUnconverged = false;
    this.foldRequested = false;
    this.removeUnreferenced(replaced);
  }

  /** Deletes replaced collection files, older journals and leftovers of interrupted saves. */
  private removeUnreferenced(replaced: string[]): void {
    const live = new Set([...Object.values(this.manifest.collections), this.manifest.journal]);
    for (const f of replaced) if (!live.has(f)) fs.rmSync(path.join(this.dir, f), { force: true });
    for (const f of fs.readdirSync(this.dir))
      if (!live.has(f) && (f.includes('.tmp-') || f.endsWith('.json') || f.endsWith('.jsonl') || f.startsWith('journal')))
        fs.rmSync(path.join(this.dir, f), { force: true });
  }
}

/**
 * With no manifest, `store/` must hold nothing a cluster committed: a new cluster made over it
 * would remove its files at its first save. What the first save of a new store leaves when it is
 * killed before its manifest is in place (files of commit 1, an empty journal, temporary files)
 * was never acknowledged: the next first save writes over it (its own save removes what it does
 * not name). Anything else means the manifest is gone, not that there never was one.
 */
function refuseOrphans(file: string): void {
  const dir = path.join(path.dirname(file), 'store');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const firstSave = (name: string) =>
    name.includes('.tmp-') || /^[A-Za-z0-9.][A-Za-z0-9._-]*\.1\.jsonl$/.test(name) || (name === 'journal.1' && fs.statSync(path.join(dir, name)).size === 0);
  if (names.every(firstSave)) return;
  const kept = names.filter((n) => !n.includes('.tmp-'));
  throw new StoreError(
    `the store ${file} is missing, but ${dir} holds ${kept.length} file${kept.length === 1 ? '' : 's'} of a cluster; no new cluster was made over them. ` +
      `Put back store.json (\`pocketkube store restore BACKUP\` restores a backup), or move ${dir} away to start a new cluster`,
  );
}
