// One collection of the store in memory, read lazily: when the collection is first asked for,
// only its file's index line is read (from the end of the file); a value is read from the file,
// decoded and parsed only when someone asks for it, and a list of much of the collection reads
// the whole file at once. A value read and not written keeps its bytes, so a fold writes them
// back as they were — a command that touches ten pods of ten thousand parses ten and serializes
// ten, and never decodes the whole file into one string.
//
// The file format (`*.jsonl`): one line per key, `"<key as a JSON string>"<TAB><value as JSON>`,
// in key order (JSON never holds a raw tab or newline, so both split unambiguously; files written
// before key order are still read, each line given its slot at open),
// then an index line `#{"keys":[…],"tabs":[…],"lengths":[…],"at":N}`: each line's key, where its
// tab is and how many bytes it has, so opening a collection parses one line instead of searching
// every line for its ends; `at`, last, is where the index line itself starts, so a reader that
// did not find its start in the first bytes it read from the end reads exactly the rest of it
// next (files written before `at` are searched for it, further back each time). A file whose
// last line is not a whole index, or whose lines do not add up to where the index begins, was
// cut short or changed by hand, and is refused (a line not where the index says is refused when
// its value is read). Collection texts given whole (the template's) have no index and are split
// by searching. Stores saved before this format hold each collection as
// one JSON object (`*.json`); they are still read.
//
// A collection told to keep views (a kind's cache view: the few fields controllers scan many
// objects for) writes every value's view into one more line before the index,
// `#[<view of the first line's value>, <what the second's changes from it>, …]` (viewdelta.ts),
// which the index's `views` names (its version and length). Reading the views reads that line
// alone; views of another version are recomputed from the values.
import * as fs from 'node:fs';
import { type ByteSink, GrowingBuffer } from './bytesink';
import { StoreError } from './files';
import { lowerBound, mergeSorted } from './keyorder';
import { decodeViews, encodeViews } from './viewdelta';

/**
 * A value as read from the file (its bytes `start`..`end` of the collection's source, decoded and
 * parsed on first use; its line begins at `line`) or as given since (`value`, with `text` once
 * serialized).
 */
interface Slot {
  line: number;
  start: number;
  end: number;
  text?: string;
  value?: unknown;
  /** Its place in the file's index (and views line), while it holds what the file holds. */
  ordinal?: number;
  /** Its view, once asked for; or the view's text as a journal gave it. */
  view?: unknown;
  viewText?: string;
}

/** What a collection keeps beside each value (the store is told; it knows nothing of the API). */
export interface ValueView {
  version: number;
  of(value: unknown): unknown;
}

/** Where a file's views line is: just before its index line, this long, of this version. */
interface StoredViews {
  version: number;
  length: number;
}

/** A file's last line, after its `#`: each line's key, where its tab is and its length; the views line; where this line starts. */
interface IndexLine {
  keys: string[];
  tabs: number[];
  lengths: number[];
  views?: StoredViews;
  at?: number;
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const QUOTE = 0x22;
const HASH = 0x23;
const NO_BYTES = Buffer.alloc(0);
/** Bytes read from the end of a file to find its index line, at first. */
const TAIL = 64 * 1024;

/**
 * A collection file's bytes: all of them in memory, or an open file read by range (a value at a
 * time) until someone needs most of it. The descriptor keeps a file a newer save removed readable.
 * A collection that shares its file with others (a fold's pack) starts at `base` in it.
 */
class Source {
  constructor(
    private bytes: Buffer | undefined,
    readonly size: number,
    private fd?: number,
    private readonly base = 0,
  ) {}

  /** Bytes `start`..`end`: a view of what is in memory, or read from the file. */
  range(start: number, end: number): Buffer {
    if (this.bytes) return this.bytes.subarray(start, end);
    const b = Buffer.allocUnsafe(end - start);
    for (let off = 0; off < b.length; ) {
      const n = fs.readSync(this.fd!, b, off, b.length - off, this.base + start + off);
      if (n === 0) throw new StoreError('a store file ended early');
      off += n;
    }
    return b;
  }

