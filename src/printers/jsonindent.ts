// Go's json.Indent: valid JSON text laid out again, tokens kept as written (numbers, escapes, key
// order), leading space dropped and trailing space kept — what `apply view-last-applied -o json`
// prints of an annotation.
import { parseGoJson } from '../api/meta/gojson';

export function goJsonIndent(text: string, indent: string): string {
  // Go's errors for text that is not JSON ("invalid character ...").
  parseGoJson(text);
  const start = text.search(/[^ \t\r\n]/);
  const end = text.length - (text.length - text.trimEnd().length);
  let out = '';
  let depth = 0;
  let open = false;
  const newline = () => '\n' + indent.repeat(depth);
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (open && ch !== ']' && ch !== '}') {
      open = false;
      depth++;
      out += newline();
    }
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (ch === '{' || ch === '[') {
      out += ch;
      open = true;
    } else if (ch === '}' || ch === ']') {
      if (open) open = false;
      else {
        depth--;
        out += newline();
      }
      out += ch;
    } else if (ch === ',') out += ',' + newline();
    else if (ch === ':') out += ': ';
    else out += ch;
  }
  return out + text.slice(end);
}
