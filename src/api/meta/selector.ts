// Label selectors: the string form of `-l` (apimachinery labels.Parse), the structured
// LabelSelector of specs, matching, and kubectl's printed form.
import type { LabelSelector, Labels } from '../types';

export type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

export class SelectorParseError extends Error {
  constructor(
    message: string,
    /** Raised inside one requirement: Go prefixes these with "unable to parse requirement: ". */
    readonly inRequirement = false,
  ) {
    super(message);
  }
}

export function matches(selector: Selector, labels: Labels | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => matchesRequirement(r, l));
}

function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.op) {
    case '=':
    case 'in':
      return has && r.values.includes(v);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      // strconv.ParseInt(v, 10, 64): decimal digits with an optional sign, nothing else.
      if (!has || !/^[+-]?[0-9]+$/.test(v)) return false;
      const n = BigInt(v);
      const bound = BigInt(r.values[0]);
      return r.op === 'gt' ? n > bound : n < bound;
    }
  }
}

/** A structured LabelSelector as requirements; `undefined` selects nothing, `{}` everything. */
export function fromLabelSelector(sel: LabelSelector | undefined): Selector | null {
  if (!sel) return null;
  const reqs: Requirement[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {})) reqs.push({ key: k, op: '=', values: [sel.matchLabels![k]] });
  for (const e of sel.matchExpressions ?? []) {
    const op: Operator =
      e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    reqs.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return reqs;
}

/** True when the structured selector selects the labels (a nil selector selects nothing). */
export function labelSelectorMatches(sel: LabelSelector | undefined, labels: Labels | undefined): boolean {
  const s = fromLabelSelector(sel);
  return s !== null && matches(s, labels);
}

/**
 * kubectl's FormatLabelSelector: the selector's requirements sorted by key; matchLabels print
 * "k=v", In/NotIn "k in (a,b)", Exists "k", DoesNotExist "!k"; `<none>` when empty.
 */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const parts: { key: string; text: string }[] = [];
  for (const k of Object.keys(sel?.matchLabels ?? {})) parts.push({ key: k, text: `${k}=${sel!.matchLabels![k]}` });
  for (const e of sel?.matchExpressions ?? []) {
    const vals = [...new Set(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${vals})` : e.operator === 'NotIn' ? `${e.key} notin (${vals})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  const sorted = parts.map((p, i) => ({ ...p, i })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return sorted.length ? sorted.map((p) => p.text).join(',') : '<none>';
}

/** `k=v` pairs sorted by key, joined by ","; `<none>` when empty (kubectl's FormatLabels). */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** Parses the string form accepted by `-l`/`--selector` (apimachinery's labels.Parse). */
export function parseSelector(text: string): Selector {
  const reqs = new Parser(lex(text)).parse();
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// ---- lexer ------------------------------------------------------------------------------------

type Token =
  | 'error'
  | 'end'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'identifier'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

interface Item {
  tok: Token;
  lit: string;
}

const KEYWORDS: Record<string, Token> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(' };

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c);

function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'end', lit: '' });
      return items;
    }
    if (isSpecial(s[pos])) {
      // The longest run of special characters that is still a known operator.
      let buf = '';
      let last: Item | undefined;
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos];
        const tok = KEYWORDS[buf];
        if (tok) {
          last = { tok, lit: buf };
          pos++;
        } else if (last) break;
        else pos++;
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
      continue;
    }
    let buf = '';
    while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) buf += s[pos++];
    const tok = KEYWORDS[buf];
    items.push({ tok: tok === 'in' || tok === 'notin' ? tok : 'identifier', lit: buf });
  }
}

// ---- parser -----------------------------------------------------------------------------------

const fail = (message: string, inRequirement = false): never => {
  throw new SelectorParseError(message, inRequirement);
};

