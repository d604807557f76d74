// $(( … )): C-like integer arithmetic over shell variables, as dash and ash evaluate it
// (64-bit wrap-around is not modelled; JavaScript integers are exact to 2^53).

export class ArithError extends Error {
  constructor(
    /** 'zero' division by zero; 'syntax' a malformed expression; 'number' a variable that is not a number. */
    readonly kind: 'zero' | 'syntax' | 'number',
    readonly expr: string,
    readonly detail = '',
  ) {
    super(kind);
  }
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** busybox ash allows `**`; dash does not. */
  power: boolean;
  /** ash evaluates a variable holding a name as that name; dash calls it an illegal number. */
  lenient: boolean;
}

type Tok = { k: 'num'; v: number } | { k: 'name'; v: string } | { k: 'op'; v: string };

const OPS = ['<<=', '>>=', '**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '++', '--',
  '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '?', ':', '=', '(', ')'];

function tokenize(src: string, vars: ArithVars): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      out.push({ k: 'num', v: parseNumber(num[0], src) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push({ k: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op || (op === '**' && !vars.power)) throw new ArithError('syntax', src);
    out.push({ k: 'op', v: op });
    i += op.length;
  }
  return out;
}

function parseNumber(text: string, expr: string): number {
  if (/^0[xX]/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]+$/.test(text)) return parseInt(text, 8);
  if (/^[0-9]+$/.test(text)) return parseInt(text, 10);
  throw new ArithError('number', expr, text);
}

/** Evaluates an arithmetic expression; assignments go through `vars`. */
export function evalArith(src: string, vars: ArithVars): number {
  const toks = tokenize(src, vars);
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const isOp = (v: string): boolean => {
    const t = toks[i];
    return !!t && t.k === 'op' && t.v === v;
  };
  const fail = (): never => {
    throw new ArithError('syntax', src);
  };

  const valueOf = (name: string, depth = 0): number => {
    const raw = vars.get(name) ?? '';
    const text = raw.trim();
    if (text === '') return 0;
    if (/^-?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(text)) return text.startsWith('-') ? -parseNumber(text.slice(1), src) : parseNumber(text, src);
    if (vars.lenient && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) && depth < 10) return valueOf(text, depth + 1);
    throw new ArithError('number', src, raw);
  };

  // Each level returns [value, lvalue name if the result is a bare variable].
  type R = { v: number; name?: string };

  const primary = (): R => {
    const t = peek();
    if (!t) return fail();
    if (t.k === 'num') {
      i++;
      return { v: t.v };
    }
    if (t.k === 'name') {
      i++;
      return { v: valueOf(t.v), name: t.v };
    }
    if (t.v === '(') {
      i++;
      const r = comma();
      if (!isOp(')')) fail();
      i++;
      return { v: r.v };
    }
    return fail();
  };

  const unary = (): R => {
    const t = peek();
    if (t && t.k === 'op') {
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        i++;
        const r = unary();
        return { v: t.v === '-' ? -r.v : t.v === '+' ? r.v : t.v === '!' ? Number(!r.v) : ~r.v };
      }
      if (t.v === '++' || t.v === '--') {
        i++;
        const r = unary();
        if (!r.name) fail();
        const v = r.v + (t.v === '++' ? 1 : -1);
        vars.set(r.name!, String(v));
        return { v };
      }
    }
    const r = primary();
    if (r.name && (isOp('++') || isOp('--'))) {
      const d = isOp('++') ? 1 : -1;
      i++;
      vars.set(r.name, String(r.v + d));
      return { v: r.v };
    }
    return r;
  };

  const power = (): R => {
    const base = unary();
    if (isOp('**')) {
      i++;
      const e = power();
      return { v: base.v ** e.v };
    }
    return base;
  };

  const LEVELS: string[][] = [['*', '/', '%'], ['+', '-'], ['<<', '>>'], ['<', '<=', '>', '>='], ['==', '!='], ['&'], ['^'], ['|']];
  const binary = (level: number): R => {
    if (level < 0) return power();
    let left = binary(level - 1);
    for (;;) {
      const t = peek();
      if (!t || t.k !== 'op' || !LEVELS[level].includes(t.v)) return left;
      i++;
      const right = binary(level - 1);
      left = { v: apply(t.v, left.v, right.v) };
    }
  };

  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '*': return a * b;
      case '/': if (b === 0) throw new ArithError('zero', src); return Math.trunc(a / b);
      case '%': if (b === 0) throw new ArithError('zero', src); return a % b;
      case '+': return a + b;
      case '-': return a - b;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '<': return Number(a < b);
      case '<=': return Number(a <= b);
      case '>': return Number(a > b);
      case '>=': return Number(a >= b);
      case '==': return Number(a === b);
      case '!=': return Number(a !== b);
      case '&': return a & b;
      case '^': return a ^ b;
      case '|': return a | b;
    }
    return fail();
  };

  const logicalAnd = (): R => {
    let left = binary(LEVELS.length - 1);
    while (isOp('&&')) {
      i++;
      const right = binary(LEVELS.length - 1);
      left = { v: Number(!!left.v && !!right.v) };
    }
    return left;
  };

  const logicalOr = (): R => {
    let left = logicalAnd();
    while (isOp('||')) {
      i++;
      const right = logicalAnd();
      left = { v: Number(!!left.v || !!right.v) };
    }
    return left;
  };

  const ternary = (): R => {
    const c = logicalOr();
    if (!isOp('?')) return c;
    i++;
    const a = assignment();
    if (!isOp(':')) fail();
    i++;
    const b = assignment();
    return { v: c.v ? a.v : b.v };
  };

  const assignment = (): R => {
    const start = i;
    const t = peek();
    const n = toks[i + 1];
    if (t && t.k === 'name' && n && n.k === 'op' && /^([-+*/%&|^]|<<|>>)?=$/.test(n.v)) {
      i += 2;
      const r = assignment();
      const op = n.v.slice(0, -1);
      const v = op ? apply(op, valueOf(t.v), r.v) : r.v;
      vars.set(t.v, String(v));
      return { v };
    }
    i = start;
    return ternary();
  };

  const comma = (): R => assignment();

  if (!toks.length) return 0;
  const r = comma();
  if (i < toks.length) fail();
  return r.v;
}