  /** All the bytes, read at once (then the file is no longer needed). */
  whole(): Buffer {
    if (!this.bytes) {
      this.bytes = this.range(0, this.size);
      this.close();
    }
    return this.bytes;
  }

  get loaded(): boolean {
    return this.bytes !== undefined;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * A file's lines by key when its keys are in order (every file folded since files are written in
 * key order): a key is found by binary search and its slot made only when it is used, so opening a
 * collection of ten thousand pods makes no ten thousand slots and no map of them.
 */
interface FileLines {
  keys: string[];
  tabs: number[];
  /** Where each line begins, and (last) where the lines end. */
  starts: number[];
  /** File keys deleted since. */
  gone: Set<string>;
  /** Keys written since that the file does not hold. */
  added: Set<string>;
}

export class Collection {
  /** Values read, written or given since; with `lines`, only those (the rest are the file's). */
  private readonly slots = new Map<string, Slot>();
  private lines?: FileLines;
  private view?: ValueView;
  /** The file's views line (where its index says), and its values once parsed. */
  private storedViews?: StoredViews & { at: number; count: number };
  private storedViewList?: unknown[];
  /** Whether its views were made from its file's values, which a fold would spare the next reader (the store folds it, then clears this). */
  viewsWanted = false;

  /** `file` names the source in errors; `source` holds the bytes of the slots read from it. */
  constructor(
    private readonly file: string,
    private readonly source: Source = new Source(NO_BYTES, 0),
  ) {}

  /**
   * A collection from its file (its bytes, or an open descriptor, the size of its text and where
   * in the file that starts): its lines, as its index line says they lie. Only the index is read here.
   */
  static fromFile(file: string, input: Buffer | { fd: number; size: number; base?: number }): Collection {
    const source = Buffer.isBuffer(input) ? new Source(input, input.length) : new Source(undefined, input.size, input.fd, input.base);
    const cut = () => new StoreError(`the store ${file} is unreadable (it was cut short or changed: its index does not fit its lines); it was left untouched`);
    const size = source.size;
    let index: IndexLine | undefined;
    let at = -1;
    let hinted = false;
    for (let tail = Math.min(size, TAIL); ; ) {
      // A small file is read whole at once: its values will be read from memory.
      const bytes = tail === size && !source.loaded ? source.whole() : source.range(size - tail, size);
      const last = size - tail;
      if (bytes[bytes.length - 1] !== NEWLINE) throw cut();
      const nl = bytes.lastIndexOf(NEWLINE, bytes.length - 2);
      if (nl < 0 && tail < size) {
        // The index line ends by saying where it starts, so the next read is that line and the
        // newline before it; a file written before it said so is searched further back.
        const from = hinted ? undefined : indexStart(bytes);
        hinted = true;
        tail = from !== undefined && from > 0 && from <= last ? size - from + 1 : Math.min(size, tail * 4);
        continue;
      }
      if (nl < 0 || bytes[nl + 1] !== HASH) throw cut();
      at = last + nl + 1;
      try {
        index = JSON.parse(bytes.toString('utf8', nl + 2, bytes.length - 1));
      } catch {
        throw cut();
      }
      break;
    }
    if (!index) throw cut();
    const { keys, tabs, lengths, views } = index;
    if (!Array.isArray(keys) || !Array.isArray(tabs) || !Array.isArray(lengths) || tabs.length !== keys.length || lengths.length !== keys.length) throw cut();
    const c = new Collection(file, source);
    if (views !== undefined) {
      if (typeof views !== 'object' || views === null || typeof views.version !== 'number' || !Number.isInteger(views.length) || views.length < 3 || views.length > at) throw cut();
      at -= views.length;
      c.storedViews = { version: views.version, length: views.length, at, count: keys.length };
    }
    // The lengths must add up to the index's own place; each line's tab and newline are checked
    // when its value is first read (a whole-file walk here would touch every line for nothing).
    const starts = new Array<number>(keys.length + 1);
    let pos = 0;
    let sorted = true;
    for (let i = 0; i < keys.length; i++) {
      const length = lengths[i];
      const tab = tabs[i];
      // `"k"<TAB>v<NEWLINE>`: a key of at least its quotes, a value of at least one character.
      if (typeof keys[i] !== 'string' || !Number.isSafeInteger(length) || !Number.isSafeInteger(tab) || tab < 2 || length < tab + 3) throw cut();
      starts[i] = pos;
      pos += length;
      if (i > 0 && !(keys[i - 1] < keys[i])) sorted = false;
    }
    starts[keys.length] = pos;
    if (pos !== at) throw cut();
    c.lines = { keys, tabs, starts, gone: new Set(), added: new Set() };
    if (!sorted) {
      // A file written before files were in key order: every line gets its slot now.
      for (let i = 0; i < keys.length; i++) c.slots.set(keys[i], c.lineSlot(i));
      c.lines = undefined;
    }
    return c;
  }

