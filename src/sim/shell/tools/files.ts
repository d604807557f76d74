// File tools over the container's FileSystem: cat, ls, mkdir, touch, rm, cp, mv, tee, ln, chmod.
// Error wording is coreutils' (Debian images) or busybox's (ash images).
import { resolvePath } from '../expand';
import type { FileSystem } from '../host';
import { formatDate } from './date';
import type { Tool, ToolContext, ToolOutput } from './registry';

/** Splits `-abc` style flags from operands (a lone `-` and everything after `--` are operands). */
export function splitArgs(args: string[], withValue: string[] = []): { flags: Set<string>; values: Record<string, string>; operands: string[] } {
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) values[a.slice(0, eq)] = a.slice(eq + 1);
      else flags.add(a);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (withValue.includes(f)) {
          values[f] = j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? '');
          break;
        }
        flags.add(f);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

/** Reads the operands (or stdin for none or `-`); false when one was missing. */
export function readInputs(ctx: ToolContext, o: ToolOutput, operands: string[], missing: (name: string) => string): { texts: string[]; ok: boolean; blocked: boolean } {
  const texts: string[] = [];
  let ok = true;
  let blocked = false;
  for (const name of operands.length ? operands : ['-']) {
    if (name === '-') {
      const s = ctx.stdin();
      texts.push(s.text);
      if (!s.eof) blocked = true;
      continue;
    }
    const path = resolvePath(ctx.cwd, name);
    const data = path === '/dev/null' ? '' : ctx.host.fs.read(path);
    if (data === undefined) {
      o.err(ctx.host.fs.isDir(path) ? `${ctx.argv[0]}: ${ctx.busybox ? 'read error' : name}: Is a directory\n` : missing(name));
      ok = false;
      continue;
    }
    texts.push(data);
  }
  return { texts, ok, blocked };
}

const cat: Tool = (ctx, o) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const r = readInputs(ctx, o, operands, (n) => (ctx.busybox ? `cat: can't open '${n}': No such file or directory\n` : `cat: ${n}: No such file or directory\n`));
  let text = r.texts.join('');
  if (flags.has('n')) {
    const lines = text.split('\n');
    const trailing = text.endsWith('\n');
    if (trailing) lines.pop();
    text = lines.map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join('') + (trailing || !text ? '' : '');
  }
  o.out(text);
  if (r.blocked) o.forever();
  return r.ok ? 0 : 1;
};

function exists(fs: FileSystem, p: string): boolean {
  return fs.read(p) !== undefined || fs.isDir(p);
}

function lsDate(ms: number): string {
  return formatDate('%b %e %H:%M', ms);
}

const ls: Tool = (ctx, o) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const fs = ctx.host.fs;
  const long = flags.has('l');
  const all = flags.has('a');
  const almost = flags.has('A');
  const dirOnly = flags.has('d');
  const names = operands.length ? operands : ['.'];
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const n of names) {
    const p = resolvePath(ctx.cwd, n);
    if (!exists(fs, p)) {
      o.err(ctx.busybox ? `ls: ${n}: No such file or directory\n` : `ls: cannot access '${n}': No such file or directory\n`);
      status = ctx.busybox ? 1 : 2;
      continue;
    }
    if (fs.isDir(p) && !dirOnly) dirs.push(n);
    else files.push(n);
  }
  const entry = (name: string, path: string): { name: string; dir: boolean; size: number } => {
    const dir = fs.isDir(path);
    return { name, dir, size: dir ? 4096 : (fs.read(path) ?? '').length };
  };
  const render = (entries: { name: string; dir: boolean; size: number }[], total: boolean): string => {
    if (!long) return entries.map((e) => `${e.name}\n`).join('');
    const sizeW = Math.max(1, ...entries.map((e) => String(e.size).length));
    const linkW = 1;
    let out = '';
    if (total) out += `total ${entries.reduce((s, e) => s + (e.dir ? 4 : Math.ceil(e.size / 4096) * 4), 0)}\n`;
    for (const e of entries) {
      const mode = e.dir ? 'drwxr-xr-x' : '-rw-r--r--';
      const links = e.dir ? 2 : 1;
      if (ctx.busybox) out += `${mode} ${String(links).padStart(4)} root     root     ${String(e.size).padStart(9)} ${lsDate(ctx.now)} ${e.name}\n`;
      else out += `${mode} ${String(links).padStart(linkW)} root root ${String(e.size).padStart(sizeW)} ${lsDate(ctx.now)} ${e.name}\n`;
    }
    return out;
  };
  const chunks: string[] = [];
  if (files.length) chunks.push(render(files.sort().map((n) => entry(n, resolvePath(ctx.cwd, n))), false));
  for (const d of dirs.sort()) {
    const p = resolvePath(ctx.cwd, d);
    let kids = (fs.list(p) ?? []).filter((k) => all || almost || !k.startsWith('.'));
    if (all) kids = ['.', '..', ...kids];
    const body = render(kids.map((k) => entry(k, k === '.' ? p : k === '..' ? resolvePath(p, '..') : `${p.replace(/\/$/, '')}/${k}`)), true);
    chunks.push(names.length > 1 ? `${d}:\n${body}` : body);
  }
  o.out(chunks.join('\n'));
  return status;
};

