// One collection of the store in memory, read lazily: a file's bytes are mapped to one line per
// key when the collection is first asked for, and a value is decoded and parsed only when someone
// reads it. A value read and not written keeps its bytes, so a save writes them back as they were
// — a command that touches ten pods of ten thousand parses ten and serializes ten, and never
// decodes the whole file into one string.
//
// The file format (`*.jsonl`): one line per key, `"<key as a JSON string>"<TAB><value as JSON>`,
// in no particular order (JSON never holds a raw tab or newline, so both split unambiguously),
// then an index line `#{"keys":[…],"tabs":[…],"lengths":[…]}`: each line's key, where its tab is
// and how many bytes it has, so opening a collection parses one line instead of searching every
// line for its ends. A file whose last line is not a whole index that fits its lines was cut
// short or changed by hand, and is refused. Collection texts given whole (the template's) have
// no index and are split by searching. Stores saved before this format hold each collection as
// one JSON object (`*.json`); they are still read.
import { StoreError } from './files';

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
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const QUOTE = 0x22;
const HASH = 0x23;
const NO_BYTES = Buffer.alloc(0);

export class Collection {
  private readonly slots = new Map<string, Slot>();

  /** `file` names the source in errors; `source` holds the bytes of the slots read from it. */
  constructor(
    private readonly file: string,
    private readonly source: Buffer = NO_BYTES,
  ) {}

  /** A collection from its file: its lines, as its index line says they lie. */
  static fromFile(file: string, bytes: Buffer): Collection {
    const cut = () => new StoreError(`the store ${file} is unreadable (it was cut short or changed: its index does not fit its lines); it was left untouched`);
    if (bytes[bytes.length - 1] !== NEWLINE) throw cut();
    const at = bytes.lastIndexOf(NEWLINE, bytes.length - 2) + 1;
    if (bytes[at] !== HASH) throw cut();
    let index: { keys: string[]; tabs: number[]; lengths: number[] };
    try {
      index = JSON.parse(bytes.toString('utf8', at + 1, bytes.length - 1));
    } catch {
      throw cut();
    }
    const { keys, tabs, lengths } = index;
    if (!Array.isArray(keys) || !Array.isArray(tabs) || !Array.isArray(lengths) || tabs.length !== keys.length || lengths.length !== keys.length) throw cut();
    const c = new Collection(file, bytes);
    // The lengths must add up to the index's own place; each line's tab and newline are checked
    // when its value is first read (a whole-file walk here would touch every line for nothing).
    let pos = 0;
    for (let i = 0; i < keys.length; i++) {
      const end = pos + lengths[i] - 1;
      c.slots.set(keys[i], { line: pos, start: pos + tabs[i] + 1, end });
      pos = end + 1;
    }
    if (pos !== at) throw cut();
    return c;
  }

  /** A collection from lines without an index (a template's text), found by searching. */
  static fromLines(file: string, bytes: Buffer): Collection {
    const c = new Collection(file, bytes);
    let pos = 0;
    for (let line = 1; pos < bytes.length; line++) {
      const end = bytes.indexOf(NEWLINE, pos);
      if (end < 0) throw new StoreError(`the store ${file} is unreadable (line ${line} is cut short); it was left untouched`);
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
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  get(key: string): unknown {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (slot.value === undefined) {
      if (slot.text === undefined && !this.fits(slot)) throw new StoreError(`the store ${this.file} is unreadable at ${key} (its index does not fit its lines); it was left untouched`);
      try {
        slot.value = JSON.parse(slot.text ?? this.source.toString('utf8', slot.start, slot.end));
      } catch (e) {
        throw new StoreError(`the store ${this.file} is unreadable at ${key} (${(e as Error).message}); it was left untouched`);
      }
    }
    return slot.value;
  }

  /** Whether a line read from the file is where its index says: a key, a tab, a value and a newline. */
  private fits(slot: Slot): boolean {
    const b = this.source;
    return b[slot.line] === QUOTE && b[slot.start - 2] === QUOTE && b[slot.start - 1] === TAB && slot.start < slot.end && b[slot.end] === NEWLINE;
  }

  set(key: string, value: unknown): void {
    this.slots.set(key, { line: 0, start: 0, end: 0, value });
  }

  /** A value known only as its JSON text (a journal's), parsed when first read. */
  setText(key: string, text: string): void {
    this.slots.set(key, { line: 0, start: 0, end: 0, text });
  }

  delete(key: string): boolean {
    return this.slots.delete(key);
  }

  keys(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** The JSON text of one value: its bytes from the file when it was not written since. */
  textOf(key: string): string | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    slot.text ??= slot.end > slot.start ? this.source.toString('utf8', slot.start, slot.end) : JSON.stringify(slot.value);
    return slot.text;
  }

  /**
   * The file's bytes, written into one buffer: what was read and not written since is copied as
   * it was, the rest encoded in place (no line strings, no second copy); then the index line.
   */
  serialize(): Buffer {
    let chars = 0;
    // Texts made here are not kept: after a fold nothing asks for them again.
    const texts: string[] = [];
    for (const [key, slot] of this.slots) {
      if (slot.end > slot.start) chars += slot.end + 1 - slot.line;
      else {
        const text = slot.text ?? JSON.stringify(slot.value);
        texts.push(text);
        chars += key.length + text.length + 4;
      }
    }
    const out = new GrowingBuffer(chars);
    const index = { keys: [] as string[], tabs: [] as number[], lengths: [] as number[] };
    let n = 0;
    for (const [key, slot] of this.slots) {
      const start = out.length;
      if (slot.end > slot.start) {
        out.copy(this.source, slot.line, slot.end + 1);
        index.tabs.push(slot.start - 1 - slot.line);
      } else {
        index.tabs.push(out.text(JSON.stringify(key)));
        out.byte(TAB);
        out.text(texts[n++]);
        out.byte(NEWLINE);
      }
      index.keys.push(key);
      index.lengths.push(out.length - start);
    }
    out.byte(HASH);
    out.text(JSON.stringify(index));
    out.byte(NEWLINE);
    return out.bytes();
  }
}

/**
 * A buffer written from the start, sized by characters (the bytes of ASCII text): text that is
 * not ASCII may need more, and then it grows. Measuring every string's UTF-8 length first would
 * scan all of it once more.
 */
class GrowingBuffer {
  private buf: Buffer;
  private at = 0;

  constructor(chars: number) {
    this.buf = Buffer.allocUnsafe(chars + 16);
  }

  get length(): number {
    return this.at;
  }

  /** Writes `s` as UTF-8; returns how many bytes that took. */
  text(s: string): number {
    for (;;) {
      const n = this.buf.write(s, this.at, 'utf8');
      // A write stops early only when the buffer is full (a character that does not fit is left
      // out whole, so up to three bytes may stay free); far from the end, it wrote everything.
      if (this.buf.length - this.at - n >= 4 || Buffer.byteLength(s, 'utf8') === n) {
        this.at += n;
        return n;
      }
      this.grow(Buffer.byteLength(s, 'utf8'));
    }
  }

  byte(b: number): void {
    if (this.at === this.buf.length) this.grow(1);
    this.buf[this.at++] = b;
  }

  copy(from: Buffer, start: number, end: number): void {
    if (this.buf.length - this.at < end - start) this.grow(end - start);
    this.at += from.copy(this.buf, this.at, start, end);
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.at);
  }

  private grow(atLeast: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + atLeast + 16));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
}