  /** The file line of `key` (its ordinal), when the file is searched by key and holds it still. */
  private lineOf(key: string): number {
    const lines = this.lines;
    if (!lines || lines.gone.has(key)) return -1;
    const i = lowerBound(lines.keys, key);
    return lines.keys[i] === key ? i : -1;
  }

  /** The slot of line `i` of the file. */
  private lineSlot(i: number): Slot {
    const { starts, tabs } = this.lines!;
    return { line: starts[i], start: starts[i] + tabs[i] + 1, end: starts[i + 1] - 1, ordinal: i };
  }

  /** A key's slot: written or read since, or its file line's (kept from now on). */
  private slotOf(key: string): Slot | undefined {
    let slot = this.slots.get(key);
    if (slot || !this.lines) return slot;
    const i = this.lineOf(key);
    if (i < 0) return undefined;
    this.slots.set(key, (slot = this.lineSlot(i)));
    return slot;
  }

  /** A collection from lines without an index (a template's text), found by searching. */
  static fromLines(file: string, bytes: Buffer): Collection {
    const c = new Collection(file, new Source(bytes, bytes.length));
    let pos = 0;
    for (let line = 1; pos < bytes.length; line++) {
      const end = bytes.indexOf(NEWLINE, pos);
      if (end < 0) throw new StoreError(`the store ${file} is unreadable (line ${line} is cut short); it was left untouched`);
      // The last line may be the values' views line: a store that writes these lines unchanged
      // copies it (writeGivenLines); once they are split, views are made from the values.
      if (bytes[pos] === HASH && end === bytes.length - 1) break;
      // Keys are short: a loop finds the tab sooner than another call into the buffer's search.
      let tab = pos;
      while (tab < end && bytes[tab] !== TAB) tab++;
      if (tab === end || bytes[pos] !== QUOTE || bytes[tab - 1] !== QUOTE || tab + 1 === end)
        throw new StoreError(`the store ${file} is unreadable (line ${line} is not a key and a value); it was left untouched`);
      let key: unknown;
      try {
        key = JSON.parse(bytes.toString('utf8', pos, tab));
      } catch (e) {
        throw new StoreError(`the store ${file} is unreadable (line ${line}: ${(e as Error).message}); it was left untouched`);
      }
      c.slots.set(key as string, { line: pos, start: tab + 1, end });
      pos = end + 1;
    }
    return c;
  }

  /** A collection from the older format: one JSON object of key -> value. */
  static fromObject(file: string, text: string): Collection {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new StoreError(`the store ${file} is unreadable (${(e as Error).message}); it was left untouched`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new StoreError(`the store ${file} is unreadable (it does not hold a collection); it was left untouched`);
    const c = new Collection(file);
    for (const [key, value] of Object.entries(parsed)) c.set(key, value);
    return c;
  }

  get size(): number {
    const lines = this.lines;
    return lines ? lines.keys.length - lines.gone.size + lines.added.size : this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key) || this.lineOf(key) >= 0;
  }

  get(key: string): unknown {
    const slot = this.slotOf(key);
    if (!slot) return undefined;
    slot.value ??= this.parse(key, slot);
    return slot.value;
  }

