// kubectl's env files (cmd/util/env_file.go AddFromEnvFile), read as Go reads them: bytes split by
// bufio.Scanner's lines (a trailing \r dropped; a line past its 64 KiB token limit ends the file
// silently, as kubectl ignores the scanner's error), each checked for UTF-8, the BOM trimmed from
// the first line only, leading Unicode space trimmed, blank lines and # comments skipped, the key
// held to IsEnvVarName, and a bare key taking its value from the environment.
import * as fs from 'node:fs';
import { goQuote } from '../../../api/meta/goquote';
import { envVarNameProblems } from '../../../api/validation/envvar';
import { CliError } from '../../errors';
import { goPathError } from '../../gofile';

/** bufio.MaxScanTokenSize: a line (with its newline) must fit in the scanner's buffer. */
const MAX_TOKEN = 64 * 1024;

/** unicode.IsSpace, which bytes.TrimLeftFunc trims (JavaScript's \s would also take the BOM). */
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

function isUtf8(b: Buffer): boolean {
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}

/** Each key and value of the env file `file`, handed to `add` in order; Go's error texts thrown. */
export function addFromEnvFile(file: string, env: (key: string) => string | undefined, add: (key: string, value: string) => void): void {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new CliError(goPathError('open', file, e));
  }
  let lineNo = 0;
  for (let start = 0; start < bytes.length; lineNo++) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    if (end - start >= MAX_TOKEN) return;
    let line = bytes.subarray(start, end);
    start = nl < 0 ? bytes.length : nl + 1;
    if (line.length && line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
    if (!isUtf8(line)) throw new CliError(`env file ${file} contains invalid utf8 bytes at line ${lineNo + 1}: [${[...line].join(' ')}]`);
    let text = line.toString('utf8');
    if (lineNo === 0 && text.startsWith('\ufeff')) text = text.slice(1);
    text = text.replace(LEADING_SPACE, '');
    if (!text || text.startsWith('#')) continue;
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    const problems = envVarNameProblems(key);
    if (problems.length) throw new CliError(`${goQuote(key)} is not a valid key name: ${problems.join(';')}`);
    add(key, eq < 0 ? (env(key) ?? '') : text.slice(eq + 1));
  }
}
