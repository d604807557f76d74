// kubectl's -o custom-columns and -o custom-columns-file (pkg/cmd/get/customcolumn.go): a header
// and a relaxed JSONPath per column; each cell is every value the path finds, printed as Go's %v
// and joined by commas, or <none>; the header is printed once, even over an empty list, and the
// table is aligned as kubectl's tabwriter aligns it (widths remembered down the table).
import { JsonPath, JsonPathError, parseJsonPath, relaxedJsonPath } from './jsonpath';
import { formatV } from './jsonpath/gofmt';
import { GET_TABWRITER, tabwrite } from './tabwriter';

/** A spec or template that kubectl refuses; the message is kubectl's, without "error: ". */
export class CustomColumnsError extends Error {
  override readonly name = 'CustomColumnsError';
}

export interface ColumnSpec {
  header: string;
  /** The full JSONPath template ({.metadata.name}), parsed when printing as kubectl does. */
  fieldSpec: string;
}

const FILE_FORMAT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

function relaxed(expr: string): string {
  try {
    return relaxedJsonPath(expr);
  } catch (e) {
    if (e instanceof JsonPathError) throw new CustomColumnsError(e.message);
    throw e;
  }
}

/** The columns of `-o custom-columns=HEADER:PATH,...`. */
export function columnsFromSpec(spec: string): ColumnSpec[] {
  if (!spec) throw new CustomColumnsError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new CustomColumnsError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxed(part.slice(colon + 1)) };
  });
}

/** bufio.ScanWords: words between Unicode white space. */
const words = (line: string) => line.split(/[\s\u0085\u00a0]+/u).filter((w) => w !== '');

/** bufio.Scanner's lines: split at \n, a \r before it dropped. */
function scanLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The columns of a custom-columns file: a line of headers, then a line of paths. */
export function columnsFromTemplate(text: string): ColumnSpec[] {
  const lines = scanLines(text);
  if (lines.length < 1) throw new CustomColumnsError(`invalid template, missing header line. ${FILE_FORMAT}`);
  if (lines.length < 2) throw new CustomColumnsError(`invalid template, missing spec line. ${FILE_FORMAT}`);
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) throw new CustomColumnsError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return headers.map((header, i) => ({ header, fieldSpec: relaxed(specs[i]) }));
}

/** printers.EscapeTerminal: what a terminal would act on, made visible. */
const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

export class CustomColumnsPrinter {
  constructor(
    private readonly columns: ColumnSpec[],
    private readonly noHeaders: boolean,
  ) {}

  /**
   * The text for a list of objects (one object is a list of one). The header comes first, as
   * kubectl writes it before it parses the paths; a path that does not parse ends the output
   * there: the text so far comes with a CustomColumnsError. `remembered`: the widths of what the
   * same writer printed before (a watch prints line after line).
   */
  print(objects: readonly unknown[], remembered: number[] = []): { text: string; error?: CustomColumnsError } {
    const lines: string[] = [];
    if (!this.noHeaders) lines.push(this.columns.map((c) => c.header).join('\t'));
    const render = () => (lines.length ? tabwrite(lines.join('\n') + '\n', { ...GET_TABWRITER, rememberWidths: true }, remembered) : '');
    let paths: JsonPath[];
    try {
      paths = this.columns.map((c) => new JsonPath(parseJsonPath(c.fieldSpec), true));
    } catch (e) {
      if (e instanceof JsonPathError) return { text: render(), error: new CustomColumnsError(e.message) };
      throw e;
    }
    for (const obj of objects) {
      const cells: string[] = [];
      for (const path of paths) {
        let results: unknown[][];
        try {
          results = path.findResults(obj);
        } catch (e) {
          // What was written so far is still flushed, as kubectl's deferred Flush does.
          if (e instanceof JsonPathError) return { text: render(), error: new CustomColumnsError(e.message) };
          throw e;
        }
        const values: string[] = !results.length || !results[0].length ? ['<none>'] : [];
        for (const found of results) for (const v of found) values.push(escapeTerminal(formatV(v)));
        cells.push(values.join(','));
      }
      lines.push(cells.join('\t'));
    }
    return { text: render() };
  }
}
