// kubectl cp's client side, on the local disk: makeTar (what is sent to `tar -xmf -` in the
// container) and untarAll (what is made of `tar cf -`'s output), with Go's os errors and
// filepath.Glob, which kubectl applies to the local source.
import * as fs from 'node:fs';
import { type TarEntry, TarError, readTar } from '../../../api/tar';
import { CliError } from '../../errors';
import type { Output } from '../../io';
import { base, clean, dir, isRelative, join, localPath, remotePath } from './filespec';

const GO_ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'file exists',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** Go's *PathError text for a failed Node call. */
function pathError(op: string, path: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new CliError(`${op} ${path}: ${GO_ERRNO[code] ?? (e as Error).message}`);
}

function lstat(path: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(path);
  } catch {
    return undefined;
  }
}

// ---- filepath.Glob ----------------------------------------------------------------------------

const hasMeta = (p: string) => /[*?[\\]/.test(p);
const BAD_PATTERN = 'syntax error in pattern';

/** filepath.Match's pattern as a regular expression; throws ErrBadPattern's text. */
function patternRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      if (++i >= pattern.length) throw new CliError(BAD_PATTERN);
      re += pattern[i].replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    } else if (ch === '[') {
      let j = i + 1;
      let cls = '';
      if (pattern[j] === '^') {
        cls += '^';
        j++;
      }
      let first = true;
      for (; j < pattern.length && (first || pattern[j] !== ']'); j++, first = false) {
        let c = pattern[j];
        if (c === '\\') c = pattern[++j] ?? '';
        if (c === '' || c === '/') throw new CliError(BAD_PATTERN);
        cls += c.replace(/[\]\\^-]/g, '\\$&');
        if (pattern[j + 1] === '-' && pattern[j + 2] !== ']' && j + 2 < pattern.length) {
          let hi = pattern[j + 2];
          j += 2;
          if (hi === '\\') hi = pattern[++j] ?? '';
          if (!hi || hi < c) throw new CliError(BAD_PATTERN);
          cls += `-${hi.replace(/[\]\\^-]/g, '\\$&')}`;
        }
      }
      if (j >= pattern.length || cls === '' || cls === '^') throw new CliError(BAD_PATTERN);
      re += `[${cls.startsWith('^') ? `^/${cls.slice(1)}` : cls}]`;
      i = j;
    } else re += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

/** filepath.Glob: the paths matching pattern, in directory order (sorted). */
export function glob(pattern: string): string[] {
  if (!hasMeta(pattern)) return lstat(pattern) ? [pattern] : [];
  const slash = pattern.lastIndexOf('/');
  let d = slash < 0 ? '.' : pattern.slice(0, slash + 1);
  const file = pattern.slice(slash + 1);
  d = d === '/' ? d : d.length > 1 ? d.slice(0, -1) : d;
  const re = patternRegExp(file);
  const dirs = hasMeta(d) ? glob(d) : [d];
  const out: string[] = [];
  for (const dd of dirs) {
    let names: string[];
    try {
      if (!fs.statSync(dd).isDirectory()) continue;
      names = fs.readdirSync(dd).sort();
    } catch {
      continue;
    }
    for (const n of names) if (re.test(n)) out.push(slash < 0 && dd === '.' ? n : clean(`${dd}/${n}`));
  }
  return out;
}

// ---- makeTar ----------------------------------------------------------------------------------