const mkdir: Tool = (ctx, o) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1), ['m']);
  const fs = ctx.host.fs;
  let status = 0;
  const fail = (n: string, why: string): void => {
    o.err(ctx.busybox ? `mkdir: can't create directory '${n}': ${why}\n` : `mkdir: cannot create directory '${n}': ${why}\n`);
    status = 1;
  };
  for (const n of operands) {
    const p = resolvePath(ctx.cwd, n);
    if (flags.has('p')) {
      const segs = p.split('/').filter(Boolean);
      let cur = '';
      for (const s of segs) {
        cur += `/${s}`;
        if (fs.isDir(cur)) continue;
        if (fs.read(cur) !== undefined || !fs.mkdir(cur)) {
          fail(n, fs.read(cur) !== undefined ? 'Not a directory' : 'Permission denied');
          break;
        }
      }
      continue;
    }
    if (exists(fs, p)) fail(n, 'File exists');
    else if (!fs.isDir(resolvePath(p, '..'))) fail(n, 'No such file or directory');
    else if (!fs.mkdir(p)) fail(n, 'Permission denied');
  }
  if (!operands.length) {
    o.err(ctx.busybox ? 'Usage: mkdir [-m MODE] [-p] DIRECTORY...\n' : "mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  return status;
};

const touch: Tool = (ctx, o) => {
  const { operands } = splitArgs(ctx.argv.slice(1), ['d', 't', 'r']);
  let status = 0;
  for (const n of operands) {
    const p = resolvePath(ctx.cwd, n);
    if (exists(ctx.host.fs, p)) continue;
    if (!ctx.host.fs.write(p, '', true)) {
      o.err(ctx.busybox ? `touch: ${n}: No such file or directory\n` : `touch: cannot touch '${n}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

function removeTree(fs: FileSystem, p: string): void {
  if (fs.isDir(p)) for (const k of fs.list(p) ?? []) removeTree(fs, `${p.replace(/\/$/, '')}/${k}`);
  fs.remove(p);
}

const rm: Tool = (ctx, o) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  const fs = ctx.host.fs;
  let status = 0;
  for (const n of operands) {
    const p = resolvePath(ctx.cwd, n);
    if (!exists(fs, p)) {
      if (!force) {
        o.err(ctx.busybox ? `rm: can't remove '${n}': No such file or directory\n` : `rm: cannot remove '${n}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (fs.isDir(p) && !recursive) {
      o.err(ctx.busybox ? `rm: '${n}' is a directory\n` : `rm: cannot remove '${n}': Is a directory\n`);
      status = 1;
      continue;
    }
    removeTree(fs, p);
  }
  return status;
};

function copyTree(fs: FileSystem, from: string, to: string): void {
  if (fs.isDir(from)) {
    if (!fs.isDir(to)) fs.mkdir(to);
    for (const k of fs.list(from) ?? []) copyTree(fs, `${from}/${k}`, `${to}/${k}`);
  } else fs.write(to, fs.read(from) ?? '', false);
}

function copyOrMove(move: boolean): Tool {
  return (ctx, o) => {
    const { flags, operands } = splitArgs(ctx.argv.slice(1));
    const name = ctx.argv[0];
    const fs = ctx.host.fs;
    if (operands.length < 2) {
      o.err(ctx.busybox ? `Usage: ${name} [OPTIONS] SOURCE... DIRECTORY\n` : `${name}: missing file operand\nTry '${name} --help' for more information.\n`);
      return 1;
    }
    const dest = operands[operands.length - 1];
    const destPath = resolvePath(ctx.cwd, dest);
    let status = 0;
    for (const src of operands.slice(0, -1)) {
      const sp = resolvePath(ctx.cwd, src);
      if (!exists(fs, sp)) {
        o.err(ctx.busybox ? `${name}: can't ${move ? 'rename' : 'stat'} '${src}': No such file or directory\n` : `${name}: cannot stat '${src}': No such file or directory\n`);
        status = 1;
        continue;
      }
      if (fs.isDir(sp) && !move && !flags.has('r') && !flags.has('R') && !flags.has('a')) {
        o.err(ctx.busybox ? `cp: omitting directory '${src}'\n` : `cp: -r not specified; omitting directory '${src}'\n`);
        status = 1;
        continue;
      }
      const target = fs.isDir(destPath) ? `${destPath.replace(/\/$/, '')}/${sp.slice(sp.lastIndexOf('/') + 1)}` : destPath;
      if (!fs.isDir(resolvePath(target, '..'))) {
        o.err(ctx.busybox ? `${name}: can't create '${dest}': No such file or directory\n` : `${name}: cannot create regular file '${dest}': No such file or directory\n`);
        status = 1;
        continue;
      }
      copyTree(fs, sp, target);
      if (move) removeTree(fs, sp);
    }
    return status;
  };
}

const tee: Tool = (ctx, o) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const input = ctx.stdin();
  let status = 0;
  for (const n of operands) {
    if (!ctx.host.fs.write(resolvePath(ctx.cwd, n), input.text, flags.has('a'))) {
      o.err(ctx.busybox ? `tee: can't open '${n}': No such file or directory\n` : `tee: ${n}: No such file or directory\n`);
      status = 1;
    }
  }
  o.out(input.text);
  if (!input.eof) o.forever();
  return status;
};

const ln: Tool = (ctx, o) => {
  const { operands } = splitArgs(ctx.argv.slice(1));
  const fs = ctx.host.fs;
  if (operands.length < 2) return 0;
  const src = resolvePath(ctx.cwd, operands[0]);
  let dst = resolvePath(ctx.cwd, operands[1]);
  if (fs.isDir(dst)) dst = `${dst}/${src.slice(src.lastIndexOf('/') + 1)}`;
  if (exists(fs, dst)) {
    o.err(ctx.busybox ? `ln: ${operands[1]}: File exists\n` : `ln: failed to create symbolic link '${operands[1]}': File exists\n`);
    return 1;
  }
  const data = fs.read(src);
  if (data !== undefined) fs.write(dst, data, false);
  return 0;
};

const chmod: Tool = (ctx, o) => {
  const { operands } = splitArgs(ctx.argv.slice(1));
  let status = 0;
  for (const n of operands.slice(1)) {
    if (!exists(ctx.host.fs, resolvePath(ctx.cwd, n))) {
      o.err(ctx.busybox ? `chmod: ${n}: No such file or directory\n` : `chmod: cannot access '${n}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

export const FILE_TOOLS: Record<string, Tool> = { cat, ls, mkdir, touch, rm, cp: copyOrMove(false), mv: copyOrMove(true), tee, ln, chmod };
