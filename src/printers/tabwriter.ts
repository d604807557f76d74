// Go's text/tabwriter as kubectl configures it: cells end at a tab, columns are aligned per block
// of consecutive lines that share the column, the text after the last tab is never padded.

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
  /**
   * kubectl's fork (liggitt/tabwriter) with RememberWidths: a column is never narrower than it
   * was in an earlier block, so a line without tabs (a cell's text that went on to a new line)
   * breaks the blocks but not the alignment below it.
   */
  rememberWidths?: boolean;
}

/** kubectl get, custom-columns, api-resources, config get-contexts. */
export const GET_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** kubectl describe and rollout history. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * `remembered`: with rememberWidths, the widths kept from earlier flushes of the same writer
 * (kubectl flushes after each event it watches), updated in place.
 */
export function tabwrite(text: string, opts: TabwriterOptions = GET_TABWRITER, remembered: number[] = []): string {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const widths: number[][] = lines.map(() => []);
  // For each column, walk blocks of consecutive lines having that column, nested in the previous column's block.
  const format = (start: number, end: number, col: number): void => {
    let i = start;
    while (i < end) {
      if (lines[i].length - 1 <= col) {
        i++;
        continue;
      }
      let j = i;
      let w = 0;
      while (j < end && lines[j].length - 1 > col) {
        w = Math.max(w, width(lines[j][col]) + opts.padding);
        j++;
      }
      w = Math.max(w, opts.minWidth);
      if (opts.rememberWidths) w = remembered[col] = Math.max(w, remembered[col] ?? 0);
      for (let k = i; k < j; k++) widths[k][col] = w;
      format(i, j, col + 1);
      i = j;
    }
  };
  format(0, lines.length, 0);
  const out = lines.map((cells, li) =>
    cells.map((c, ci) => (ci < cells.length - 1 ? c + ' '.repeat(Math.max(0, widths[li][ci] - width(c))) : c)).join(''),
  );
  return out.join('\n') + (trailingNewline ? '\n' : '');
}
