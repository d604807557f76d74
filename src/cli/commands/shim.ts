// pocketkube shim DIR: writes DIR/kubectl, a shell script that runs this pocketkube with its
// arguments. An alias reaches only the interactive shell that defined it; a `#!/bin/bash` script
// (a CI step, a Makefile's recipe) finds `kubectl` on PATH, so with DIR first on PATH it finds
// pocketkube. The script names the launcher's absolute path as it is when written: an install
// that moves needs the shim written again (it replaces its own kind without --force). Not a
// kubectl verb: pocketkube's own, like `pocketkube clock`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { addGlobalFlags } from '../program';
import { type Verb, verbAction } from '../verb';

/** The second line of every shim: what lets `shim` replace one without --force. */
const MARK = '# pocketkube shim:';

export interface ShimOptions {
  /** DIR, absolute, and DIR/kubectl. */
  dir: string;
  file: string;
  /** The launcher's absolute path, which the shim execs. */
  launcher: string;
  force: boolean;
}

/** What DIR/kubectl is now. */
type Existing = 'none' | 'shim' | 'other' | 'directory';

/** A word the shell reads back as itself: bare when that is safe, else single-quoted. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

/** The shim: /bin/sh is enough to hand the arguments over untouched. */
function shimText(launcher: string): string {
  return `#!/bin/sh\n${MARK} runs pocketkube as kubectl (written by \`pocketkube shim\`)\nexec ${shellWord(launcher)} "$@"\n`;
}

const reason = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOTDIR') return 'not a directory';
  return (e as Error).message;
};

/** Looks without following a link: a link to the real kubectl is not ours to write through. */
function existing(file: string): Existing {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw new CliError(`cannot write the shim ${file}: ${reason(e)}`);
  }
  if (st.isDirectory()) return 'directory';
  if (!st.isFile()) return 'other';
  // The mark is on the second line; a kubectl binary is tens of megabytes, so read only the head.
  const head = Buffer.alloc(256);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('latin1').split('\n')[1]?.startsWith(MARK) ? 'shim' : 'other';
  } catch {
    return 'other';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** DIR must be a directory this user can write to. */
function checkDir(o: ShimOptions): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(o.dir);
  } catch (e) {
    throw new CliError(`cannot write the shim into ${o.dir}: ${reason(e)}`);
  }
  if (!st.isDirectory()) throw new CliError(`cannot write the shim into ${o.dir}: not a directory`);
  try {
    fs.accessSync(o.dir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (e) {
    throw new CliError(`cannot write the shim into ${o.dir}: ${reason(e)}`);
  }
}

/** What the shim is about to replace: it must be ours, or --force. */
function replaceable(o: ShimOptions): Existing {
  const found = existing(o.file);
  if (found === 'directory') throw new CliError(`cannot write the shim ${o.file}: it is a directory`);
  if (found === 'other' && !o.force) throw new CliError(`${o.file} exists and is not a pocketkube shim; use --force to replace it`);
  return found;
}

/** Written aside and renamed into place: a script running the old shim never reads half a file, and a link is replaced, not written through. */
function writeShim(o: ShimOptions, pid: number): void {
  const tmp = path.join(o.dir, `.kubectl.${pid}.tmp`);
  try {
    fs.writeFileSync(tmp, shimText(o.launcher), { mode: 0o755 });
    // The mode given to open is masked by the umask; the shim must be executable whatever it is.
    fs.chmodSync(tmp, 0o755);
    fs.renameSync(tmp, o.file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new CliError(`cannot write the shim ${o.file}: ${reason(e)}`);
  }
}

function reportText(o: ShimOptions, was: Existing): string {
  const runs = `runs ${o.launcher} with its arguments`;
  const done =
    was === 'none' ? `Wrote ${o.file}, which ${runs}.` : was === 'shim' ? `Rewrote the pocketkube shim ${o.file}, which ${runs}.` : `Replaced ${o.file}, which was not a pocketkube shim, by one that ${runs}.`;
  return `${done}\nTo run it as kubectl in this shell and the scripts it starts, put its directory first on PATH:\nexport PATH=${shellWord(o.dir)}:$PATH\n`;
}

const shimVerb: Verb<ShimOptions> = {
  complete(c, args, f) {
    if (!c.io.launcher) throw new CliError('pocketkube shim: no launcher runs this command, so there is nothing for a shim to run');
    const dir = path.resolve(args[0]);
    return { dir, file: path.join(dir, 'kubectl'), launcher: c.io.launcher, force: f.force === true };
  },
  validate: checkDir,
  run(c, o) {
    // Looked at just before it is replaced: what is there decides the refusal and the report.
    const was = replaceable(o);
    writeShim(o, c.io.pid);
    c.io.out.write(reportText(o, was));
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('shim')
      .description('Write DIR/kubectl, a script that runs this pocketkube, for scripts that call kubectl (pocketkube only)')
      .argument('<dir>', 'The directory to put first on PATH')
      .option('--force', 'If true, replace a DIR/kubectl that is not a pocketkube shim (a link to the real kubectl, say).'),
  ).action(verbAction(ctx, shimVerb));
}
