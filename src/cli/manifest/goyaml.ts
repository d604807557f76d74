// YAML read the way kubectl reads it: go-yaml v2 decodes a document into Go values and
// sigs.k8s.io/yaml turns those into JSON. The yaml library parses; this module supplies what
// differs from it: go-yaml's plain-scalar resolution of numbers, its depth limits (checked on the
// library's concrete syntax tree, which is built without recursion, before anything recurses),
// its alias expansion (copies, counted so that "billion laughs" fails as go-yaml fails it, and
// never a circular value), its merge keys (later keys win, as in v2), and the JSON conversion's
// rules for keys and for values JSON cannot hold. Keys are set as own properties, so "__proto__"
// is a key like any other.
import type { CST, Document, LineCounter, Node, Pair, Tags } from 'yaml';
import { MAX_NESTING, NestingError } from '../../api/meta/nesting';
import { setOwn } from '../../api/meta/own';

/** A go-yaml error ("yaml: ..."), or one of the JSON conversion that follows it. */
export class GoYamlError extends Error {}

function yaml(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

// ---- plain scalars that may be numbers -----------------------------------------------------------

/** What go-yaml v2's resolver makes of a plain scalar: int, uint64, float64 or string. */
export type GoScalar =
  | { kind: 'int' | 'uint'; value: number; digits: string }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string };

const SPECIAL_FLOATS: Record<string, number> = {};
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) SPECIAL_FLOATS[s] = Infinity;
for (const s of ['-.inf', '-.Inf', '-.INF']) SPECIAL_FLOATS[s] = -Infinity;
for (const s of ['.nan', '.NaN', '.NAN']) SPECIAL_FLOATS[s] = NaN;

/** go-yaml's yamlStyleFloat, tried on the text with its underscores removed. */
const FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** strconv.ParseInt/ParseUint with base 0: 0x, 0o, 0b, a leading 0 for octal, else decimal. */
const INT_RE = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

const INT64_MIN = -(2n ** 63n);
const INT64_LIMIT = 2n ** 63n;
const UINT64_LIMIT = 2n ** 64n;

function parseGoInt(s: string): bigint | undefined {
  const m = INT_RE.exec(s);
  if (!m) return undefined;
  const body = m[2];
  const n = BigInt(/^0[0-7]/.test(body) ? '0o' + body.slice(1) : body);
  return m[1] === '-' ? -n : n;
}

/**
 * go-yaml v2's resolve() for a plain scalar whose first character is a digit, a sign or a dot:
 * the special floats, then (underscores removed) int64, uint64, then a float that fits a float64;
 * anything else stays the string it was (so 1e400 and 0xfffffffffffffffff are strings).
 */
export function resolveNumeric(s: string): GoScalar {
  // go-yaml's resolve table sends only these first characters to the number rules.
  if (!/^[-+.0-9]/.test(s)) return { kind: 'str', value: s };
  const special = SPECIAL_FLOATS[s];
  if (special !== undefined) return { kind: 'float', value: special };
  if (s.startsWith('.')) {
    const f = Number(s);
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(f) ? { kind: 'float', value: f } : { kind: 'str', value: s };
  }
  const plain = s.replace(/_/g, '');
  const n = parseGoInt(plain);
  if (n !== undefined && n >= INT64_MIN && n < INT64_LIMIT) return { kind: 'int', value: Number(n), digits: n.toString() };
  if (n !== undefined && n >= 0n && n < UINT64_LIMIT && !/^[-+]/.test(plain)) return { kind: 'uint', value: Number(n), digits: n.toString() };
  if (FLOAT_RE.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return { kind: 'float', value: f };
  }
  return { kind: 'str', value: s };
}

/**
 * The yaml library's YAML 1.1 tags, adjusted to go-yaml v2: plain scalars that may be numbers
 * resolve as above (ahead of the library's int and float tags, which only explicit tags reach);
 * timestamps and sexagesimal numbers stay strings (v2 hands them to interface{} as strings) and
 * "<<" is a plain string until the decoder sees it as a merge key.
 */
