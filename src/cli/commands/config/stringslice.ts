// pflag's StringSlice flag: each value is read as one record of CSV by Go's encoding/csv
// (readAsCSV), so `--exec-arg=a,b` is two values, `"a,b"` one, empty fields stay, a newline
// ends the record, and a stray quote is refused with csv's ParseError text. Values add up over
// repeats. (cli/program.ts's collectSlice splits on commas only; the flags of set-credentials
// write what they read into the file, so they read as pflag does.)
import { InvalidArgumentError } from '../../command';

class CsvError extends Error {}

/** Go's csv.ParseError text: lines and 1-based byte columns. */
function parseError(startLine: number, line: number, column: number, what: string): CsvError {
  if (startLine !== line) return new CsvError(`record on line ${startLine}; parse error on line ${line}, column ${column}: ${what}`);
  return new CsvError(`parse error on line ${line}, column ${column}: ${what}`);
}

const BARE_QUOTE = 'bare " in non-quoted-field';
const QUOTE = 'extraneous or missing " in quoted-field';

/** The input's lines as csv's readLine gives them: each with its "\n" (CRLF made LF), the last one without when the text ends without it. */
function lines(input: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  while (start < input.length) {
    const nl = input.indexOf(0x0a, start);
    let line = input.subarray(start, nl < 0 ? input.length : nl + 1);
    start = nl < 0 ? input.length : nl + 1;
    if (nl < 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    const n = line.length;
    if (n >= 2 && line[n - 2] === 0x0d && line[n - 1] === 0x0a) line = Buffer.concat([line.subarray(0, n - 2), Buffer.from('\n')]);
    out.push(line);
  }
  return out;
}

const nlLength = (b: Buffer) => (b.length > 0 && b[b.length - 1] === 0x0a ? 1 : 0);

/** The first record of `value` (csv.Reader.Read with its defaults); "" is no values. Throws CsvError. */
export function readCsvRecord(value: string): string[] {
  if (value === '') return [];
  const all = lines(Buffer.from(value, 'utf8'));
  let next = 0;
  // Blank lines before the record are skipped; none left is io.EOF.
  while (next < all.length && all[next].length === nlLength(all[next])) next++;
  if (next >= all.length) throw new CsvError('EOF');
  let lineNo = next + 1;
  const recLine = lineNo;
  let line = all[next++];
  const fields: string[] = [];
  let col = 1;
  for (;;) {
    if (line.length === 0 || line[0] !== 0x22) {
      const comma = line.indexOf(0x2c);
      const field = comma >= 0 ? line.subarray(0, comma) : line.subarray(0, line.length - nlLength(line));
      const quote = field.indexOf(0x22);
      if (quote >= 0) throw parseError(recLine, lineNo, col + quote, BARE_QUOTE);
      fields.push(field.toString('utf8'));
      if (comma < 0) return fields;
      line = line.subarray(comma + 1);
      col += comma + 1;
      continue;
    }
    // A quoted field: up to its closing quote, across lines; "" is a quote.
    line = line.subarray(1);
    col += 1;
    const parts: Buffer[] = [];
    for (;;) {
      const q = line.indexOf(0x22);
      if (q >= 0) {
        parts.push(line.subarray(0, q));
        line = line.subarray(q + 1);
        col += q + 1;
        if (line[0] === 0x22) {
          parts.push(Buffer.from('"'));
          line = line.subarray(1);
          col += 1;
        } else if (line[0] === 0x2c) {
          line = line.subarray(1);
          col += 1;
          fields.push(Buffer.concat(parts).toString('utf8'));
          break;
        } else if (nlLength(line) === line.length) {
          fields.push(Buffer.concat(parts).toString('utf8'));
          return fields;
        } else throw parseError(recLine, lineNo, col - 1, QUOTE);
      } else if (line.length > 0) {
        parts.push(line);
        col += line.length;
        if (next >= all.length) {
          line = Buffer.alloc(0);
          continue;
        }
        line = all[next++];
        lineNo++;
        col = 1;
      } else throw parseError(recLine, lineNo, col, QUOTE);
    }
  }
}

/** The StringSlice flag's value parser: this value's fields after the ones before. */
export function stringSlice(value: string, previous: string[] | undefined): string[] {
  try {
    return [...(previous ?? []), ...readCsvRecord(value)];
  } catch (e) {
    if (e instanceof CsvError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}