  /**
   * A value for one look, not kept when it was not parsed before: a reader that visits many
   * values once (a table of ten thousand pods) leaves them to die young, which costs the garbage
   * collector little, instead of keeping them all alive while it reads.
   */
  peek(key: string): unknown {
    const slot = this.slots.get(key);
    if (slot) return slot.value ?? this.parse(key, slot);
    // A file line read for one look makes no slot either.
    const i = this.lineOf(key);
    return i < 0 ? undefined : this.parse(key, this.lineSlot(i));
  }

  private parse(key: string, slot: Slot): unknown {
    return this.parseText(key, slot.text ?? this.readText(key, slot));
  }

  /** About to read `count` values: when that is much of the collection, one read of the whole file beats one per value. */
  prefetch(count: number): void {
    if (!this.source.loaded && count * 8 > this.size) this.source.whole();
  }

  /** Frees the open file behind values not read yet (the collection is not used again). */
  close(): void {
    this.source.close();
  }

  /** A value's text as its file holds it, after checking the line is where the index says: a key, a tab, a value and a newline. */
  private readText(key: string, slot: Slot): string {
    const line = this.source.range(slot.line, slot.end + 1);
    const tab = slot.start - 1 - slot.line;
    const end = line.length - 1;
    if (line[0] !== QUOTE || line[tab - 1] !== QUOTE || line[tab] !== TAB || tab + 1 >= end || line[end] !== NEWLINE)
      throw new StoreError(`the store ${this.file} is unreadable at ${key} (its index does not fit its lines); it was left untouched`);
    return line.toString('utf8', tab + 1, end);
  }

  set(key: string, value: unknown): void {
    this.written(key);
    this.slots.set(key, { line: 0, start: 0, end: 0, value });
  }

  /** A value known only as its JSON text (a journal's, with its view's text if it kept one), parsed when first read. */
  setText(key: string, text: string, viewText?: string): void {
    this.written(key);
    this.slots.set(key, viewText === undefined ? { line: 0, start: 0, end: 0, text } : { line: 0, start: 0, end: 0, text, viewText });
  }

  /** Keeps the file's bookkeeping as a key is written: a deleted line lives again, a new key is added. */
  private written(key: string): void {
    const lines = this.lines;
    if (!lines || this.slots.has(key)) return;
    if (lines.gone.delete(key)) return;
    if (this.lineOf(key) < 0) lines.added.add(key);
  }

  /** Keeps `view` of every value from now on (and writes the views into the file); undefined: none. */
  useView(view: ValueView | undefined): void {
    this.view = view;
  }

  /** The view of one value (undefined when there is no such key, or no view is kept). */
  viewOf(key: string): unknown {
    if (!this.view) return undefined;
    const slot = this.slotOf(key);
    if (!slot) return undefined;
    if (slot.view === undefined) slot.view = this.computeView(key, slot);
    return slot.view;
  }

  /** Visits every key with its value's view, in no particular order. */
  eachView(visit: (key: string, view: unknown) => void): void {
    if (!this.view) throw new Error(`no view is kept of ${this.file}`);
    if (!this.viewsStored()) {
      // Views to be made from values: the values are read at once, not one by one; and the
      // file (written before it kept views, or another version of them) is worth rewriting.
      this.prefetch(this.size);
      if (this.source.size > 0) this.viewsWanted = true;
    }
    const lines = this.lines;
    if (!lines || !this.viewsStored()) {
      for (const key of this.keys()) visit(key, this.viewOf(key));
      return;
    }
    // Lines not touched since: their stored views, without a slot each.
    const stored = this.storedViewList!;
    for (let i = 0; i < lines.keys.length; i++) {
      const key = lines.keys[i];
      const slot = this.slots.get(key);
      if (slot) visit(key, this.viewOf(key));
      else if (!lines.gone.has(key)) visit(key, stored[i]);
    }
    for (const key of lines.added) visit(key, this.viewOf(key));
  }