export interface TarOptions {
  /** Told when a file's bytes are not UTF-8 text (the simulated container keeps text). */
  notText(path: string): void;
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

/** The entries kubectl's makeTar writes for local `src` to land at remote `dest`. */
export function makeTar(src: string, dest: string, opts: TarOptions): TarEntry[] {
  const entries: TarEntry[] = [];
  const srcPath = clean(src);
  const destPath = clean(dest);
  recursiveTar(dir(srcPath), base(srcPath), base(destPath), entries, opts);
  return entries;
}

function recursiveTar(srcDir: string, srcFile: string, destFile: string, out: TarEntry[], opts: TarOptions): void {
  for (const fpath of glob(join(srcDir, srcFile))) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(fpath);
    } catch (e) {
      throw pathError('lstat', fpath, e);
    }
    const mtime = stat.mtimeMs;
    const mode = stat.mode & 0o7777;
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(fpath).sort();
      } catch (e) {
        throw pathError('open', fpath, e);
      }
      if (!names.length) out.push({ name: destFile, type: 'dir', data: new Uint8Array(0), mode, mtime });
      for (const n of names) recursiveTar(srcDir, join(srcFile, n), remotePath(join(destFile, n)), out, opts);
      // kubectl stops at the first match that is a directory or a file.
      return;
    }
    if (stat.isSymbolicLink()) {
      out.push({ name: destFile, type: 'symlink', data: new Uint8Array(0), mode, mtime, linkname: fs.readlinkSync(fpath) });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(fpath);
    } catch (e) {
      throw pathError('open', fpath, e);
    }
    const text = decoder.decode(bytes);
    const data = utf8.encode(text);
    if (Buffer.compare(Buffer.from(data), bytes) !== 0) opts.notText(fpath);
    out.push({ name: destFile, type: 'file', data, mode, mtime });
    return;
  }
}

// ---- untarAll ---------------------------------------------------------------------------------

/** os.MkdirAll with its errors. */
function mkdirAll(path: string): void {
  const st = (() => {
    try {
      return fs.statSync(path);
    } catch {
      return undefined;
    }
  })();
  if (st) {
    if (st.isDirectory()) return;
    throw new CliError(`mkdir ${path}: not a directory`);
  }
  let i = path.length;
  while (i > 0 && path[i - 1] === '/') i--;
  let j = i;
  while (j > 0 && path[j - 1] !== '/') j--;
  if (j > 1) mkdirAll(path.slice(0, j - 1));
  try {
    fs.mkdirSync(path, 0o755);
  } catch (e) {
    if (lstat(path)?.isDirectory()) return;
    throw pathError('mkdir', path, e);
  }
}

export interface UntarContext {
  namespace: string;
  pod: string;
  /** The remote path as given (for the symlink warning's suggestion). */
  src: string;
  errOut: Output;
}

/** Writes the archive's members under local `dest`, as kubectl's untarAll does. */
export function untarAll(bytes: Uint8Array, prefix: string, dest: string, ctx: UntarContext): void {
  let symlinkWarned = false;
  const reader = readTar(bytes);
  for (;;) {
    let h: TarEntry | undefined;
    try {
      h = reader.next();
    } catch (e) {
      if (e instanceof TarError) throw new CliError(e.message);
      throw e;
    }
    if (!h) return;
    if (!h.name.startsWith(prefix)) throw new CliError('tar contents corrupted');
    const target = localPath(join(dest, remotePath(h.name.slice(prefix.length))));
    if (!isRelative(dest, target)) {
      ctx.errOut.write(`warning: file ${JSON.stringify(target)} is outside target destination, skipping\n`);
      continue;
    }
    mkdirAll(dir(target));
    if (h.type === 'dir') {
      mkdirAll(target);
      continue;
    }
    if (h.type === 'symlink') {
      if (!symlinkWarned) {
        symlinkWarned = true;
        ctx.errOut.write(
          `warning: skipping symlink: ${JSON.stringify(target)} -> ${JSON.stringify(h.linkname ?? '')} (consider using "kubectl exec -n ${JSON.stringify(ctx.namespace)} ${JSON.stringify(ctx.pod)} -- tar cf - ${JSON.stringify(ctx.src)} | tar xf -")\n`,
        );
        continue;
      }
      ctx.errOut.write(`warning: skipping symlink: ${JSON.stringify(target)} -> ${JSON.stringify(h.linkname ?? '')}\n`);
      continue;
    }
    try {
      fs.writeFileSync(target, h.data);
    } catch (e) {
      throw pathError('open', target, e);
    }
  }
}
