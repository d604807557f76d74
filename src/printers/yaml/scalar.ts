// Strings as go-yaml v2 writes them: libyaml's scalar analysis decides which styles are
// allowed, and the four writers fold long lines past column 80 the way the emitter does.

import { plainIsString } from './resolve';
import { BEST_WIDTH, Writer } from './writer';

type Style = 'plain' | 'single' | 'double' | 'literal';

export interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isSpace = (c: string | undefined) => c === ' ';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankOrEnd = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);

/** libyaml's is_printable: astral characters, U+0085 and U+FEFF are not. */
function isPrintable(c: string): boolean {
  const cp = c.charCodeAt(0);
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** Nothing that any style would treat specially: the common case, checked in one pass. */
const SAFE_PLAIN = /^[A-Za-z0-9/_(](?:[A-Za-z0-9/_.=(),;$^+<>~ -]|:(?! )|#(?<! #))*$/;

/** yaml_emitter_analyze_scalar */
export function analyze(s: string): Analysis {
  if (SAFE_PLAIN.test(s) && !s.endsWith(' ') && !s.endsWith(':')) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  }
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let specialCharacters = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  });
  let blockPlainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators);
  let singleQuotedAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/** The encoder's request (stringv) narrowed by what the emitter allows (select_scalar_style). */
function chooseStyle(s: string, a: Analysis, simpleKey: boolean): Style {
  let style: Style = s.includes('\n') ? 'literal' : plainIsString(s) ? 'plain' : 'double';
  if (style === 'plain' && (!a.blockPlainAllowed || (s.length === 0 && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

function writePlain(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  if (!w.whitespace) w.put(' ');
  if (!allowBreaks || w.column + s.length <= BEST_WIDTH + 1) {
    // No space in it can sit past column 80, so nothing folds.
    w.put(s);
  } else {
    const chars = [...s];
    let spaces = false;
    chars.forEach((c, i) => {
      if (isSpace(c)) {
        if (allowBreaks && !spaces && w.column > BEST_WIDTH && !isSpace(chars[i + 1])) w.writeIndent(indent);
        else w.put(c);
        spaces = true;
      } else {
        w.put(c);
        w.indention = false;
        spaces = false;
      }
    });
  }
  w.whitespace = false;
  w.indention = false;
}

function writeSingle(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  w.indicator("'", true, false, false);
  const chars = [...s];
  let spaces = false;
  let breaks = false;
  chars.forEach((c, i) => {
    if (isSpace(c)) {
      const fold = allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && !isSpace(chars[i + 1]);
      if (fold) w.writeIndent(indent);
      else w.put(c);
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === '\n') w.putBreak();
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent(indent);
      w.put(c === "'" ? "''" : c);
      w.indention = false;
      spaces = false;
      breaks = false;
    }
  });
  w.indicator("'", false, false, false);
  w.whitespace = false;
  w.indention = false;
}

const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\x0b': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function escape(c: string): string {
  const named = ESCAPES[c];
  if (named) return '\\' + named;
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

function writeDouble(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  w.indicator('"', true, false, false);
  // libyaml's BOM test looks at the start of the value for every character: a string that
  // starts with a BOM comes out entirely escaped.
  const escapeAll = s.startsWith('\ufeff');
  const chars = [...s];
  let spaces = false;
  chars.forEach((c, i) => {
    if (escapeAll || !isPrintable(c) || isBreak(c) || c === '"' || c === '\\') {
      w.put(escape(c));
      spaces = false;
    } else if (isSpace(c)) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        w.writeIndent(indent);
        if (isSpace(chars[i + 1])) w.put('\\');
      } else w.put(c);
      spaces = true;
    } else {
      w.put(c);
      spaces = false;
    }
  });
  w.indicator('"', false, false, false);
  w.whitespace = false;
  w.indention = false;
}

/** The block scalar header: an indentation hint for leading blanks, and the chomping mode. */
function literalHints(chars: string[]): string {
  let hints = isSpace(chars[0]) || isBreak(chars[0]) ? '2' : '';
  const n = chars.length;
  if (n === 0 || !isBreak(chars[n - 1])) hints += '-';
  else if (n === 1 || isBreak(chars[n - 2])) hints += '+';
  return hints;
}

function writeLiteral(w: Writer, s: string, indent: number): void {
  w.indicator('|', true, false, false);
  const chars = [...s];
  const hints = literalHints(chars);
  if (hints) w.indicator(hints, false, false, false);
  w.putBreak();
  w.indention = true;
  w.whitespace = true;
  let breaks = true;
  let run = '';
  const flush = () => {
    if (run) w.put(run);
    run = '';
  };
  for (const c of chars) {
    if (isBreak(c)) {
      flush();
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) {
        w.writeIndent(indent);
        breaks = false;
      }
      run += c;
      w.indention = false;
    }
  }
  flush();
}

/**
 * Writes a string scalar whose continuation lines sit at `indent`; a simple key never folds
 * and is never a block scalar.
 */
export function writeString(w: Writer, s: string, indent: number, simpleKey: boolean, a = analyze(s)): void {
  switch (chooseStyle(s, a, simpleKey)) {
    case 'plain':
      return writePlain(w, s, indent, !simpleKey);
    case 'single':
      return writeSingle(w, s, indent, !simpleKey);
    case 'double':
      return writeDouble(w, s, indent, !simpleKey);
    case 'literal':
      return writeLiteral(w, s, indent);
  }
}

/** A scalar that is not a string (null, boolean, number) in plain style. */
export function writePlainText(w: Writer, text: string): void {
  writePlain(w, text, 0, false);
}