  /** The JSON text of one value's view, for the journal. */
  viewTextOf(key: string): string | undefined {
    if (!this.view) return undefined;
    const slot = this.slotOf(key);
    if (!slot) return undefined;
    slot.viewText ??= JSON.stringify(this.viewOf(key));
    return slot.viewText;
  }

  private computeView(key: string, slot: Slot): unknown {
    if (slot.viewText !== undefined) {
      const view = this.parseText(key, slot.viewText);
      if (view === null || typeof view !== 'object' || Array.isArray(view))
        throw new StoreError(`the store ${this.file} is unreadable at ${key} (its view is not an object); it was left untouched`);
      return view;
    }
    if (slot.ordinal !== undefined && this.viewsStored()) return this.storedViewList![slot.ordinal];
    // Made from the value, which is not kept for it: a reader of views wants few values.
    return this.view!.of(slot.value ?? this.parse(key, slot));
  }

  /**
   * Whether reading every view costs less than reading the values: the file keeps views of the
   * version kept now (or there is no file). Views of another version are made from the values.
   */
  viewsCurrent(): boolean {
    // The index names the views line's version: asking reads nothing more.
    return !!this.view && (this.source.size === 0 || this.storedViews?.version === this.view.version);
  }

  /** Whether the file's views line is of the version kept now (parsed on first use). */
  private viewsStored(): boolean {
    const stored = this.storedViews;
    if (!stored || stored.version !== this.view?.version) return false;
    if (!this.storedViewList) {
      const line = this.source.range(stored.at, stored.at + stored.length);
      let list: unknown;
      try {
        if (line[0] !== HASH || line[line.length - 1] !== NEWLINE) throw new Error('not a views line');
        list = JSON.parse(line.toString('utf8', 1, line.length - 1));
      } catch (e) {
        throw new StoreError(`the store ${this.file} is unreadable (its views: ${(e as Error).message}); it was left untouched`);
      }
      if (!Array.isArray(list) || list.length !== stored.count)
        throw new StoreError(`the store ${this.file} is unreadable (its views do not fit its lines); it was left untouched`);
      try {
        this.storedViewList = decodeViews(list);
      } catch (e) {
        throw new StoreError(`the store ${this.file} is unreadable (its views: ${(e as Error).message}); it was left untouched`);
      }
    }
    return true;
  }

  private parseText(key: string, text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new StoreError(`the store ${this.file} is unreadable at ${key} (${(e as Error).message}); it was left untouched`);
    }
  }

  delete(key: string): boolean {
    const lines = this.lines;
    if (!lines) return this.slots.delete(key);
    const had = this.slots.delete(key);
    if (lines.added.delete(key)) return true;
    if (this.lineOf(key) < 0) return had;
    lines.gone.add(key);
    return true;
  }

  /**
   * Every key as a new array, and whether it is in order already: a file's keys are (it is written
   * in key order), so those still there and the few added since (sorted) are merged, not sorted.
   */
  keyList(): { keys: string[]; sorted: boolean } {
    const lines = this.lines;
    if (!lines) return { keys: [...this.slots.keys()], sorted: false };
    const kept = lines.gone.size ? lines.keys.filter((k) => !lines.gone.has(k)) : lines.keys.slice();
    if (!lines.added.size) return { keys: kept, sorted: true };
    return { keys: mergeSorted(kept, [...lines.added].sort()), sorted: true };
  }

  /** Every key: the file's (in its order) and then those added since. */
  *keys(): IterableIterator<string> {
    const lines = this.lines;
    if (!lines) {
      yield* this.slots.keys();
      return;
    }
    for (const key of lines.keys) if (!lines.gone.has(key)) yield key;
    yield* lines.added;
  }

  /** The JSON text of one value: its bytes from the file when it was not written since. */
  textOf(key: string): string | undefined {
    const slot = this.slotOf(key);
    if (!slot) return undefined;
    slot.text ??= slot.end > slot.start ? this.readText(key, slot) : JSON.stringify(slot.value);
    return slot.text;
  }

