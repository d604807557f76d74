// The store's log, like etcd's WAL: every commit — what a command is about to report ("created",
// "scaled"), and the converged state a command leaves — is appended here and fdatasynced before
// anyone is told. The collection files hold the state as of the last fold (store.ts folds the log
// into them once it has grown past a share of their size); opening the store replays the records
// the manifest does not hold yet, in order, so a command killed after it answered loses nothing it
// answered, and a small change costs what it wrote, not the size of what it changed.
//
// A record is a run of lines: one per change, then its commit line.
//   change:  "<collection>"<TAB>"<key>"<TAB><value as JSON>[<TAB><its view as JSON>]   (a delete has no value)
//   commit:  {"seq":N,"revision":R,"system":{...},"changes":<how many change lines>[,"views":{<collection>:<version>}]}
// A collection that keeps views (collection.ts) logs each value's view beside it, and the commit
// line says of which version, so a reader of another version makes its own.
// Values are kept as text and parsed only when read (collection.ts). A kill in the middle of an
// append leaves change lines without their commit line, or a last line without its newline; that
// record was never acknowledged, is ignored, and the next writer cuts it off before appending.
// A record written before this format is one line `{"seq":…,"changes":[[collection, key, value?]…]}`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFully } from './bytesink';
import { StoreError, fsyncDir, writeFailed } from './files';

/** A put (with its value, or its value's JSON text) or a delete (neither) of one key of one collection. */
export interface Change {
  collection: string;
  key: string;
  text?: string;
  value?: unknown;
  /** The value's view, as text, and the version of the view it is. */
  view?: string;
  viewVersion?: number;
}

export interface JournalRecord {
  /** The commit's number: the manifest names the last one it holds, records follow it by one. */
  seq: number;
  /** The store's revision after the commit. */
  revision: number;
  /** The system state's fields that changed, as they are after the commit. */
  system: Record<string, unknown>;
  changes: Change[];
}

export interface Replay {
  /** The records after the manifest's, in order. */
  records: JournalRecord[];
  /** How many bytes of the file hold whole records; what follows is a torn append. */
  wholeBytes: number;
}

const NEWLINE = 0x0a;
const TAB = '\t';

/**
 * Reads the records numbered after `after`; undefined when there is no journal. A record that
 * does not follow its predecessor ends the replay: a reader without the lock may meet a journal
 * begun after a newer save than the manifest it read, and then holds a consistent older view.
 */
export function readJournal(file: string, after: number): Replay | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(`cannot read the store journal ${file}: ${(e as Error).message}`);
  }
  const unreadable = (line: number, why: string) =>
    new StoreError(`the store journal ${file} is unreadable at line ${line} (${why}); it was left untouched`);
  const records: JournalRecord[] = [];
  let pending: Change[] = [];
  let offset = 0;
  let wholeBytes = 0;
  let expected = after + 1;
  for (let line = 1; offset < buf.length; line++) {
    const end = buf.indexOf(NEWLINE, offset);
    if (end < 0) break;
    const text = buf.toString('utf8', offset, end);
    offset = end + 1;
    if (text.charCodeAt(0) === 34) {
      pending.push(changeLine(text, () => unreadable(line, 'not a change')));
      continue;
    }
    let record: JournalRecord;
    try {
      const { views, ...head } = JSON.parse(text) as Omit<JournalRecord, 'changes'> & { changes: unknown; views?: Record<string, number> };
      record = { ...head, changes: commitChanges(head.changes, pending) };
      if (!isRecord(record)) throw new Error('not a journal record');
      for (const c of record.changes) if (c.view !== undefined) c.viewVersion = views?.[c.collection];
    } catch (e) {
      throw unreadable(line, (e as Error).message);
    }
    pending = [];
    if (record.seq > after) {
      // What follows a record out of order is not part of this journal's history (a writer that
      // failed and went on): the next writer cuts it off.
      if (record.seq !== expected) break;
      records.push(record);
      expected++;
    }
    wholeBytes = offset;
  }
  return { records, wholeBytes };
}