/** A requirement's key and values must be a qualified name and label values (NewRequirement). */
function newRequirement(key: string, op: Operator, values: string[]): Requirement {
  const keyErrors = isQualifiedNameLite(key);
  if (keyErrors) fail(`key: Invalid value: ${JSON.stringify(key)}: ${keyErrors}`, true);
  if (op === 'gt' || op === 'lt') {
    if (!/^[+-]?[0-9]+$/.test(values[0] ?? '')) fail(`values[0][${key}]: Invalid value: ${JSON.stringify(values[0] ?? '')}: for 'Gt', 'Lt' operators, the value must be an integer`, true);
  } else {
    values.forEach((v, i) => {
      const err = labelValueErrorLite(v);
      if (err) fail(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${err}`, true);
    });
  }
  return { key, op, values };
}

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}

  /** In value context the keywords "in" and "notin" are plain identifiers. */
  private lookahead(values: boolean): Item {
    const it = this.items[this.pos];
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'identifier', lit: it.lit } : it;
  }

  private consume(values: boolean): Item {
    const it = this.lookahead(values);
    this.pos++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      if (tok === 'end') return reqs;
      if (tok !== 'identifier' && tok !== '!') fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
      reqs.push(this.requirement());
      const next = this.consume(true);
      if (next.tok === 'end') return reqs;
      if (next.tok !== ',') fail(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.lookahead(true);
      if (after.tok !== 'identifier' && after.tok !== '!') fail(`found '${after.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let op: Operator | undefined;
    let { tok, lit } = this.consume(true);
    if (tok === '!') {
      op = '!';
      ({ tok, lit } = this.consume(true));
    }
    if (tok !== 'identifier') fail(`found '${lit}', expected: identifier`, true);
    const key = lit;
    const next = this.lookahead(true).tok;
    if (next === 'end' || next === ',') return newRequirement(key, op ?? 'exists', []);
    if (op === '!') return newRequirement(key, '!', []);
    const operator = this.operator();
    const values = operator === 'in' || operator === 'notin' ? this.valueSet() : this.exactValue();
    return newRequirement(key, operator, values);
  }

  private operator(): Operator {
    const { tok, lit } = this.consume(false);
    switch (tok) {
      case 'in':
        return 'in';
      case 'notin':
        return 'notin';
      case '=':
      case '==':
        return '=';
      case '!=':
        return '!=';
      case '>':
        return 'gt';
      case '<':
        return 'lt';
      default:
        return fail(`found '${lit}', expected: in, notin, =, ==, !=, gt, lt`, true);
    }
  }

  private valueSet(): string[] {
    const open = this.consume(true);
    if (open.tok !== '(') fail(`found '${open.lit}' expected: '('`, true);
    const { tok, lit } = this.lookahead(true);
    if (tok === ')') {
      this.consume(true);
      return [''];
    }
    if (tok !== 'identifier' && tok !== ',') fail(`found '${lit}', expected: ',', ')' or identifier`, true);
    const values = new Set<string>();
    for (;;) {
      const item = this.consume(true);
      if (item.tok === 'identifier') {
        values.add(item.lit);
        const after = this.lookahead(true);
        if (after.tok === ',') continue;
        if (after.tok === ')') break;
        fail(`found '${after.lit}', expected: ',' or ')'`, true);
      } else if (item.tok === ',') {
        if (!values.size) values.add('');
        const after = this.lookahead(true);
        if (after.tok === ')') {
          values.add('');
          break;
        }
        if (after.tok === ',') {
          this.consume(true);
          values.add('');
        }
      } else fail(`found '${item.lit}', expected: ',', or identifier`, true);
    }
    const close = this.consume(true);
    if (close.tok !== ')') fail(`found '${lit}', expected: ')'`, true);
    return [...values].sort();
  }

  private exactValue(): string[] {
    const { tok } = this.lookahead(true);
    if (tok === 'end' || tok === ',') return [''];
    const item = this.consume(true);
    if (item.tok === 'identifier') return [item.lit];
    return fail(`found '${item.lit}', expected: identifier`, true);
  }
}

// Label syntax, kept here so that selectors stay free of the validation package's messages.
const QUALIFIED_NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function isQualifiedNameLite(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
  const name = parts[parts.length - 1];
  if (parts.length === 2 && (!parts[0] || parts[0].length > 253 || !DNS_SUBDOMAIN_RE.test(parts[0]))) return 'prefix part must be a DNS-1123 subdomain';
  if (!name || name.length > 63 || !QUALIFIED_NAME_RE.test(name)) return 'name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character, at most 63 characters';
  return undefined;
}

function labelValueErrorLite(v: string): string | undefined {
  if (v.length > 63) return 'must be no more than 63 characters';
  if (!LABEL_VALUE_RE.test(v)) return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

/**
 * metav1.ParseToLabelSelector: `-l` syntax as a structured selector — equalities as matchLabels,
 * set-based requirements as matchExpressions (values sorted); `!=`, `gt` and `lt` have no form there.
 */
export function parseToLabelSelector(text: string): LabelSelector {
  let reqs: Selector;
  try {
    reqs = parseSelector(text);
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    throw new SelectorParseError(`couldn't parse the selector string "${text}": ${e.inRequirement ? 'unable to parse requirement: ' : ''}${e.message}`);
  }
  const out: LabelSelector = {};
  const OPS: Partial<Record<Operator, 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'>> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of reqs) {
    if (r.op === '=') {
      (out.matchLabels ??= {})[r.key] = r.values[0]!;
      continue;
    }
    if (r.op === 'gt' || r.op === 'lt') throw new SelectorParseError(`"${r.op}" isn't supported in label selectors`);
    const operator = OPS[r.op];
    if (!operator) throw new SelectorParseError(`"${r.op}" is not a valid label selector operator`);
    const expr: NonNullable<LabelSelector['matchExpressions']>[number] = { key: r.key, operator };
    if (r.values.length) expr.values = [...r.values].sort();
    (out.matchExpressions ??= []).push(expr);
  }
  return out;
}
