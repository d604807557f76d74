// The user's editor, as kubectl launches it: $KUBE_EDITOR, then $EDITOR, then vi; a command with
// spaces is split on them, or handed to the shell when it has quotes or backslashes. The file to
// edit is a temporary file that stays behind when an edit fails, so nothing typed is lost.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as ChildProcess from 'node:child_process';
import { CliError } from './errors';

export interface EditedFile {
  text: string;
  path: string;
}

function editorCommand(env: Readonly<Record<string, string | undefined>>, file: string): string[] {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  if (!editor.includes(' ')) return [editor, file];
  if (!/["'\\]/.test(editor)) return [...editor.split(' '), file];
  return [env.SHELL || '/bin/bash', '-c', `${editor} ${JSON.stringify(file)}`];
}

/** A new temporary file "<prefix><digits><ext>", as Go's os.CreateTemp names them. */
function createTempFile(prefix: string, ext: string, pid: number): string {
  for (let n = 0; ; n++) {
    const file = path.join(os.tmpdir(), `${prefix}${pid}${n}${ext}`);
    try {
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Writes `content` to a new temporary file, runs the editor on it and reads the result. */
export function launchEditor(env: Readonly<Record<string, string | undefined>>, pid: number, content: string, ext = '.yaml'): EditedFile {
  const file = createTempFile('kubectl-edit-', ext, pid);
  fs.writeFileSync(file, content);
  const [cmd, ...args] = editorCommand(env, file);
  const { spawnSync } = require('node:child_process') as typeof ChildProcess;
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: env as NodeJS.ProcessEnv });
  if (r.error || r.status !== 0) throw new CliError(`there was a problem with the editor ${JSON.stringify(cmd)}`);
  return { text: fs.readFileSync(file, 'utf8'), path: file };
}

export function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}