export function goYamlTags(tags: Tags): Tags {
  const kept = tags.filter((t) => {
    const tag = t as { tag: string; format?: string };
    return !tag.tag.endsWith(':timestamp') && !tag.tag.endsWith(':merge') && tag.format !== 'TIME';
  });
  const numeric = {
    identify: () => false,
    default: true,
    tag: 'tag:pocketkube,go-yaml:numeric',
    // Also what the library's YAML 1.1 float pattern takes for an exponent without digits ("e2",
    // "E+5"), which go-yaml keeps a string: resolved here, never there.
    test: /^(?:[-+.0-9]|[-+]?[eE][-+]?[0-9])/,
    resolve: (s: string) => resolveNumeric(s).value,
  };
  return [numeric, ...kept] as Tags;
}

// ---- depth limits, on the concrete syntax tree ---------------------------------------------------

/** go-yaml's max_flow_level and max_indents. */
const GO_MAX_DEPTH = 10000;

type Token = CST.Token;

/**
 * Refuses a document nested deeper than go-yaml allows (flow collections past 10000 levels, or
 * block collections indented past 10000 levels: "exceeded max depth of 10000" on the line of the
 * collection that went over), or deeper than pocketkube reads. Walks without recursion.
 */
export function checkNesting(tokens: Token[], lines: LineCounter): void {
  let ours: number | undefined;
  // [token, flow level, block indent levels, column of the innermost block collection, value depth]
  const stack: [Token, number, number, number, number][] = tokens.map((t) => [t, 0, 0, -1, 0]);
  stack.reverse();
  while (stack.length) {
    const [t, flow, block, column, depth] = stack.pop()!;
    let f = flow;
    let b = block;
    let c = column;
    let d = depth;
    if (t.type === 'flow-collection') {
      f++;
      d++;
      if (f > GO_MAX_DEPTH) throw goDepthError(lines, t.start.offset);
    } else if (t.type === 'block-map' || t.type === 'block-seq') {
      d++;
      // A block collection deeper in than its parent is one more indentation level; a
      // sequence at its parent mapping's own column (key:\n- item) is not.
      const col = lines.linePos(t.offset).col - 1;
      if (col > c) {
        b++;
        c = col;
        if (b > GO_MAX_DEPTH) throw goDepthError(lines, t.offset);
      }
    }
    if (d > MAX_NESTING && ours === undefined) ours = t.offset;
    const children: Token[] = [];
    if (t.type === 'document' && t.value) children.push(t.value);
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection')
      for (const item of t.items) {
        if ('key' in item && item.key) children.push(item.key);
        if (item.value) children.push(item.value);
      }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], f, b, c, d]);
  }
  if (ours !== undefined) throw new NestingError(`line ${lines.linePos(ours).line}: `);
}

/** go-yaml reports a scanner error's line unless it is the first (line 0 to its counter). */
function lineText(lines: LineCounter, offset: number): string {
  const line = lines.linePos(offset).line;
  return line > 1 ? `line ${line}: ` : '';
}

function goDepthError(lines: LineCounter, offset: number): GoYamlError {
  return new GoYamlError(`yaml: ${lineText(lines, offset)}exceeded max depth of ${GO_MAX_DEPTH}`);
}

// ---- decoding: aliases, merges, keys -------------------------------------------------------------

/** go-yaml's allowedAliasRatio: 99% of decodes may come from aliases, falling to 10% for huge documents. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

interface Decoder {
  decodeCount: number;
  aliasCount: number;
  aliasDepth: number;
  /** Alias nodes being expanded (go-yaml's d.aliases). */
  expanding: Set<Node>;
  /** Each alias node's anchored node, as the parser saw it. */
  targets: Map<Node, Node>;
  /** The JSON conversion's first complaint about a key, reported once decoding is done. */
  keyProblem?: string;
  sawNonFinite: boolean;
}

