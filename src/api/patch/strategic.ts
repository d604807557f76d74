// Strategic merge patch, as apimachinery's strategicpatch package defines it: JSON merge patch
// plus per-field strategies from the API types — lists merged by a key (containers by name,
// ports by containerPort, ...), lists of scalars merged as sets, "retainKeys" structs — and the
// directives that carry them in a patch ($patch, $retainKeys, $setElementOrder/<list>,
// $deleteFromPrimitiveList/<list>).
//
// createThreeWayPatch is kubectl apply's patch (last-applied, manifest, live object);
// createTwoWayPatch is what edit, set and label send; applyPatch is the API server's side.
import { goMap } from '../meta/gomap';
import { deepEqual } from '../meta/equal';
import { getOwn, hasOwn, setOwn } from '../meta/own';
import { compareCodePoints } from '../meta/codepoint';
import { fieldsOf, hasType } from '../schema';
import { PATCH_META } from '../schema/patchmeta';

type JsonMap = { [key: string]: unknown };

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';

export class StrategicPatchError extends Error {}

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's reflect.TypeOf as far as JSON values go. */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v === 'object' ? 'map' : typeof v;
}

/** fmt.Sprintf("%v") of a scalar, which the package sorts and compares by. */
const text = (v: unknown): string => (v === null || v === undefined ? '<nil>' : typeof v === 'object' ? goValue(v) : String(v));

// ---- where in the schema we are ---------------------------------------------------------------

interface FieldMeta {
  /** The field's value type (for a list: its element type). */
  schema: Schema;
  strategy: '' | 'merge' | 'replace';
  retainKeys: boolean;
  mergeKey: string;
}

/** A type of the API schema ("PodSpec", "map[string]", "[]Container", "string", "any"). */
class Schema {
  constructor(readonly type: string) {}

  private meta(key: string): FieldMeta {
    const t = this.type;
    if (t.startsWith('map[')) return { schema: new Schema(t.slice(4, -1)), strategy: '', retainKeys: false, mergeKey: '' };
    if (!hasType(t)) return { schema: ANY, strategy: '', retainKeys: false, mergeKey: '' };
    const field = fieldsOf(t).get(key);
    // A field the schema does not know is diffed and merged like arbitrary JSON; the API
    // server's strict decoding reports it.
    if (!field) return { schema: ANY, strategy: '', retainKeys: false, mergeKey: '' };
    const [strategies = '', mergeKey = ''] = (PATCH_META[`${t}.${key}`] ?? '').split(':');
    const list = strategies ? strategies.split(',') : [];
    const retainKeys = list.includes('retainKeys');
    const strategy = (list.find((s) => s !== 'retainKeys') ?? '') as FieldMeta['strategy'];
    return { schema: new Schema(field.type), strategy, retainKeys, mergeKey };
  }

  /** LookupPatchMetadataForStruct: a field holding an object. */
  struct(key: string): FieldMeta {
    return this.meta(key);
  }

  /** LookupPatchMetadataForSlice: a field holding a list; its schema is the element type. */
  slice(key: string): FieldMeta {
    const m = this.meta(key);
    return { ...m, schema: m.schema.type.startsWith('[]') ? new Schema(m.schema.type.slice(2)) : m.schema };
  }
}

const ANY = new Schema('any');

// ---- scalars ----------------------------------------------------------------------------------

const sortScalars = (list: unknown[]) => [...list].sort((a, b) => compareCodePoints(text(a), text(b)));

/** deduplicateScalars: later duplicates are replaced by the last element, as the Go code does. */
function deduplicateScalars(list: unknown[]): unknown[] {
  const s = [...list];
  let last = s.length - 1;
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (s[i] === s[j]) {
        s[j] = s[last];
        s.length = last;
        last--;
        j--;
      }
    }
  }
  return s;
}

// ---- creating patches -------------------------------------------------------------------------

interface DiffOptions {
  setElementOrder?: boolean;
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  buildRetainKeysDirective?: boolean;
}

