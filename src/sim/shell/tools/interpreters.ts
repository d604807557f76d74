// Just enough perl and python for the one-liners container examples use: printing string literals,
// sleeping, exiting, and perl's bignum pi. stdout is block-buffered when it is not a terminal (as
// both really are), so output appears at exit unless $| = 1, -u or PYTHONUNBUFFERED says otherwise.
import { piDigits } from './pi';
import type { Tool, ToolContext, ToolOutput } from './registry';

/** Splits a one-liner into statements at `;` and newlines outside quotes. */
function statements(src: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      cur += c;
      if (c === '\\') cur += src[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === '(') depth++;
    if (c === ')') depth--;
    if ((c === ';' || c === '\n') && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function unescapeDouble(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '0': '\0', e: '\x1b' })[c] ?? c);
}

/** A comma-separated list of literals (and, for perl, bpi(N)); undefined when it is anything else. */
function literals(src: string, perl: boolean): string[] | undefined {
  const out: string[] = [];
  let s = src.trim();
  while (s) {
    let m: RegExpExecArray | null;
    if ((m = /^"((?:[^"\\]|\\.)*)"/.exec(s))) out.push(unescapeDouble(m[1]));
    else if ((m = /^'((?:[^'\\]|\\.)*)'/.exec(s))) out.push(perl ? m[1].replace(/\\(['\\])/g, '$1') : unescapeDouble(m[1]));
    else if ((m = /^-?\d+(\.\d+)?/.exec(s))) out.push(String(Number(m[0])));
    else if (perl && (m = /^bpi\(\s*(\d+)\s*\)/.exec(s))) out.push(piDigits(Number(m[1])));
    else return undefined;
    s = s.slice(m[0].length).trim();
    if (s.startsWith(',') || (perl && s.startsWith('.'))) s = s.slice(1).trim();
    else if (s) return undefined;
  }
  return out;
}

class Buffered {
  private pending = '';
  constructor(
    private readonly o: ToolOutput,
    public unbuffered: boolean,
  ) {}

  write(text: string): void {
    if (this.unbuffered) this.o.out(text);
    else this.pending += text;
  }

  flush(): void {
    this.o.out(this.pending);
    this.pending = '';
  }
}

const perl: Tool = (ctx, o) => {
  const args = ctx.argv.slice(1);
  let code: string | undefined;
  let lineEnd = '';
  let bignum = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '--version') {
      o.out('\nThis is perl 5, version 40, subversion 0 (v5.40.0) built for x86_64-linux-gnu\n\nCopyright 1987-2024, Larry Wall\n\nPerl may be copied only under the terms of either the Artistic License or the\nGNU General Public License, which may be found in the Perl 5 source kit.\n\nComplete documentation for Perl, including FAQ lists, should be found on\nthis system using "man perl" or "perldoc perl".  If you have access to the\nInternet, point your browser at https://www.perl.org/, the Perl Home Page.\n\n');
      return 0;
    }
    if (a.startsWith('-M')) {
      if (/^-Mbig(num|float|int)/.test(a)) bignum = true;
      continue;
    }
    if (/^-[wlnpsTtWXa]*e$/.test(a) || /^-[wlnpsTtWXa]*E$/.test(a)) {
      if (a.includes('l')) lineEnd = '\n';
      code = args[++i];
      continue;
    }
    if (/^-[wlTtWX]+$/.test(a)) {
      if (a.includes('l')) lineEnd = '\n';
      continue;
    }
    if (!a.startsWith('-')) {
      o.err(`Can't open perl script "${a}": No such file or directory\n`);
      return 2;
    }
  }
  if (code === undefined) {
    const input = ctx.stdin();
    if (!input.eof) {
      o.forever();
      return 0;
    }
    code = input.text;
  }
  const out = new Buffered(o, false);
  for (const st of statements(code)) {
    let m: RegExpExecArray | null;
    if (/^\$\|\s*=\s*1$/.test(st) || /^\$\|\+\+$/.test(st) || /^use\s+strict|^use\s+warnings/.test(st)) {
      out.unbuffered = true;
      continue;
    }
    if ((m = /^print\s*\((.*)\)$/s.exec(st)) || (m = /^print\s+(.*)$/s.exec(st))) {
      const items = literals(m[1], true);
      if (items && (bignum || !m[1].includes('bpi'))) {
        out.write(items.join('') + lineEnd);
        continue;
      }
      if (m[1].includes('bpi') && !bignum) {
        out.flush();
        o.err(`Undefined subroutine &main::bpi called at -e line 1.\n`);
        return 255;
      }
    } else if ((m = /^sleep\s*\(?\s*(\d+(?:\.\d+)?)\s*\)?$/.exec(st))) {
      o.sleep(Math.floor(Number(m[1])) * 1000);
      continue;
    } else if ((m = /^exit\s*\(?\s*(\d*)\s*\)?$/.exec(st))) {
      out.flush();
      return Number(m[1] || 0) & 255;
    }
    out.flush();
    const near = st.length > 20 ? st.slice(0, 20) : st;
    o.err(`syntax error at -e line 1, near "${near}"\nExecution of -e aborted due to compilation errors.\n`);
    return 255;
  }
  out.flush();
  return 0;
};