type JsonMap = Record<string, unknown>;

/**
 * The anchored node each alias names: the last node with that anchor before the alias, its own
 * enclosing collections included (go-yaml registers an anchor before parsing the node's content).
 */
function resolveAliases(root: Node | null): Map<Node, Node> {
  const Y = yaml();
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node>();
  const visit = (n: unknown): void => {
    if (Y.isAlias(n)) {
      const target = anchors.get(n.source);
      if (!target) throw new GoYamlError(`yaml: unknown anchor '${n.source}' referenced`);
      targets.set(n, target);
      return;
    }
    if (!Y.isNode(n)) return;
    if (n.anchor) anchors.set(n.anchor, n);
    if (Y.isMap(n) || Y.isSeq(n))
      for (const item of n.items as unknown[]) {
        if (Y.isPair(item)) {
          visit(item.key);
          visit(item.value);
        } else visit(item);
      }
  };
  visit(root);
  return targets;
}

/** Decodes a document's content into a JSON value as kubectl's YAML-to-JSON conversion does. */
export function decodeDocument(doc: Document.Parsed): unknown {
  const d: Decoder = { decodeCount: 1, aliasCount: 0, aliasDepth: 0, expanding: new Set(), targets: resolveAliases(doc.contents), sawNonFinite: false };
  const value = doc.contents === null ? null : decode(d, doc.contents, 0);
  if (d.keyProblem) throw new GoYamlError(d.keyProblem);
  if (d.sawNonFinite) checkFinite(value);
  return value;
}

function count(d: Decoder): void {
  d.decodeCount++;
  if (d.aliasDepth > 0) d.aliasCount++;
  if (d.aliasCount > 100 && d.decodeCount > 1000 && d.aliasCount / d.decodeCount > allowedAliasRatio(d.decodeCount))
    throw new GoYamlError('yaml: document contains excessive aliasing');
}

/** An alias's expansion, refused when it would contain itself. */
function expand<T>(d: Decoder, alias: Node, body: (target: Node) => T): T {
  if (d.expanding.has(alias)) throw new GoYamlError(`yaml: anchor '${(alias as unknown as { source: string }).source}' value contains itself`);
  d.expanding.add(alias);
  d.aliasDepth++;
  try {
    return body(d.targets.get(alias)!);
  } finally {
    d.aliasDepth--;
    d.expanding.delete(alias);
  }
}

function decode(d: Decoder, n: unknown, depth: number): unknown {
  const Y = yaml();
  count(d);
  if (Y.isAlias(n)) return expand(d, n, (target) => decode(d, target, depth));
  if (Y.isScalar(n)) return scalarValue(d, n);
  // Expanded aliases can nest deeper than the text does, so depth is counted here too.
  if (depth >= MAX_NESTING) throw new NestingError();
  if (Y.isMap(n)) {
    const out: JsonMap = {};
    decodeMapInto(d, n, out, depth + 1);
    return out;
  }
  if (Y.isSeq(n))
    return (n.items as unknown[]).map((item) => {
      // An !!omap's entries arrive as pairs: each is a one-key mapping.
      if (!Y.isPair(item)) return decode(d, item, depth + 1);
      const out: JsonMap = {};
      decodePair(d, item, out, depth + 2);
      return out;
    });
  return null;
}

function scalarValue(d: Decoder, n: { value: unknown; source?: string }): unknown {
  const v = n.value;
  if (typeof v === 'number' && !Number.isFinite(v)) d.sawNonFinite = true;
  // !!binary: the decoded bytes as a Go string, which JSON writes as UTF-8.
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (typeof v === 'symbol') return n.source ?? '';
  return v;
}

function isMergeKey(key: unknown): boolean {
  const Y = yaml();
  return Y.isScalar(key) && key.type === 'PLAIN' && !key.tag && key.source === '<<';
}