function diffMaps(original: JsonMap, modified: JsonMap, schema: Schema, o: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (o.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!hasOwn(original, key)) {
      if (!o.ignoreChangesAndAdditions) setOwn(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key];
    if (key === DIRECTIVE) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') throw new StrategicPatchError(`invalid value for special key: ${DIRECTIVE}`);
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    if (kindOf(originalValue) !== kindOf(modifiedValue)) {
      if (!o.ignoreChangesAndAdditions) setOwn(patch, key, modifiedValue);
      continue;
    }
    if (isMap(originalValue)) diffMapField(key, originalValue, modifiedValue as JsonMap, patch, schema, o);
    else if (Array.isArray(originalValue)) diffSliceField(key, originalValue, modifiedValue as unknown[], patch, schema, o);
    else replaceIfNotEqual(key, originalValue, modifiedValue, patch, o);
  }
  if (!o.ignoreDeletions) for (const key of Object.keys(original)) if (!hasOwn(modified, key)) setOwn(patch, key, null);
  if (retainKeys.length && (Object.keys(patch).length || hasAdditionalNewField(original, modified))) patch[RETAIN_KEYS] = sortScalars(retainKeys);
  return patch;
}

/** A field the new object sets that the old one did not (so retainKeys must clear others). */
function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  for (const [k, v] of Object.entries(original)) {
    if (v === null) continue;
    if (!hasOwn(modified, k)) return true;
  }
  return false;
}

function replaceIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, o: DiffOptions): void {
  if (o.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  setOwn(patch, key, modified);
}

function diffMapField(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, schema: Schema, o: DiffOptions): void {
  const meta = schema.struct(key);
  if (meta.strategy === 'replace') {
    if (!o.ignoreChangesAndAdditions) setOwn(patch, key, modified);
    return;
  }
  const value = diffMaps(original, modified, meta.schema, { ...o, buildRetainKeysDirective: meta.retainKeys });
  if (Object.keys(value).length) setOwn(patch, key, value);
}

function diffSliceField(key: string, original: unknown[], modified: unknown[], patch: JsonMap, schema: Schema, o: DiffOptions): void {
  const meta = schema.slice(key);
  if (meta.strategy !== 'merge') return replaceIfNotEqual(key, original, modified, patch, o);
  const { add, del, order } = diffLists(original, modified, meta.schema, meta.mergeKey, { ...o, buildRetainKeysDirective: meta.retainKeys });
  if (add.length) setOwn(patch, key, add);
  if (del.length) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = del;
  if (order.length) patch[`${SET_ELEMENT_ORDER}/${key}`] = order;
}

function elementKind(...lists: unknown[][]): string {
  let kind: string | undefined;
  for (const list of lists)
    for (const v of list) {
      const k = kindOf(v);
      if (k === 'slice') throw new StrategicPatchError('lists of lists are not supported');
      if (kind === undefined) kind = k;
      else if (kind !== k) throw new StrategicPatchError('list element types are not identical');
    }
  if (kind === undefined) throw new StrategicPatchError('no elements in any of the given slices');
  return kind;
}

function mergeKeyOf(item: unknown, mergeKey: string): unknown {
  if (!isMap(item)) throw new StrategicPatchError(`expected a map[string]interface {}, but received a ${goTypeName(item)}`);
  if (!hasOwn(item, mergeKey)) throw new StrategicPatchError(`map: ${goValue(item)} does not contain declared merge key: ${mergeKey}`);
  return item[mergeKey];
}

function diffLists(original: unknown[], modified: unknown[], schema: Schema, mergeKey: string, o: DiffOptions): { add: unknown[]; del: unknown[]; order: unknown[] } {
  const none = { add: [], del: [], order: [] };
  if (!original.length) {
    if (!modified.length || o.ignoreChangesAndAdditions) return none;
    return { add: modified, del: [], order: [] };
  }
  const kind = elementKind(original, modified);
  if (kind === 'map') {
    let { patch: add, deletions } = diffListsOfMaps(original, modified, schema, mergeKey, o);
    add = normalizeSliceOrder(add, modified, mergeKey, true);
    const sameOrder = original.length === modified.length && modified.every((m, i) => mergeKeyOf(original[i], mergeKey) === mergeKeyOf(m, mergeKey));
    add = [...add, ...deletions];
    const order =
      o.setElementOrder && ((!o.ignoreChangesAndAdditions && (add.length || !sameOrder)) || (!o.ignoreDeletions && add.length))
        ? modified.map((m) => ({ [mergeKey]: (m as JsonMap)[mergeKey] }))
        : [];
    return { add, del: [], order };
  }
  const { add, del } = diffListsOfScalars(original, modified, o);
  // Go sorts `original` in place while diffing, so an unsorted list always gets an order.
  const order = o.setElementOrder && ((!o.ignoreDeletions && del.length) || (!o.ignoreChangesAndAdditions && !deepEqual(sortScalars(original), modified))) ? modified : [];
  return { add: normalizeSliceOrder(add, modified, mergeKey, false), del, order };
}

function diffListsOfScalars(original: unknown[], modified: unknown[], o: DiffOptions): { add: unknown[]; del: unknown[] } {
  const from = sortScalars(original);
  const to = sortScalars(modified);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < from.length || j < to.length) {
    const a = i < from.length ? text(from[i]) : undefined;
    const b = j < to.length ? text(to[j]) : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && compareCodePoints(a, b) > 0)) {
      if (!o.ignoreChangesAndAdditions) add.push(to[j]);
      j++;
    } else {
      if (!o.ignoreDeletions) del.push(from[i]);
      i++;
    }
  }
  return { add, del: deduplicateScalars(del) };
}