  /** The file's bytes, in one buffer (for a backup: a fold writes them straight to the file, writeTo). */
  serialize(): Buffer {
    const out = new GrowingBuffer(this.source.size + 65_536);
    this.writeTo(out);
    return out.bytes();
  }

  /**
   * Writes the collection's text: what was read and not written since is copied as it was, the rest encoded
   * as it comes (no line strings kept, no second copy); then the views line and the index line.
   */
  writeTo(out: ByteSink): void {
    // Where this collection starts in the sink: a fold's pack holds several, one after another.
    const origin = out.length;
    // In key order: a reader's key order (keyorder.ts) then sorts what is sorted already, which
    // costs one pass instead of a sort of ten thousand keys.
    const keys = [...this.keys()].sort();
    // The old file's bytes, read when the first line kept from it is copied.
    let source: Buffer | undefined;
    const index: IndexLine = { keys: [], tabs: [], lengths: [] };
    for (const key of keys) {
      const slot = this.slotOf(key)!;
      const start = out.length;
      if (slot.end > slot.start) {
        source ??= this.source.whole();
        out.copy(source, slot.line, slot.end + 1);
        index.tabs.push(slot.start - 1 - slot.line);
      } else {
        index.tabs.push(out.text(JSON.stringify(key)));
        out.byte(TAB);
        // Texts made here are not kept: after a fold nothing asks for them again.
        out.text(slot.text ?? JSON.stringify(slot.value));
        out.byte(NEWLINE);
      }
      index.keys.push(key);
      index.lengths.push(out.length - start);
    }
    // The views line (a view of each value), and the index line: each key again, quoted, with two numbers.
    if (this.view) {
      const views: unknown[] = [];
      for (const key of keys) views.push(this.viewOf(key));
      const start = out.length;
      out.byte(HASH);
      out.text(JSON.stringify(encodeViews(views)));
      out.byte(NEWLINE);
      index.views = { version: this.view.version, length: out.length - start };
    }
    // Last, where this line starts: a reader reads the line at once (indexStart).
    index.at = out.length - origin;
    out.byte(HASH);
    out.text(JSON.stringify(index));
    out.byte(NEWLINE);
  }
}

/**
 * Writes a collection given as the text of its lines (a template's: in key order, each key as
 * JSON text, and maybe its views line last) as writeTo would once split into lines, without
 * splitting it: the lines and the views line copied, the index made from where the tabs and
 * newlines are, its keys copied as the lines hold them. `viewVersion`: the version of the views
 * the store keeps of the collection (none: a views line given is left out).
 */
export function writeGivenLines(out: ByteSink, text: Buffer, viewVersion: number | undefined): void {
  const origin = out.length;
  const keys: string[] = [];
  const tabs: number[] = [];
  const lengths: number[] = [];
  let views = '';
  for (let pos = 0; pos < text.length; ) {
    const end = text.indexOf(NEWLINE, pos);
    if (end < 0) throw new StoreError('a given collection is cut short');
    if (text[pos] === HASH) {
      // The views line, which only the last line may be.
      if (viewVersion !== undefined) {
        out.copy(text, pos, end + 1);
        views = `,"views":{"version":${viewVersion},"length":${end + 1 - pos}}`;
      }
      break;
    }
    const tab = text.indexOf(TAB, pos);
    out.copy(text, pos, end + 1);
    keys.push(text.toString('utf8', pos, tab));
    tabs.push(tab - pos);
    lengths.push(end + 1 - pos);
    pos = end + 1;
  }
  out.byte(HASH);
  out.text(`{"keys":[${keys.join(',')}],"tabs":[${tabs.join(',')}],"lengths":[${lengths.join(',')}]${views},"at":${out.length - 1 - origin}}`);
  out.byte(NEWLINE);
}

/** Where the index line starts, as its last field ("at") says; undefined when it does not say (older files). */
function indexStart(tail: Buffer): number | undefined {
  const m = /,"at":(\d{1,15})\}\n$/.exec(tail.toString('latin1', Math.max(0, tail.length - 32)));
  return m ? Number(m[1]) : undefined;
}
