// JSON patch (RFC 6902) as evanphx/json-patch applies it for the API server, failing with its
// wording. Keys are data: "__proto__" or "constructor" in a path names an own property like any
// other key, never the object's prototype or an inherited member.
import { clone, deepEqual } from '../meta/equal';
import { hasOwn, setOwn } from '../meta/own';
import { jsonKind } from '../schema';

export class JsonPatchError extends Error {}

type Container = Record<string, unknown> | unknown[];

interface Op {
  op?: unknown;
  path?: unknown;
  from?: unknown;
  value?: unknown;
}

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** A JSON pointer's reference tokens, ~1 and ~0 decoded. */
const decodeKey = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');

/** evanphx's findObject: the container the pointer's last token lives in, and that token. */
function findObject(doc: unknown, path: string): { con: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: unknown = doc;
  for (const part of split.slice(1, -1)) {
    const next = childOf(cur, decodeKey(part));
    if (!isContainer(next)) return undefined;
    cur = next;
  }
  return isContainer(cur) ? { con: cur, key: decodeKey(split[split.length - 1]) } : undefined;
}

function childOf(con: unknown, key: string): unknown {
  if (Array.isArray(con)) {
    const i = arrayIndex(key);
    return i !== undefined && i < con.length ? con[i] : undefined;
  }
  return isContainer(con) && hasOwn(con, key) ? (con as Record<string, unknown>)[key] : undefined;
}

const arrayIndex = (key: string): number | undefined => (/^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : undefined);

function invalidIndex(op: string, path: string, key: string): JsonPatchError {
  return new JsonPatchError(`error in ${op} for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`);
}

function missingPath(op: string, path: string): JsonPatchError {
  return new JsonPatchError(`${op} operation does not apply: doc is missing path: ${JSON.stringify(path)}: missing value`);
}

function add(doc: unknown, path: string, value: unknown, op = 'add'): void {
  const found = findObject(doc, path);
  if (!found) throw missingPath(op, path);
  const { con, key } = found;
  if (!Array.isArray(con)) return setOwn(con, key, value);
  const i = key === '-' ? con.length : arrayIndex(key);
  if (i === undefined || i > con.length) throw invalidIndex(op, path, key);
  con.splice(i, 0, value);
}

/** Removes and returns the value at `path`. */
function remove(doc: unknown, path: string, op = 'remove'): unknown {
  const found = findObject(doc, path);
  if (!found) throw missingPath(op, path);
  const { con, key } = found;
  if (Array.isArray(con)) {
    const i = arrayIndex(key);
    if (i === undefined || i >= con.length) throw invalidIndex(op, path, key);
    return con.splice(i, 1)[0];
  }
  if (!hasOwn(con, key)) {
    // json-patch wraps the container's refusal with the operation and path when removing.
    const why = `Unable to remove nonexistent key: ${key}: missing value`;
    throw new JsonPatchError(op === 'remove' ? `error in remove for path: '${path}': ${why}` : op === 'move' ? `error in move for path: '${key}': ${why}` : why);
  }
  const v = con[key];
  delete con[key];
  return v;
}

/** json-patch v4's Operation.Kind: "op" when it is a string, else "unknown". */
const kindOf = (o: Op): string => (typeof o.op === 'string' ? o.op : 'unknown');

/** Operation.Path and Operation.From: the field as a string, or the reason it is not one. */
function fieldOf(o: Op, name: 'path' | 'from'): string {
  const v = o[name];
  if (v === undefined || v === null) throw new JsonPatchError(name === 'path' ? 'operation missing path field: missing value' : 'operation, missing from field: missing value');
  if (typeof v !== 'string') throw new JsonPatchError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`);
  return v;
}

/** An operation's path or from as each operation words a bad one: add's, remove's and copy's path say only "missing value". */
function decoded(o: Op, kind: string, name: 'path' | 'from'): string {
  try {
    return fieldOf(o, name);
  } catch (e) {
    const bare = name === 'path' && (kind === 'add' || kind === 'remove' || kind === 'copy');
    throw new JsonPatchError(`${kind} operation failed to decode ${name}: ${bare ? 'missing value' : (e as Error).message}`);
  }
}

/** An operation json-patch v4 refuses before touching the document, in its words for that operation. */
const notApplied = (what: string) => new JsonPatchError(`${what}: missing value`);

/** The container `path` lives in, or the operation's refusal worded `what`. */
function containerOf(doc: unknown, path: string, what: string): { con: Container; key: string } {
  const found = findObject(doc, path);
  if (!found) throw notApplied(`${what}: ${path}`);
  return found;
}

/**
 * Applies one operation; returns the document, which a replace of the whole ("") changes. As in
 * json-patch v4, a replace sets a key its map lacks, and copying a missing key copies null.
 */
function applyOp(doc: unknown, o: Op): unknown {
  const kind = kindOf(o);
  switch (kind) {
    case 'add':
      add(doc, decoded(o, kind, 'path'), clone(o.value ?? null));
      return doc;
    case 'remove':
      remove(doc, decoded(o, kind, 'path'));
      return doc;
    case 'replace': {
      const path = decoded(o, kind, 'path');
      // The whole document is replaced by an object or a list; any other value changes nothing.
      if (path === '') return isContainer(o.value) ? clone(o.value) : doc;
      const { con, key } = containerOf(doc, path, 'replace operation does not apply: doc is missing path');
      const value = clone(o.value ?? null);
      if (!Array.isArray(con)) return setOwn(con, key, value), doc;
      const i = arrayIndex(key);
      if (i === undefined || i >= con.length) throw notApplied(`replace operation does not apply: doc is missing key: ${path}`);
      con[i] = value;
      return doc;
    }
    case 'move': {
      const from = decoded(o, kind, 'from');
      const path = decoded(o, kind, 'path');
      containerOf(doc, from, 'move operation does not apply: doc is missing from path');
      const value = remove(doc, from, 'move');
      containerOf(doc, path, 'move operation does not apply: doc is missing destination path');
      add(doc, path, value, 'move');
      return doc;
    }
    case 'copy': {
      const from = decoded(o, kind, 'from');
      const path = decoded(o, kind, 'path');
      const source = containerOf(doc, from, 'copy operation does not apply: doc is missing from path');
      const value = childOf(source.con, source.key);
      containerOf(doc, path, 'copy operation does not apply: doc is missing destination path');
      add(doc, path, clone(value ?? null), 'copy');
      return doc;
    }
    case 'test': {
      const path = decoded(o, kind, 'path');
      let current: unknown = doc;
      if (path !== '') {
        const { con, key } = containerOf(doc, path, 'test operation does not apply: is missing path');
        current = childOf(con, key);
      }
      if (!deepEqual(current ?? null, o.value ?? null)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
      return doc;
    }
    default:
      throw new JsonPatchError(`Unexpected kind: ${kind}`);
  }
}

/** Applies `ops` to a copy of `target`; the whole patch or nothing. */
export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  // The patch decodes as a whole before any operation applies: a list of objects (null is an empty one).
  if (!Array.isArray(ops)) throw new JsonPatchError(`json: cannot unmarshal ${jsonKind(ops)} into Go value of type jsonpatch.Patch`);
  const odd = ops.find((o) => o !== null && (typeof o !== 'object' || Array.isArray(o)));
  if (odd !== undefined) throw new JsonPatchError(`json: cannot unmarshal ${jsonKind(odd)} into Go value of type jsonpatch.Operation`);
  let doc = clone(target);
  for (const o of ops) doc = applyOp(doc, o === null ? {} : (o as Op));
  return doc;
}