/** One change line: the collection and key as JSON strings, the value's text as it is. */
function changeLine(text: string, bad: () => Error): Change {
  const first = text.indexOf(TAB);
  if (first < 0) throw bad();
  const second = text.indexOf(TAB, first + 1);
  let collection: unknown;
  let key: unknown;
  try {
    collection = JSON.parse(text.slice(0, first));
    key = JSON.parse(second < 0 ? text.slice(first + 1) : text.slice(first + 1, second));
  } catch {
    throw bad();
  }
  if (typeof collection !== 'string' || typeof key !== 'string') throw bad();
  if (second < 0) return { collection, key };
  const third = text.indexOf(TAB, second + 1);
  return third < 0 ? { collection, key, text: text.slice(second + 1) } : { collection, key, text: text.slice(second + 1, third), view: text.slice(third + 1) };
}

/** A commit line's changes: the lines before it (as many as it counts), or an older record's own list. */
function commitChanges(changes: unknown, pending: Change[]): Change[] {
  if (typeof changes === 'number') {
    if (changes !== pending.length) throw new Error(`the record counts ${changes} changes, ${pending.length} precede it`);
    return pending;
  }
  if (!Array.isArray(changes) || pending.length) throw new Error('not a journal record');
  return changes.map((c) => {
    if (!Array.isArray(c) || typeof c[0] !== 'string' || typeof c[1] !== 'string') throw new Error('not a journal record');
    return c.length > 2 ? { collection: c[0], key: c[1], value: c[2] } : { collection: c[0], key: c[1] };
  });
}

function isRecord(r: JournalRecord): boolean {
  return Number.isInteger(r.seq) && typeof r.revision === 'number' && typeof r.system === 'object' && r.system !== null;
}

/** A record's text: its change lines, then its commit line. */
export function recordText(record: JournalRecord): string {
  const parts: string[] = [];
  let views: Record<string, number> | undefined;
  for (const c of record.changes) {
    const head = `${JSON.stringify(c.collection)}\t${JSON.stringify(c.key)}`;
    const value = c.text ?? (c.value === undefined ? undefined : JSON.stringify(c.value));
    if (value === undefined) parts.push(`${head}\n`);
    else if (c.view === undefined) parts.push(`${head}\t${value}\n`);
    else {
      parts.push(`${head}\t${value}\t${c.view}\n`);
      (views ??= {})[c.collection] = c.viewVersion!;
    }
  }
  const commit = { seq: record.seq, revision: record.revision, system: record.system, changes: record.changes.length };
  parts.push(`${JSON.stringify(views ? { ...commit, views } : commit)}\n`);
  return parts.join('');
}

/** Appends records durably; opened on the first append of a process. */
export class JournalWriter {
  private fd?: number;

  constructor(
    readonly file: string,
    /** Bytes of whole records already in the file; anything after them is cut off first. */
    private wholeBytes: number,
  ) {}

  /** Bytes of whole records in the file. */
  get size(): number {
    return this.wholeBytes;
  }

  /** Appends one record's text (recordText) and waits until it is on the disk. */
  append(text: string): void {
    const data = Buffer.from(text, 'utf8');
    try {
      const fd = this.fd ?? this.open();
      writeFully(fd, data);
      fs.fdatasyncSync(fd);
    } catch (e) {
      // What was written of the record goes (else the next append would run on from its middle):
      // cut off here, or by the next open when even that fails.
      try {
        if (this.fd !== undefined) fs.ftruncateSync(this.fd, this.wholeBytes);
      } catch {
        /* the next open cuts it */
      }
      this.close();
      throw writeFailed(this.file, e);
    }
    this.wholeBytes += data.length;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): number {
    const fd = fs.openSync(this.file, 'a', 0o600);
    const stat = fs.fstatSync(fd);
    if ((stat.mode & 0o777) !== 0o600) fs.fchmodSync(fd, 0o600);
    if (stat.size > this.wholeBytes) fs.ftruncateSync(fd, this.wholeBytes);
    // A new file's name must reach the disk too.
    if (stat.size === 0) fsyncDir(path.dirname(this.file));
    this.fd = fd;
    return fd;
  }
}
