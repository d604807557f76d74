// A collection file's views line holds each view as what changed from the view before it (the
// first from an empty object): the file is in key order, so neighbours are mostly replicas of
// one controller, alike but for their names and uids, and ten thousand pod views shrink to a
// few hundred kilobytes. Views are plain objects; two levels are compared (`metadata.name`), and
// what did not change is shared with the neighbour when read (views are read-only), which also
// spares the garbage collector most of the objects. A field gone is listed under DELETED, a name
// no view may use.
type Obj = Record<string, unknown>;

const DELETED = '$deleted';
/** How many levels are compared field by field; below them a changed value is written whole. */
const DEPTH = 2;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The views line's entries for `views` (plain objects), in order. */
export function encodeViews(views: readonly unknown[]): Obj[] {
  let prev: Obj = {};
  return views.map((v) => {
    const view = v as Obj;
    const entry = diff(prev, view, DEPTH);
    prev = view;
    return entry;
  });
}

/**
 * The views a views line's entries stand for; throws when an entry is not one. Written out for
 * the two levels DEPTH compares (this runs once over every pod's view, in code not yet
 * optimized: a loop without helper calls or key arrays takes two thirds of the time).
 */
export function decodeViews(entries: readonly unknown[]): Obj[] {
  let prev: Obj = {};
  const views = new Array<Obj>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!isObj(e)) throw new Error('a view is not an object');
    const out: Obj = { ...prev };
    for (const k in e) {
      if (k === DELETED) continue;
      const a = prev[k];
      const b = e[k];
      if (isObj(a) && isObj(b)) {
        const inner: Obj = { ...a };
        for (const k2 in b) if (k2 !== DELETED) inner[k2] = b[k2];
        if (b[DELETED] !== undefined) dropGone(inner, b[DELETED]);
        out[k] = inner;
      } else out[k] = b;
    }
    if (e[DELETED] !== undefined) dropGone(out, e[DELETED]);
    views[i] = prev = out;
  }
  return views;
}

function dropGone(out: Obj, gone: unknown): void {
  if (!Array.isArray(gone)) throw new Error('a view lists what it lost wrongly');
  for (const k of gone) delete out[k as string];
}

function diff(prev: Obj, next: Obj, depth: number): Obj {
  // for-in rather than arrays of keys: this runs over every view at every fold (views are plain
  // objects: they inherit no enumerable keys).
  const out: Obj = {};
  for (const k in next) {
    const a = prev[k];
    const b = next[k];
    // A field set to undefined is no field (JSON drops it).
    if (b === undefined) continue;
    if (depth > 1 && isObj(a) && isObj(b)) {
      const d = diff(a, b, depth - 1);
      if (!isEmpty(d)) out[k] = d;
    } else if (!same(a, b)) out[k] = b;
  }
  let gone: string[] | undefined;
  for (const k in prev) if (prev[k] !== undefined && next[k] === undefined) (gone ??= []).push(k);
  if (gone) out[DELETED] = gone;
  return out;
}

function isEmpty(o: Obj): boolean {
  for (const _ in o) return false;
  return true;
}

/** JSON equality. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  let n = 0;
  for (const _ in b as Obj) n++;
  for (const k in a as Obj) {
    if (--n < 0 || !same((a as Obj)[k], (b as Obj)[k])) return false;
  }
  return n === 0;
}
