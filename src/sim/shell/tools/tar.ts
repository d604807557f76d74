// tar over the container's files: create (c), extract (x) and list (t), with f, C, v, m and the
// ownership/permission flags kubectl cp passes. GNU tar's words on Debian images, busybox's on ash
// images. The archive travels as text whose UTF-8 bytes are the archive (file contents are text
// here, so every archive this tar writes is valid UTF-8), so `kubectl exec -- tar cf -` prints
// a real tarball and `kubectl cp` reads one.
import { type TarEntry, TarError, readTar, writeTar } from '../../../api/tar';
import { resolvePath } from '../expand';
import type { FileSystem } from '../host';
import type { Tool, ToolContext, ToolOutput } from './registry';

const utf8 = new TextEncoder();
/** Invalid UTF-8 becomes U+FFFD: the simulated files hold text. */
const decoder = new TextDecoder();

/** GNU tar's record: archives are padded to 20 blocks. */
const GNU_RECORD = 10240;

interface TarArgs {
  mode?: 'c' | 'x' | 't';
  file?: string;
  dir?: string;
  verbose: boolean;
  operands: string[];
  bad?: string;
}

/** Options taking a value, short and long. */
const VALUE_SHORT = new Set(['f', 'C']);
const LONG: Record<string, string> = { '--file': 'f', '--directory': 'C', '--create': 'c', '--extract': 'x', '--get': 'x', '--list': 't', '--verbose': 'v' };
/** Accepted and without effect on these files (no owners, modes or times are kept). */
const IGNORED_LONG = new Set(['--no-same-permissions', '--no-same-owner', '--same-owner', '--same-permissions', '--preserve-permissions', '--touch', '--numeric-owner', '--overwrite']);
const IGNORED_SHORT = new Set(['m', 'p', 'o']);

function parseArgs(args: string[]): TarArgs {
  const r: TarArgs = { verbose: false, operands: [] };
  const pending: string[] = [];
  const apply = (flag: string, value?: string): void => {
    if (flag === 'c' || flag === 'x' || flag === 't') r.mode = flag;
    else if (flag === 'v') r.verbose = true;
    else if (flag === 'f') r.file = value;
    else if (flag === 'C') r.dir = value;
    else if (!IGNORED_SHORT.has(flag)) r.bad ??= flag;
  };
  const bundle = (letters: string, rest: string[], inline: boolean): void => {
    for (let j = 0; j < letters.length; j++) {
      const f = letters[j];
      if (VALUE_SHORT.has(f)) {
        // `-fX` takes the rest of the word; the old `cf X` form takes the next word.
        if (inline && j + 1 < letters.length) return apply(f, letters.slice(j + 1));
        apply(f, rest.shift());
        if (!inline) continue;
        return;
      }
      apply(f);
    }
  };
  const rest = [...args];
  // The traditional first word without a dash: `tar cf - dir`.
  if (rest.length && !rest[0].startsWith('-')) bundle(rest.shift()!, rest, false);
  while (rest.length) {
    const a = rest.shift()!;
    if (a === '--') {
      pending.push(...rest.splice(0));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (IGNORED_LONG.has(name)) continue;
      const short = LONG[name];
      if (!short) {
        r.bad ??= name;
        continue;
      }
      apply(short, VALUE_SHORT.has(short) ? (eq > 0 ? a.slice(eq + 1) : rest.shift()) : undefined);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      bundle(a.slice(1), rest, true);
      continue;
    }
    pending.push(a);
  }
  r.operands = pending;
  return r;
}

/**
 * How much of a member name tar drops: leading slashes and everything up to a `..` component.
 * GNU drops through the last `..` component, busybox through each `/../`.
 */
function unsafePrefix(name: string, busybox: boolean): number {
  if (busybox) {
    let i = 0;
    for (;;) {
      if (name[i] === '/') i++;
      else if (name.startsWith('../', i)) i += 3;
      else {
        const j = name.indexOf('/../', i);
        if (j < 0) return i;
        i = j + 4;
      }
    }
  }
  let prefix = 0;
  let p = 0;
  while (p < name.length) {
    if (name.startsWith('..', p) && (name[p + 2] === '/' || p + 2 === name.length)) prefix = p + 2;
    while (p < name.length) if (name[p++] === '/') break;
  }
  while (name[prefix] === '/') prefix++;
  return prefix;
}

class Tar {
  private failed = false;
  private readonly warned = new Set<string>();
  /** -v: each member's name as it is handled. */
  private verboseOut?: (name: string) => void;

