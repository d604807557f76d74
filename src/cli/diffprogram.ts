// The diff program kubectl diff runs over its LIVE and MERGED directories: `diff -u -N`, or
// $KUBECTL_EXTERNAL_DIFF (its extra words kept only when made of [a-zA-Z0-9-=]).
import type * as ChildProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IO } from './io';

export class DiffProgramError extends Error {}

function command(env: Readonly<Record<string, string | undefined>>, from: string, to: string): [string, string[]] {
  const external = env.KUBECTL_EXTERNAL_DIFF;
  if (!external) return ['diff', ['-u', '-N', from, to]];
  const [program, ...words] = external.split(' ');
  return [program, [from, to, ...words.filter((w) => /^[a-zA-Z0-9-=]+$/.test(w))]];
}

/** A new directory under $TMPDIR (Go's os.MkdirTemp), e.g. /tmp/LIVE-123456789. */
export function makeTempDir(env: Readonly<Record<string, string | undefined>>, prefix: string): string {
  return fs.mkdtempSync(path.join(env.TMPDIR || '/tmp', `${prefix}-`));
}

/** Runs the program; returns its exit status when that is 0 or 1 (same / different). */
export function runDiff(io: IO, env: Readonly<Record<string, string | undefined>>, from: string, to: string): 0 | 1 {
  const [program, args] = command(env, from, to);
  const { spawnSync } = require('node:child_process') as typeof ChildProcess;
  const r = spawnSync(program, args, { env: env as NodeJS.ProcessEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DiffProgramError(`failed to run ${JSON.stringify(program)}: ${missing ? `exec: ${JSON.stringify(program)}: executable file not found in $PATH` : r.error.message}`);
  }
  if (r.stdout) io.out.write(r.stdout);
  if (r.stderr) io.err.write(r.stderr);
  if (r.status === 0 || r.status === 1) return r.status;
  throw new DiffProgramError(`failed to run ${JSON.stringify(program)}: ${r.status === null ? `signal: ${r.signal}` : `exit status ${r.status}`}`);
}
