// The store's write-ahead journal, like etcd's WAL: what a command is about to report ("created",
// "scaled") is appended here, one fsynced line per commit, before it is printed; the full save
// at the end of the command replaces the manifest and removes the journal. Opening the store
// replays the records the manifest does not hold yet, in order, so a command killed after it
// answered loses nothing it answered.
//
// A record is one line of JSON. A kill in the middle of an append leaves a last line without its
// newline (a prefix of JSON never parses either); it was never acknowledged and is ignored, and
// the next writer cuts it off before appending.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StoreError, fsyncDir } from './files';

/** A put (with its value) or a delete (without) of one key of one collection. */
export type Change = [collection: string, key: string] | [collection: string, key: string, value: unknown];

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

/**
 * Reads the records numbered after `after`. A record that does not follow its predecessor ends
 * the replay: a reader without the lock may meet a journal begun after a newer save than the
 * manifest it read, and then holds a consistent older view.
 */
export function readJournal(file: string, after: number): Replay | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(`cannot read the store journal ${file}: ${(e as Error).message}`);
  }
  const records: JournalRecord[] = [];
  let offset = 0;
  let expected = after + 1;
  for (let line = 1; offset < buf.length; line++) {
    const end = buf.indexOf(NEWLINE, offset);
    if (end < 0) break;
    let record: JournalRecord;
    try {
      record = JSON.parse(buf.toString('utf8', offset, end)) as JournalRecord;
      if (!isRecord(record)) throw new Error('not a journal record');
    } catch (e) {
      throw new StoreError(`the store journal ${file} is unreadable at line ${line} (${(e as Error).message}); it was left untouched`);
    }
    if (record.seq > after) {
      if (record.seq !== expected) break;
      records.push(record);
      expected++;
    }
    offset = end + 1;
  }
  return { records, wholeBytes: offset };
}

function isRecord(r: JournalRecord): boolean {
  if (typeof r !== 'object' || r === null || !Number.isInteger(r.seq) || typeof r.revision !== 'number') return false;
  if (typeof r.system !== 'object' || r.system === null || !Array.isArray(r.changes)) return false;
  return r.changes.every((c) => Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'string');
}

/** Appends records durably; opened on the first append of a process. */
export class JournalWriter {
  private fd?: number;

  constructor(
    readonly file: string,
    /** Bytes of whole records already in the file; anything after them is cut off first. */
    private wholeBytes: number,
  ) {}

  append(record: JournalRecord): void {
    const fd = this.fd ?? this.open();
    const data = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    for (let off = 0; off < data.length; ) off += fs.writeSync(fd, data, off);
    fs.fdatasyncSync(fd);
    this.wholeBytes += data.length;
  }

  /** Closes and deletes the journal, once a save holds everything it held. */
  remove(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    this.wholeBytes = 0;
    fs.rmSync(this.file, { force: true });
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