function pythonError(o: ToolOutput, line: string, kind: 'syntax' | 'name'): number {
  if (kind === 'syntax') o.err(`  File "<string>", line 1\n    ${line}\n    ^\nSyntaxError: invalid syntax\n`);
  else {
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(line)?.[0] ?? line;
    o.err(`Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nNameError: name '${name.split('.')[0]}' is not defined\n`);
  }
  return 1;
}

function python(ctx: ToolContext, o: ToolOutput): number {
  const args = ctx.argv.slice(1);
  let code: string | undefined;
  let unbuffered = !!ctx.env.PYTHONUNBUFFERED;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-V' || a === '--version') {
      o.out('Python 3.13.2\n');
      return 0;
    }
    if (a === '-u') unbuffered = true;
    else if (a === '-c') {
      code = args[++i];
      break;
    } else if (!a.startsWith('-')) {
      o.err(`${ctx.argv[0]}: can't open file '${a.startsWith('/') ? a : `${ctx.cwd.replace(/\/$/, '')}/${a}`}': [Errno 2] No such file or directory\n`);
      return 2;
    }
  }
  if (code === undefined) {
    const input = ctx.stdin();
    if (!input.eof) {
      o.forever();
      return 0;
    }
    code = input.text;
  }
  const out = new Buffered(o, unbuffered);
  const imported = new Set<string>();
  for (const st of statements(code)) {
    let m: RegExpExecArray | null;
    if ((m = /^import\s+([\w., ]+)$/.exec(st))) {
      for (const mod of m[1].split(',')) imported.add(mod.trim());
      continue;
    }
    if ((m = /^print\((.*)\)$/s.exec(st))) {
      const flush = /,\s*flush\s*=\s*True\s*$/.exec(m[1]);
      const body = flush ? m[1].slice(0, flush.index) : m[1];
      const items = literals(body, false);
      if (!items) {
        out.flush();
        return pythonError(o, st, /^[A-Za-z_]/.test(body.trim()) ? 'name' : 'syntax');
      }
      out.write(`${items.join(' ')}\n`);
      if (flush) out.flush();
      continue;
    }
    if ((m = /^time\.sleep\(\s*(\d+(?:\.\d+)?)\s*\)$/.exec(st))) {
      if (!imported.has('time')) {
        out.flush();
        return pythonError(o, st, 'name');
      }
      o.sleep(Math.round(Number(m[1]) * 1000));
      continue;
    }
    if ((m = /^sys\.exit\(\s*(\d*)\s*\)$/.exec(st)) || (m = /^exit\(\s*(\d*)\s*\)$/.exec(st))) {
      out.flush();
      return Number(m[1] || 0) & 255;
    }
    if (st === 'pass') continue;
    out.flush();
    return pythonError(o, st, /^[A-Za-z_][\w.]*\(/.test(st) ? 'name' : 'syntax');
  }
  out.flush();
  return 0;
}

/** nginx -v / -V / -t; anything else is the server, which the runtime models (it runs for good). */
const nginx: Tool = (ctx, o) => {
  const version = ctx.env.NGINX_VERSION ?? '1.27.3';
  const a = ctx.argv[1];
  if (a === '-v') o.err(`nginx version: nginx/${version}\n`);
  else if (a === '-V') o.err(`nginx version: nginx/${version}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.11 19 Sep 2023\nTLS SNI support enabled\n`);
  else if (a === '-t' || a === '-T') o.err('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
  else o.forever();
  return 0;
};

export const SCRIPT_TOOLS: Record<string, Tool> = { perl, python, python3: python, nginx };
