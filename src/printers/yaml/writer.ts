// The output buffer with go-yaml's emitter state: the column, whether the last thing written
// was whitespace, and whether the line so far is only indentation. Those two flags decide when
// an indent needs a fresh line, which is what makes "- key: v", "? key" / ": v" and literal
// blocks come out as go-yaml writes them.

export const BEST_WIDTH = 80;

/** Characters in a string, counting a surrogate pair once (go-yaml counts runes). */
function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

export class Writer {
  private out = '';
  column = 0;
  whitespace = true;
  indention = true;

  /** Text without line breaks. */
  put(s: string): void {
    this.out += s;
    this.column += runeCount(s);
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** A line break from a scalar's value: "\n" as a newline, LS/PS written as themselves. */
  writeBreak(c: string): void {
    if (c === '\n') return this.putBreak();
    this.out += c;
    this.column = 0;
  }

  /** yaml_emitter_write_indent: a new line unless already at the indent of a fresh one. */
  writeIndent(indent: number): void {
    const n = Math.max(indent, 0);
    if (!this.indention || this.column > n || (this.column === n && !this.whitespace)) this.putBreak();
    if (this.column < n) this.put(' '.repeat(n - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator. */
  indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  text(): string {
    return this.out;
  }
}