function decodeMapInto(d: Decoder, n: { items: unknown[] }, out: JsonMap, depth: number): void {
  for (const pair of n.items as Pair[]) {
    if (isMergeKey(pair.key)) {
      merge(d, pair.value, out, depth);
      continue;
    }
    decodePair(d, pair, out, depth);
  }
}

function decodePair(d: Decoder, pair: Pair, out: JsonMap, depth: number): void {
  const key = decode(d, pair.key, depth);
  if (key !== null && typeof key === 'object') throw new GoYamlError(`yaml: invalid map key: ${goSharpV(key)}`);
  const value = decode(d, pair.value, depth);
  const text = keyText(pair.key, key);
  if (typeof text === 'string') setOwn(out, text, value);
  else d.keyProblem ??= `unsupported map key of type: ${text.type}, key: ${text.shown}, value: ${goSharpV(value)}`;
}

/** sigs.k8s.io/yaml's key conversion: strings, ints, float32 %g, bools; null and uint64 keys are errors. */
function keyText(node: unknown, key: unknown): string | { type: string; shown: string } {
  const Y = yaml();
  if (key === null || key === undefined) return { type: '%!s(<nil>)', shown: '<nil>' };
  if (typeof key === 'boolean') return String(key);
  if (typeof key !== 'number') return String(key);
  const source = Y.isScalar(node) && node.type === 'PLAIN' && !node.tag ? node.source : undefined;
  const resolved = source === undefined ? undefined : resolveNumeric(source);
  if (resolved?.kind === 'int') return resolved.digits;
  if (resolved?.kind === 'uint') return { type: 'uint64', shown: '0x' + BigInt(resolved.digits).toString(16) };
  return float32Text(key);
}

/** strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's names for the special values. */
function float32Text(v: number): string {
  const f = Math.fround(v);
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let shortest = f.toPrecision(9);
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) {
      shortest = s;
      break;
    }
  }
  const [mantissa, e] = Number(shortest).toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(Number(shortest));
}

/** v2's merge: a mapping, an alias of one, or a sequence of them (the first wins) written into `out`. */
function merge(d: Decoder, n: unknown, out: JsonMap, depth: number): void {
  const Y = yaml();
  const wantMap = () => new GoYamlError('yaml: map merge requires map or sequence of maps as the value');
  // Counted as go-yaml counts its unmarshal calls: the alias, then the mapping it names.
  const mergeOne = (m: unknown) => {
    count(d);
    if (!Y.isAlias(m)) return decodeMapInto(d, m as { items: unknown[] }, out, depth);
    expand(d, m, (target) => {
      count(d);
      decodeMapInto(d, target as unknown as { items: unknown[] }, out, depth);
    });
  };
  if (Y.isMap(n)) return mergeOne(n);
  if (Y.isAlias(n)) {
    if (!Y.isMap(d.targets.get(n))) throw wantMap();
    return mergeOne(n);
  }
  if (Y.isSeq(n)) {
    const items = n.items as unknown[];
    for (let i = items.length - 1; i >= 0; i--) {
      const m = items[i];
      if (Y.isAlias(m) ? !Y.isMap(d.targets.get(m)) : !Y.isMap(m)) throw wantMap();
      mergeOne(m);
    }
    return;
  }
  throw wantMap();
}

/** encoding/json refuses infinities and NaN; the first in its (sorted key) order is reported. */
function checkFinite(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) throw new GoYamlError(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`);
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v && typeof v === 'object') {
      const keys = Object.keys(v).sort();
      for (let i = keys.length - 1; i >= 0; i--) stack.push((v as JsonMap)[keys[i]]);
    }
  }
}

/** Go's %#v of a decoded value, for the errors that print one. */
function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  if (typeof v === 'object')
    return `map[interface {}]interface {}{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goSharpV((v as JsonMap)[k])}`)
      .join(', ')}}`;
  return String(v);
}