function sortByMergeKey(list: unknown[], mergeKey: string): unknown[] {
  return [...list].sort((a, b) => compareCodePoints(text(mergeKeyOf(a, mergeKey)), text(mergeKeyOf(b, mergeKey))));
}

function diffListsOfMaps(original: unknown[], modified: unknown[], schema: Schema, mergeKey: string, o: DiffOptions): { patch: unknown[]; deletions: unknown[] } {
  const from = sortByMergeKey(original, mergeKey);
  const to = sortByMergeKey(modified, mergeKey);
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < from.length || j < to.length) {
    const a = i < from.length ? text(mergeKeyOf(from[i], mergeKey)) : undefined;
    const b = j < to.length ? text(mergeKeyOf(to[j], mergeKey)) : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      const value = diffMaps(from[i] as JsonMap, to[j] as JsonMap, schema, o);
      if (Object.keys(value).length) patch.push({ ...value, [mergeKey]: (to[j] as JsonMap)[mergeKey] });
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && compareCodePoints(a, b) > 0)) {
      if (!o.ignoreChangesAndAdditions) patch.push(to[j]);
      j++;
    } else {
      if (!o.ignoreDeletions) deletions.push({ [mergeKey]: (from[i] as JsonMap)[mergeKey], [DIRECTIVE]: 'delete' });
      i++;
    }
  }
  return { patch, deletions };
}