  constructor(
    private readonly ctx: ToolContext,
    private readonly o: ToolOutput,
  ) {}

  private get fs(): FileSystem {
    return this.ctx.host.fs;
  }

  private get busybox(): boolean {
    return this.ctx.busybox;
  }

  /** The member name tar stores for a path as given, warning once per prefix dropped. */
  safeName(name: string): string {
    const cut = unsafePrefix(name, this.busybox);
    if (!cut) return name;
    const prefix = name.slice(0, cut);
    const once = this.busybox ? '' : prefix;
    if (!this.warned.has(once)) {
      this.warned.add(once);
      this.o.err(this.busybox ? `tar: removing leading '${prefix}' from member names\n` : `tar: Removing leading \`${prefix}' from member names\n`);
    }
    return name.slice(cut) || (this.busybox ? '.' : './');
  }

  error(text: string): void {
    this.o.err(`tar: ${text}\n`);
    this.failed = true;
  }

  /** The status tar ends with, with GNU's closing line after errors. */
  finish(): number {
    if (!this.failed) return 0;
    if (this.busybox) return 1;
    this.o.err('tar: Exiting with failure status due to previous errors\n');
    return 2;
  }

  fatal(text: string): number {
    this.o.err(`tar: ${text}\n`);
    if (!this.busybox) this.o.err('tar: Error is not recoverable: exiting now\n');
    return this.busybox ? 1 : 2;
  }

  /** busybox's bb_error_msg_and_die: the message and status 1. */
  private die(text: string): number {
    this.o.err(`tar: ${text}\n`);
    return 1;
  }

  /** -C's directory; undefined (after the error) when it is not one. */
  chdir(base: string, dir: string | undefined): string | undefined {
    if (dir === undefined) return base;
    const path = resolvePath(base, dir);
    if (this.fs.isDir(path)) return path;
    const why = this.fs.read(path) !== undefined ? 'Not a directory' : 'No such file or directory';
    if (this.busybox) this.o.err(`tar: can't change directory to '${dir}': ${why}\n`);
    else this.fatal(`${dir}: Cannot open: ${why}`);
    return undefined;
  }

  create(args: TarArgs, cwd: string): number {
    if (!args.operands.length) {
      if (this.busybox) return this.die('empty archive');
      this.o.err("tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n");
      return 2;
    }
    const entries: TarEntry[] = [];
    const now = this.ctx.now;
    // `given` is the path as named (errors quote it); the member name drops its unsafe prefix.
    const add = (given: string, path: string): void => {
      const gnuName = this.busybox ? '' : this.safeName(given);
      const isDir = this.fs.isDir(path);
      const text = isDir ? undefined : this.fs.read(path);
      if (!isDir && text === undefined) {
        this.error(this.busybox ? `${given}: No such file or directory` : `${given}: Cannot stat: No such file or directory`);
        return;
      }
      const name = this.busybox ? this.safeName(given) : gnuName;
      if (!isDir) {
        entries.push({ name, type: 'file', data: utf8.encode(text!), mode: 0o644, mtime: now });
        this.verboseOut?.(name);
        return;
      }
      const dirName = name.endsWith('/') ? name : `${name}/`;
      entries.push({ name: dirName, type: 'dir', data: new Uint8Array(0), mode: 0o755, mtime: now });
      this.verboseOut?.(dirName);
      for (const child of this.fs.list(path) ?? []) add(`${given.replace(/\/+$/, '')}/${child}`, `${path === '/' ? '' : path}/${child}`);
    };
    for (const operand of args.operands) {
      const given = operand.length > 1 ? operand.replace(/\/+$/, '') : operand;
      add(given, resolvePath(cwd, operand));
    }
    const archive = writeTar(entries, this.busybox ? 1024 : GNU_RECORD);
    const text = decoder.decode(archive);
    if (args.file === undefined || args.file === '-') this.o.out(text);
    else if (!this.fs.write(resolvePath(cwd, args.file), text, false)) return this.fatal(`${args.file}: Cannot open: No such file or directory`);
    return this.finish();
  }

  setVerbose(args: TarArgs): void {
    if (!args.verbose) return;
    // With the archive on stdout, GNU tar lists on stderr.
    const toErr = args.mode === 'c' && (args.file === undefined || args.file === '-');
    this.verboseOut = (name) => (toErr ? this.o.err(`${name}\n`) : this.o.out(`${name}\n`));
  }

