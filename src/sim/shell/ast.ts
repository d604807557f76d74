// The parsed form of a shell program. Nodes live in one flat table and refer to each other by index,
// so a running process can keep the table and its frames (which point into it) as plain JSON.

/** A piece of a word as written; quoting decides what field splitting may touch. */
export type Part =
  /** Unquoted text. */
  | { t: 'lit'; v: string }
  /** Text that was quoted ('…', \x, or literal text inside "…"). */
  | { t: 'q'; v: string }
  /** "…": its parts expand but are never split. */
  | { t: 'dq'; parts: Part[] }
  /** $X, ${X}, ${X:-word} …; op is the operator as written (":-", "#", "%%" …), len for ${#X}. */
  | { t: 'param'; name: string; op?: string; word?: Part[]; len?: boolean }
  /** $(…) or `…`: the program's list node. */
  | { t: 'cmd'; n: number }
  /** $((…)): the expression, itself expanded before it is evaluated. */
  | { t: 'arith'; expr: Part[] };

export type Word = Part[];

export interface Redir {
  fd: number;
  /** '>' '>>' '<' '>&' '<&' '<>' '>|' '&>' '&>>' '<<' '<<-' */
  op: string;
  target: Word;
  /** Here-document body (already split into parts; literal when the delimiter was quoted). */
  body?: Word;
}

export interface Assign {
  name: string;
  value: Word;
}

export type Node =
  | { t: 'list'; items: { n: number; bg: boolean }[] }
  | { t: 'andor'; first: number; rest: { op: '&&' | '||'; n: number }[] }
  | { t: 'pipe'; cmds: number[]; bang: boolean }
  | { t: 'simple'; assigns: Assign[]; words: Word[]; redirs: Redir[]; line: number }
  | { t: 'group'; body: number; redirs: Redir[] }
  | { t: 'sub'; body: number; redirs: Redir[] }
  | { t: 'if'; clauses: { cond: number; body: number }[]; else: number | null; redirs: Redir[] }
  | { t: 'loop'; until: boolean; cond: number; body: number; redirs: Redir[] }
  | { t: 'for'; name: string; words: Word[] | null; body: number; redirs: Redir[] }
  | { t: 'case'; word: Word; items: { pats: Word[]; body: number | null }[]; redirs: Redir[] }
  | { t: 'func'; name: string; body: number };

/** The text of a word that is a plain literal (for reserved words and names), else undefined. */
export function literalOf(w: Word): string | undefined {
  return w.length === 1 && w[0].t === 'lit' ? w[0].v : undefined;
}