/** kubectl apply's patch: deletions since the last apply, plus what differs from the live object. */
export function createThreeWayPatch(lastApplied: JsonMap, modified: JsonMap, current: JsonMap, rootType: string): JsonMap {
  const schema = new Schema(rootType);
  const delta = diffMaps(current, modified, schema, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(lastApplied, modified, schema, { ignoreChangesAndAdditions: true, setElementOrder: true });
  return mergeMap(deletions, delta, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}

/** The patch that turns `original` into `modified` (edit, set, label, annotate). */
export function createTwoWayPatch(original: JsonMap, modified: JsonMap, rootType: string): JsonMap {
  return diffMaps(original, modified, new Schema(rootType), { setElementOrder: true });
}

// ---- applying patches -------------------------------------------------------------------------

interface MergeOptions {
  /** Server side: carry out $deleteFromPrimitiveList and $setElementOrder (client side keeps them). */
  mergeParallelList: boolean;
  ignoreUnmatchedNulls: boolean;
}

/** Applies a strategic merge patch to an object, as the API server does. Neither input is changed. */
export function applyPatch(obj: JsonMap, patch: JsonMap, rootType: string): JsonMap {
  return mergeMap(structuredClone(obj), structuredClone(patch), new Schema(rootType), { mergeParallelList: true, ignoreUnmatchedNulls: true });
}

function mergeMap(original: JsonMap | null, patch: JsonMap, schema: Schema, o: MergeOptions): JsonMap {
  if (hasOwn(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (directive === 'delete') return {};
    throw new StrategicPatchError(`unknown patch type: ${goString(directive)} in map: ${goValue(patch)}`);
  }
  const target: JsonMap = original ?? {};
  applyRetainKeys(target, patch, o);
  mergeElementOrderLists(target, patch, schema, o);
  for (let [key, patchValue] of Object.entries(patch)) {
    let isDeleteList = false;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!o.mergeParallelList) {
        setOwn(target, key, patchValue);
        continue;
      }
      key = keyAfterPrefix(key, DELETE_FROM_PRIMITIVE_LIST, 'invalid patch format of primitive list');
      isDeleteList = true;
    }
    if (patchValue === null) {
      delete target[key];
      if (o.ignoreUnmatchedNulls) continue;
    }
    if (!hasOwn(target, key) || kindOf(target[key]) !== kindOf(patchValue)) {
      if (!isDeleteList) {
        if (o.ignoreUnmatchedNulls) discardNulls(patchValue);
        const [value, keep] = removeDirectives(patchValue);
        if (keep) setOwn(target, key, value);
        else delete target[key];
      }
      continue;
    }
    const current = target[key];
    if (isMap(current)) {
      const meta = schema.struct(key);
      target[key] = meta.strategy === 'replace' ? patchValue : mergeMap(current, patchValue as JsonMap, meta.schema, o);
    } else if (Array.isArray(current)) {
      const meta = schema.slice(key);
      target[key] = meta.strategy === 'merge' || isDeleteList ? mergeSlice(current, patchValue as unknown[], meta.schema, meta.mergeKey, o, isDeleteList) : patchValue;
    } else {
      const [value, keep] = removeDirectives(patchValue);
      if (keep) target[key] = value;
      else delete target[key];
    }
  }
  return target;
}

function keyAfterPrefix(key: string, prefix: string, error: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) throw new StrategicPatchError(error);
  return key.slice(slash + 1);
}

function discardNulls(v: unknown): void {
  if (Array.isArray(v)) v.forEach(discardNulls);
  else if (isMap(v))
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else discardNulls(x);
    }
}

/** Strips directives from a value taken whole; a map that is itself a directive is dropped. */
function removeDirectives(v: unknown): [unknown, boolean] {
  if (isMap(v)) {
    if (hasOwn(v, DIRECTIVE)) return [undefined, false];
    for (const [k, x] of Object.entries(v)) {
      const [value, keep] = removeDirectives(x);
      if (keep) v[k] = value;
      else delete v[k];
    }
    return [v, true];
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) {
      const [value, keep] = removeDirectives(x);
      if (keep) out.push(value);
    }
    return [out, true];
  }
  return [v, true];
}