  /** The archive's bytes (stdin or a file); undefined when it could not be opened (after the error). */
  private input(args: TarArgs, cwd: string): Uint8Array | 'blocked' | undefined {
    if (args.file === undefined || args.file === '-') {
      const s = this.ctx.stdin();
      if (!s.eof) return 'blocked';
      return utf8.encode(s.text);
    }
    const text = this.fs.read(resolvePath(cwd, args.file));
    if (text === undefined) {
      this.o.err(this.busybox ? `tar: can't open '${args.file}': No such file or directory\n` : `tar: ${args.file}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n`);
      return undefined;
    }
    return utf8.encode(text);
  }

  read(args: TarArgs, cwd: string, extract: boolean): number {
    const bytes = this.input(args, cwd);
    if (bytes === 'blocked') {
      this.o.forever();
      return 0;
    }
    if (!bytes) return this.busybox ? 1 : 2;
    const dir = extract ? this.chdir(cwd, args.dir) : cwd;
    if (dir === undefined) return this.busybox ? 1 : 2;
    const reader = readTar(bytes);
    for (let first = true; ; first = false) {
      let e: TarEntry | undefined;
      try {
        e = reader.next();
      } catch (err) {
        if (!(err instanceof TarError)) throw err;
        if (this.busybox) return this.die(err.message === 'unexpected EOF' ? 'short read' : 'invalid tar magic');
        if (err.message === 'unexpected EOF') return this.fatal('Unexpected EOF in archive');
        this.error(first ? 'This does not look like a tar archive' : 'Skipping to next header');
        return this.finish();
      }
      if (!e) break;
      const name = this.safeName(e.name);
      if (!extract) {
        this.o.out(`${name}\n`);
        continue;
      }
      this.verboseOut?.(name);
      this.extract(e, name, dir);
    }
    return this.finish();
  }

  private mkdirs(path: string): boolean {
    if (this.fs.isDir(path)) return true;
    if (this.fs.read(path) !== undefined) return false;
    const parent = path.lastIndexOf('/') <= 0 ? '/' : path.slice(0, path.lastIndexOf('/'));
    return this.mkdirs(parent) && this.fs.mkdir(path);
  }

  private extract(e: TarEntry, name: string, dir: string): void {
    const path = resolvePath(dir, name);
    const shown = name.replace(/\/$/, '') || '.';
    const parent = path.lastIndexOf('/') <= 0 ? '/' : path.slice(0, path.lastIndexOf('/'));
    if (e.type === 'dir') {
      if (!this.mkdirs(path)) this.error(this.busybox ? `can't create directory '${shown}': File exists` : `${shown}: Cannot mkdir: File exists`);
      return;
    }
    if (!this.mkdirs(parent)) {
      this.error(this.busybox ? `can't create directory '${shown}': Not a directory` : `${shown}: Cannot open: Not a directory`);
      return;
    }
    if (e.type === 'symlink') {
      // These files have no links.
      this.error(this.busybox ? `can't create symlink '${shown}' to '${e.linkname ?? ''}': Operation not supported` : `${shown}: Cannot create symlink to '${e.linkname ?? ''}': Operation not supported`);
      return;
    }
    if (this.fs.isDir(path)) {
      this.error(this.busybox ? `can't open '${shown}': Is a directory` : `${shown}: Cannot open: Is a directory`);
      return;
    }
    if (!this.fs.write(path, decoder.decode(e.data), false)) this.error(this.busybox ? `can't open '${shown}': Read-only file system` : `${shown}: Cannot open: Read-only file system`);
  }
}

const tar: Tool = (ctx, o) => {
  const args = parseArgs(ctx.argv.slice(1));
  const t = new Tar(ctx, o);
  if (args.bad !== undefined) {
    if (ctx.busybox) o.err(`tar: unrecognized option '${args.bad}'\n`);
    else o.err(`tar: ${args.bad.startsWith('--') ? `unrecognized option '${args.bad}'` : `invalid option -- '${args.bad}'`}\nTry 'tar --help' or 'tar --usage' for more information.\n`);
    return ctx.busybox ? 1 : 2;
  }
  if (!args.mode) {
    o.err(ctx.busybox ? 'tar: need to specify one of -c, -t or -x\n' : "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n");
    return ctx.busybox ? 1 : 2;
  }
  t.setVerbose(args);
  if (args.mode === 'c') {
    const dir = t.chdir(ctx.cwd, args.dir);
    if (dir === undefined) return ctx.busybox ? 1 : 2;
    return t.create(args, dir);
  }
  return t.read(args, ctx.cwd, args.mode === 'x');
};

export const ARCHIVE_TOOLS: Record<string, Tool> = { tar };

