// A collection's keys in order (code-unit order, as sort() orders strings), kept across writes so
// that lists and prefix lookups never sort the whole collection again. Writes cost O(1): a new key
// waits unsorted until the order is next read, then is sorted with the others that came since
// into a small sorted side list (inserting into the big one would move the whole array per
// write), which is merged in once it grows past an eighth of the rest; a removed key is marked,
// and left out of answers, until the marks are as many, when the lists are rebuilt without them.
// Amortized, a key costs O(1) moves, and a lookup searches two sorted arrays.
const MERGE_AT_LEAST = 1024;

export class KeyOrder {
  private added: string[] = [];
  /** New keys not sorted yet: written since the order was last read. */
  private pending: string[] = [];
  /** Keys still in `keys`, `added` or `pending` that were removed since. */
  private removed = new Set<string>();

  /** `sorted`: the keys are in order already (a collection file's), and are not sorted again. */
  constructor(
    private keys: string[],
    sorted = false,
  ) {
    if (!sorted) keys.sort();
  }

  /** A key the order does not hold. */
  insert(key: string): void {
    // A key removed since it was sorted in is still in its list: it only has to count again.
    if (!this.removed.delete(key)) this.pending.push(key);
  }

  /** A key the order holds. */
  remove(key: string): void {
    this.removed.add(key);
  }

  /** Every key, in order (the array is the order's own: callers copy before changing it). */
  all(): readonly string[] {
    this.settle();
    if (this.added.length) {
      this.keys = mergeSorted(this.keys, this.added);
      this.added = [];
    }
    if (this.removed.size) this.dropRemoved();
    return this.keys;
  }

  /** The keys that start with `prefix`, in order. */
  range(prefix: string): string[] {
    this.settle();
    const a = prefixRange(this.keys, prefix);
    const keys = this.added.length ? mergeSorted(a, prefixRange(this.added, prefix)) : a;
    return this.removed.size ? keys.filter((k) => !this.removed.has(k)) : keys;
  }

  /** Sorts what came since into the side list, merging it into the main one once it is big. */
  private settle(): void {
    const bound = Math.max(MERGE_AT_LEAST, this.keys.length >> 3);
    if (this.pending.length) {
      const fresh = this.pending.sort();
      this.pending = [];
      this.added = this.added.length ? mergeSorted(this.added, fresh) : fresh;
      if (this.added.length > bound) {
        this.keys = mergeSorted(this.keys, this.added);
        this.added = [];
      }
    }
    if (this.removed.size > bound) this.dropRemoved();
  }

  private dropRemoved(): void {
    const removed = this.removed;
    this.keys = this.keys.filter((k) => !removed.has(k));
    this.added = this.added.filter((k) => !removed.has(k));
    this.removed = new Set();
  }
}

function prefixRange(keys: readonly string[], prefix: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) out.push(keys[i]);
  return out;
}

/** The first index of sorted `keys` whose key is not before `key`. */
export function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One sorted array of two. */
export function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] < b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * Visits the values `each` gives whose keys start with `prefix`, in key order: a views line is in
 * key order but for the keys written since its file was, which come last, so most lists are
 * visited as given and only the rest are sorted.
 */
export function visitInKeyOrder<T>(each: (visit: (key: string, value: T) => void) => void, prefix: string, visit: (value: T) => void): void {
  const keys: string[] = [];
  const values: T[] = [];
  let sorted = true;
  each((key, value) => {
    if (prefix && !key.startsWith(prefix)) return;
    if (sorted && keys.length && keys[keys.length - 1] > key) sorted = false;
    keys.push(key);
    values.push(value);
  });
  if (sorted) {
    for (const value of values) visit(value);
    return;
  }
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
  for (const i of order) visit(values[i]);
}