/** $retainKeys: on the server, clear what the list does not name; between patches, carry it. */
function applyRetainKeys(target: JsonMap, patch: JsonMap, o: MergeOptions): void {
  if (!hasOwn(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!o.mergeParallelList) {
    if (hasOwn(target, RETAIN_KEYS)) {
      if (!deepEqual(target[RETAIN_KEYS], retain)) throw new StrategicPatchError(`${goValue(target[RETAIN_KEYS])} and ${goValue(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
    } else target[RETAIN_KEYS] = retain;
    return;
  }
  if (!Array.isArray(retain)) throw new StrategicPatchError('invalid patch format of retainKeys');
  const keep = new Set(retain.map(String));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw new StrategicPatchError('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(target)) if (!keep.has(k)) delete target[k];
}

/** $setElementOrder/<list>: merge the list now and put its items in the order the patch gives. */
function mergeElementOrderLists(target: JsonMap, patch: JsonMap, schema: Schema, o: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    if (!o.mergeParallelList) {
      if (hasOwn(target, key)) {
        if (!deepEqual(target[key], order)) throw new StrategicPatchError('invalid patch format of setElementOrder list');
      } else setOwn(target, key, order);
    }
    delete patch[key];
    if (!Array.isArray(order)) throw new StrategicPatchError(`expected a []interface {}, but received a ${goTypeName(order)}`);
    const listKey = keyAfterPrefix(key, SET_ELEMENT_ORDER, 'invalid patch format of setElementOrder list');
    const current = getOwn(target, listKey);
    const patchList = getOwn(patch, listKey);
    if (current !== undefined && !Array.isArray(current)) throw new StrategicPatchError(`expected a []interface {}, but received a ${goTypeName(current)}`);
    if (patchList !== undefined && !Array.isArray(patchList)) throw new StrategicPatchError(`expected a []interface {}, but received a ${goTypeName(patchList)}`);
    const meta = schema.slice(listKey);
    validateAgainstOrder((patchList as unknown[]) ?? [], order, meta.mergeKey);
    let merged: unknown[];
    if (current !== undefined && patchList === undefined) merged = current;
    else if (current === undefined && patchList !== undefined) merged = removeDirectives(patchList)[0] as unknown[];
    else if (current !== undefined && patchList !== undefined)
      merged = meta.strategy === 'merge' ? mergeSlice(current, patchList as unknown[], meta.schema, meta.mergeKey, o, false) : (patchList as unknown[]);
    else continue;
    if (!merged.length) {
      setOwn(target, listKey, merged);
      delete patch[listKey];
      continue;
    }
    const kind = elementKind((current as unknown[]) ?? [], (patchList as unknown[]) ?? []);
    const inOrder = (v: unknown) => (meta.mergeKey ? order.some((x) => (x as JsonMap)[meta.mergeKey] === mergeKeyOf(v, meta.mergeKey)) : order.includes(v));
    const ordered = normalizeElementOrder(
      merged.filter(inOrder),
      merged.filter((v) => !inOrder(v)),
      order,
      (current as unknown[]) ?? [],
      meta.mergeKey,
      kind === 'map',
    );
    setOwn(target, listKey, ordered);
    delete patch[listKey];
  }
}

/** The items of a patch list must appear in the $setElementOrder list in the same order. */
function validateAgainstOrder(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (!order.length || !patchList.length) return;
  const items = mergeKey ? patchList.filter((v) => !(isMap(v) && v[DIRECTIVE] === 'delete')) : patchList;
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    if (isMap(items[p]) && hasOwn(items[p] as JsonMap, DIRECTIVE)) {
      p++;
      continue;
    }
    const same = mergeKey ? mergeKeyOf(items[p], mergeKey) === mergeKeyOf(order[s], mergeKey) : items[p] === order[s];
    if (same) p++;
    s++;
  }
  if (p < items.length && s >= order.length)
    throw new StrategicPatchError(`The order in patch list:\n${goValue(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goValue(order)}\n`);
}

function mergeSlice(original: unknown[], patch: unknown[], schema: Schema, mergeKey: string, o: MergeOptions, isDeleteList: boolean): unknown[] {
  if (!original.length && !patch.length) return original;
  const kind = elementKind(original, patch);
  if (kind !== 'map') {
    if (o.mergeParallelList && isDeleteList) {
      const drop = new Set(patch);
      return original.filter((v) => !drop.has(v));
    }
    const merged = deduplicateScalars([...original, ...patch]);
    const inPatch = (v: unknown) => patch.includes(v);
    return normalizeElementOrder(merged.filter(inPatch), merged.filter((v) => !inPatch(v)), patch, original, mergeKey, false);
  }
  if (!mergeKey) throw new StrategicPatchError(`cannot merge lists without merge key for ${schema.type}`);
  const { merged, base, items } = mergeListsOfMaps(original, patch, schema, mergeKey, o);
  const inPatch = (v: unknown) => items.some((p) => (p as JsonMap)[mergeKey] === (v as JsonMap)[mergeKey]);
  return normalizeElementOrder(merged.filter(inPatch), merged.filter((v) => !inPatch(v)), items, base, mergeKey, true);
}

/**
 * Merges a patch list into a list of maps by merge key. `$patch: delete` items remove their
 * match and a `$patch: replace` item makes the list the patch's own. Go does this with slices
 * over the original list's storage, so deletions shift the original in place and additions fill
 * the room they leave; the caller reads the original afterwards for the server's order, so this
 * mirrors that (the API server's lists have no spare capacity).
 */
function mergeListsOfMaps(original: unknown[], patch: unknown[], schema: Schema, mergeKey: string, o: MergeOptions): { merged: unknown[]; base: unknown[]; items: unknown[] } {
  let arr = original;
  let len = original.length;
  const cap = original.length;
  let shared = true;
  const items: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const item = v as JsonMap;
    if (!hasOwn(item, DIRECTIVE)) {
      items.push(v);
      continue;
    }
    switch (item[DIRECTIVE]) {
      case 'delete': {
        const value = mergeKeyOf(item, mergeKey);
        for (let k = findByKey(arr, len, mergeKey, value); k >= 0; k = findByKey(arr, len, mergeKey, value)) {
          for (let i = k; i < len - 1; i++) arr[i] = arr[i + 1];
          len--;
        }
        break;
      }
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw new StrategicPatchError('merging lists cannot yet be specified in the patch');
      default:
        throw new StrategicPatchError(`unknown patch type: ${goString(item[DIRECTIVE])} in map: ${goValue(item)}`);
    }
  }
  if (replace) return { merged: items, base: items, items: [] };
  const base = arr.slice(0, len);
  for (const item of items) {
    const at = findByKey(arr, len, mergeKey, mergeKeyOf(item, mergeKey));
    if (at >= 0) arr[at] = mergeMap(arr[at] as JsonMap, item as JsonMap, schema, o);
    else if (shared && len < cap) arr[len++] = item;
    else {
      if (shared) {
        arr = arr.slice(0, len);
        shared = false;
      }
      arr.push(item);
      len++;
    }
  }
  return { merged: arr.slice(0, len), base, items };
}

function findByKey(arr: unknown[], len: number, mergeKey: string, value: unknown): number {
  for (let i = 0; i < len; i++) if (isMap(arr[i]) && (arr[i] as JsonMap)[mergeKey] === value) return i;
  return -1;
}

function indexIn(list: unknown[], v: unknown, mergeKey: string, maps: boolean): number {
  const value = maps ? (isMap(v) ? v[mergeKey] : undefined) : v;
  return list.findIndex((x) => (maps ? (isMap(x) ? x[mergeKey] : undefined) : x) === value);
}

/** Stable sort of `list` by where its items stand in `order`; deletions go last. */
function normalizeSliceOrder(list: unknown[], order: unknown[], mergeKey: string, maps: boolean): unknown[] {
  let items = list;
  let deletes: unknown[] = [];
  if (maps) {
    for (const v of [...list, ...order]) mergeKeyOf(v, mergeKey);
    items = list.filter((v) => (v as JsonMap)[DIRECTIVE] !== 'delete');
    deletes = list.filter((v) => (v as JsonMap)[DIRECTIVE] === 'delete');
  }
  const positioned = items.map((v, i) => ({ v, i, at: indexIn(order, v, mergeKey, maps) }));
  positioned.sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : 0) || a.i - b.i);
  return [...positioned.map((p) => p.v), ...deletes];
}

/**
 * The merged list: the patch's items in the patch's order, the items only the server had in
 * their old order, interleaved where the old order places them.
 */
function normalizeElementOrder(patchItems: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, maps: boolean): unknown[] {
  const right = normalizeSliceOrder(patchItems, patchOrder, mergeKey, maps);
  const left = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, maps);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, maps);
      const ri = indexIn(serverOrder, right[j], mergeKey, maps);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

// ---- Go's %v, for error messages ---------------------------------------------------------------

function goTypeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'nil':
      return '<nil>';
    default:
      return kindOf(v);
  }
}

/**
 * fmt.Sprintf("%s") of a value decoded from JSON (ErrBadPatchType formats the directive so):
 * strings as they are, maps and slices element by element, other scalars as Go marks a wrong
 * verb, `%!s(bool=true)`, `%!s(float64=2)`, `%!s(<nil>)`.
 */
function goString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (isMap(v)) return goMap(v, goString);
  if (v === null || v === undefined) return '%!s(<nil>)';
  return `%!s(${typeof v === 'boolean' ? 'bool' : 'float64'}=${text(v)})`;
}

function goValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isMap(v)) return goMap(v, goValue);
  return text(v);
}
