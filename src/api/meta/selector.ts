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

export class SelectorParseError extends Error {}

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
      if (!has) return false;
      const n = Number(v);
      if (!Number.isInteger(n)) return false;
      return r.op === 'gt' ? n > Number(r.values[0]) : n < Number(r.values[0]);
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

/** kubectl's FormatLabelSelector: "app=web,tier in (a,b)"; `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const parts: string[] = [];
  for (const k of Object.keys(sel?.matchLabels ?? {}).sort()) parts.push(`${k}=${sel!.matchLabels![k]}`);
  for (const e of sel?.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort();
    switch (e.operator) {
      case 'In':
        parts.push(vals.length === 1 ? `${e.key}=${vals[0]}` : `${e.key} in (${vals.join(',')})`);
        break;
      case 'NotIn':
        parts.push(vals.length === 1 ? `${e.key}!=${vals[0]}` : `${e.key} notin (${vals.join(',')})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
    }
  }
  return parts.length ? parts.join(',') : '<none>';
}

/** `k=v` pairs sorted by key, joined by ","; `<none>` when empty (kubectl's FormatLabels). */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** Parses the string form accepted by `-l`/`--selector`. */
export function parseSelector(text: string): Selector {
  const p = new Parser(text);
  return p.parse();
}

class Parser {
  private pos = 0;
  constructor(private readonly s: string) {}

  parse(): Selector {
    const reqs: Requirement[] = [];
    this.skipSpace();
    if (this.pos >= this.s.length) return reqs;
    for (;;) {
      reqs.push(this.requirement());
      this.skipSpace();
      if (this.pos >= this.s.length) break;
      if (this.s[this.pos] !== ',') throw new SelectorParseError(`found '${this.s[this.pos]}', expected: ',' or 'end of string'`);
      this.pos++;
    }
    return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private requirement(): Requirement {
    this.skipSpace();
    let negate = false;
    if (this.s[this.pos] === '!') {
      negate = true;
      this.pos++;
      this.skipSpace();
    }
    const key = this.identifier();
    if (!key) throw new SelectorParseError(`found '${this.s[this.pos] ?? ''}', expected: identifier`);
    if (negate) return { key, op: '!', values: [] };
    this.skipSpace();
    const rest = this.s.slice(this.pos);
    if (rest === '' || rest.startsWith(',')) return { key, op: 'exists', values: [] };
    let op: Operator;
    if (rest.startsWith('==')) {
      op = '=';
      this.pos += 2;
    } else if (rest.startsWith('!=')) {
      op = '!=';
      this.pos += 2;
    } else if (rest.startsWith('=')) {
      op = '=';
      this.pos += 1;
    } else if (rest.startsWith('>')) {
      op = 'gt';
      this.pos += 1;
    } else if (rest.startsWith('<')) {
      op = 'lt';
      this.pos += 1;
    } else if (/^notin\b/.test(rest)) {
      op = 'notin';
      this.pos += 5;
    } else if (/^in\b/.test(rest)) {
      op = 'in';
      this.pos += 2;
    } else {
      throw new SelectorParseError(`found '${this.identifierPreview()}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    this.skipSpace();
    if (op === 'in' || op === 'notin') return { key, op, values: this.valueSet() };
    const value = this.identifier();
    return { key, op, values: [value] };
  }

  private valueSet(): string[] {
    if (this.s[this.pos] !== '(') throw new SelectorParseError(`found '${this.s[this.pos] ?? ''}', expected: '('`);
    this.pos++;
    const values: string[] = [];
    for (;;) {
      this.skipSpace();
      values.push(this.identifier());
      this.skipSpace();
      const c = this.s[this.pos];
      this.pos++;
      if (c === ')') break;
      if (c !== ',') throw new SelectorParseError(`found '${c ?? ''}', expected: ',' or ')'`);
    }
    return values.sort();
  }

  private identifier(): string {
    const m = /^[^\s,=!()<>]*/.exec(this.s.slice(this.pos))!;
    this.pos += m[0].length;
    return m[0];
  }

  private identifierPreview(): string {
    return /^[^\s,]*/.exec(this.s.slice(this.pos))![0];
  }

  private skipSpace(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
  }
}
