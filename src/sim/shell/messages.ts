// How each shell words its own errors: dash says `sh: 1: foo: not found`, busybox ash `sh: foo: not
// found` (`sh: line 3: …` in a script file), bash `bash: line 1: foo: command not found`.
import type { SyntaxProblem } from './parse';
import type { ShellEnv } from './state';

/** The `sh: 1: ` prefix of a shell's error lines. */
export function errPrefix(env: ShellEnv, line: number): string {
  if (env.fl === 'dash') return `${env.arg0}: ${line}: `;
  if (env.fl === 'bash') return `${env.arg0}: line ${line}: `;
  return env.script ? `${env.arg0}: line ${line}: ` : `${env.arg0}: `;
}

export function notFound(env: ShellEnv, line: number, name: string): string {
  return `${errPrefix(env, line)}${name}: ${env.fl === 'bash' ? 'command not found' : 'not found'}\n`;
}

export function syntaxMessage(env: ShellEnv, p: SyntaxProblem, line: number, source: string): string {
  if (env.fl === 'dash') {
    const pre = `${env.arg0}: ${line}: `;
    switch (p.kind) {
      case 'unexpected':
        return `${pre}Syntax error: ${p.tok === 'newline' ? 'newline' : `"${p.tok}"`} unexpected${p.expecting ? ` (expecting "${p.expecting}")` : ''}\n`;
      case 'eof':
        return `${pre}Syntax error: end of file unexpected${p.expecting ? ` (expecting "${p.expecting}")` : ''}\n`;
      case 'missing-brace':
        return `${pre}Syntax error: Missing '}'\n`;
      case 'unterminated':
        return `${pre}Syntax error: Unterminated quoted string\n`;
      case 'bad-subst':
        return `${pre}Bad substitution\n`;
    }
  }
  if (env.fl === 'bash') {
    const pre = `${env.arg0}: ${env.script ? '' : '-c: '}line ${line}: `;
    switch (p.kind) {
      case 'unexpected':
        return `${pre}syntax error near unexpected token \`${p.tok}'\n${pre}\`${source.split('\n')[line - 1] ?? ''}'\n`;
      case 'bad-subst':
        return `${pre}bad substitution\n`;
      default:
        return `${pre}syntax error: unexpected end of file\n`;
    }
  }
  const pre = env.script ? `${env.arg0}: line ${line}: ` : `${env.arg0}: `;
  switch (p.kind) {
    case 'unexpected':
      return `${pre}syntax error: unexpected ${p.tok === 'newline' ? 'newline' : `"${p.tok}"`}${p.expecting ? ` (expecting "${p.expecting}")` : ''}\n`;
    case 'eof':
      return `${pre}syntax error: unexpected end of file${p.expecting ? ` (expecting "${p.expecting}")` : ''}\n`;
    case 'missing-brace':
      return `${pre}syntax error: missing '}'\n`;
    case 'unterminated':
      return `${pre}syntax error: unterminated quoted string\n`;
    case 'bad-subst':
      return `${pre}syntax error: bad substitution\n`;
  }
}

/** A shell that cannot open its script file. */
export function cannotOpenScript(env: ShellEnv, path: string): string {
  if (env.fl === 'dash') return `${env.arg0}: 0: cannot open ${path}: No such file\n`;
  if (env.fl === 'bash') return `${env.arg0}: ${path}: No such file or directory\n`;
  return `${env.arg0}: can't open '${path}': No such file or directory\n`;
}

/** A redirection whose file cannot be created or opened. */
export function redirError(env: ShellEnv, line: number, path: string, mode: 'create' | 'open'): string {
  const pre = errPrefix(env, line);
  if (env.fl === 'dash') return mode === 'create' ? `${pre}cannot create ${path}: Directory nonexistent\n` : `${pre}cannot open ${path}: No such file\n`;
  if (env.fl === 'bash') return `${pre}${path}: No such file or directory\n`;
  return mode === 'create' ? `${pre}can't create ${path}: nonexistent directory\n` : `${pre}can't open ${path}: no such file\n`;
}

export const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, CHLD: 17 };
