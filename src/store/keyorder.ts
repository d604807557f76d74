// A collection's keys in order (code-unit order, as sort() orders strings), kept across writes so
// that lists and prefix lookups never sort the whole collection again. New keys go into a small
// sorted side list (inserting into the big one would move the whole array per write); it is
// merged in once it grows past an eighth of the rest, so a lookup searches two sorted arrays and
// a burst of writes costs amortized O(1) moves per key.
const MERGE_AT_LEAST = 1024;

export class KeyOrder {
  private added: string[] = [];

  /** `sorted`: the keys are in order already (a collection file's), and are not sorted again. */
  constructor(
    private keys: string[],
    sorted = false,
  ) {
    if (!sorted) keys.sort();
  }

  insert(key: string): void {
    this.added.splice(lowerBound(this.added, key), 0, key);
    if (this.added.length > Math.max(MERGE_AT_LEAST, this.keys.length >> 3)) this.merge();
  }

  remove(key: string): void {
    for (const list of [this.keys, this.added]) {
      const i = lowerBound(list, key);
      if (list[i] === key) {
        list.splice(i, 1);
        return;
      }
    }
  }

  /** Every key, in order (the array is the order's own: callers copy before changing it). */
  all(): readonly string[] {
    this.merge();
    return this.keys;
  }

  /** The keys that start with `prefix`, in order. */
  range(prefix: string): string[] {
    const a = prefixRange(this.keys, prefix);
    return this.added.length ? mergeSorted(a, prefixRange(this.added, prefix)) : a;
  }

  private merge(): void {
    if (!this.added.length) return;
    this.keys = mergeSorted(this.keys, this.added);
    this.added = [];
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

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] < b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
