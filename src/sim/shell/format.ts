// printf(1) formatting as dash, busybox and coreutils do it: the format is reused until the
// arguments run out; a bad number prints 0 and makes the status 1.

/** How a command reads backslash escapes: printf's format and %b, or echo's (dash, echo -e). */
export interface EscapeRules {
  /** \0NNN (%b, echo) rather than \NNN (a printf format). */
  octalNeedsZero: boolean;
  /** Only \0NNN is octal; \1..\7 stay as written (echo). */
  octalOnlyAfterZero?: boolean;
  /** \xHH, \" and \' (printf, not echo). */
  printfOnly: boolean;
}

export function unescapeBackslashes(s: string, rules: EscapeRules): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b' };
    if (rules.printfOnly) Object.assign(simple, { '"': '"', "'": "'" });
    if (simple[n] !== undefined) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (/[0-7]/.test(n) && (n === '0' || !rules.octalOnlyAfterZero)) {
      const zero = n === '0' && rules.octalNeedsZero;
      const m = /^[0-7]{0,3}/.exec(s.slice(zero ? i + 1 : i))![0];
      out += String.fromCharCode(parseInt(m || '0', 8) & 255);
      i += m.length - (zero ? 0 : 1);
    } else if (n === 'x' && rules.printfOnly) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

function toNumber(arg: string, bad: string[]): number {
  const a = arg.trim();
  if (a === '') return 0;
  if (/^['"]/.test(a)) return a.codePointAt(1) ?? 0;
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(a)) return parseInt(a, 16);
  if (/^[-+]?0[0-7]+$/.test(a)) return parseInt(a, 8);
  if (/^[-+]?[0-9]+$/.test(a)) return parseInt(a, 10);
  const lead = /^[-+]?[0-9]+/.exec(a);
  bad.push(arg);
  return lead ? parseInt(lead[0], 10) : 0;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

export function formatPrintf(format: string, args: string[]): { out: string; bad: string[] } {
  const bad: string[] = [];
  let out = '';
  let ai = 0;
  const next = (): string | undefined => args[ai++];
  for (;;) {
    const startAi = ai;
    let consumed = false;
    let i = 0;
    while (i < format.length) {
      const c = format[i];
      if (c === '\\') {
        const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/.exec(format.slice(i))!;
        const r = unescapeBackslashes(m[0], { octalNeedsZero: false, printfOnly: true });
        out += r.text;
        if (r.stop) return { out, bad };
        i += m[0].length;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      const spec = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([a-zA-Z%])/.exec(format.slice(i));
      if (!spec) {
        out += c;
        i++;
        continue;
      }
      i += spec[0].length;
      const conv = spec[4];
      if (conv === '%') {
        out += '%';
        continue;
      }
      const flags = spec[1];
      let width = spec[2] === '*' ? toNumber(next() ?? '', bad) : Number(spec[2] ?? 0);
      const precRaw = spec[3] === '*' ? String(toNumber(next() ?? '', bad)) : spec[3];
      const prec = precRaw === undefined ? undefined : Number(precRaw || 0);
      const arg = next();
      if (arg !== undefined) consumed = true;
      const left = flags.includes('-') || width < 0;
      width = Math.abs(width);
      const zero = flags.includes('0') && !left;
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b': {
          const r = unescapeBackslashes(arg ?? '', { octalNeedsZero: true, printfOnly: true });
          s = r.text;
          if (r.stop) return { out: out + pad(s, width, left, false), bad };
          break;
        }
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u': {
          const n = Math.trunc(toNumber(arg ?? '', bad));
          s = String(Math.abs(n));
          if (prec !== undefined) s = s.padStart(prec, '0');
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          out += pad(s, width, left, zero && prec === undefined);
          continue;
        }
        case 'x':
        case 'X':
        case 'o': {
          const n = Math.trunc(toNumber(arg ?? '', bad));
          const u = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n);
          s = u.toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (flags.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          out += pad(s, width, left, zero);
          continue;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const a = (arg ?? '').trim();
          let n = Number(a);
          if (a === '') n = 0;
          else if (Number.isNaN(n)) {
            bad.push(arg!);
            n = parseFloat(a) || 0;
          }
          const p = prec ?? 6;
          if (conv === 'f' || conv === 'F') s = n.toFixed(p);
          else if (conv === 'e' || conv === 'E') s = n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
          else s = String(Number(n.toPrecision(p || 1)));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (n >= 0 && flags.includes('+')) s = `+${s}`;
          out += pad(s, width, left, zero);
          continue;
        }
        default:
          s = '';
      }
      out += pad(s, width, left, false);
    }
    if (!consumed || ai >= args.length || ai === startAi) break;
  }
  return { out, bad };
}
