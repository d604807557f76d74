// kubectl cp's file specifications ([[namespace/]pod:]file/path) and the path arithmetic it does
// on them: Go's path.Clean/Dir/Base/Join (remote paths, always `/`) and filepath's (local paths;
// the same rules on Linux), with a trailing slash dropped from every path it makes.
import { CliError } from '../../errors';

export interface FileSpec {
  podName: string;
  podNamespace: string;
  file: string;
}

const FORMAT = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

/** A path without its one trailing slash ("/" stays). */
export function stripTrailingSlash(file: string): string {
  return file.length > 1 && file.endsWith('/') ? file.slice(0, -1) : file;
}

/** newRemotePath: Windows separators become `/`. */
export const remotePath = (file: string): string => stripTrailingSlash(file).replaceAll('\\', '/');
export const localPath = stripTrailingSlash;

export function extractFileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new CliError(FORMAT);
  if (i < 0) return { podName: '', podNamespace: '', file: localPath(arg) };
  const pieces = arg.slice(0, i).split('/');
  const file = remotePath(arg.slice(i + 1));
  if (pieces.length === 1) return { podName: pieces[0], podNamespace: '', file };
  if (pieces.length === 2) return { podNamespace: pieces[0], podName: pieces[1], file };
  throw new CliError(FORMAT);
}

/** Go's path.Clean. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** Go's path.Dir. */
export function dir(p: string): string {
  return clean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** Go's path.Base. */
export function base(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's path.Join of two elements. */
export function join(a: string, b: string): string {
  if (a === '' && b === '') return '';
  return clean(a === '' ? b : b === '' ? a : `${a}/${b}`);
}

/** The leading "../" of a path (and "." or ".." alone) removed, then one leading "/". */
export function stripPathShortcuts(p: string): string {
  let s = p;
  while (s.startsWith('../')) s = s.slice(3);
  if (s === '.' || s === '..') s = '';
  return s.startsWith('/') ? s.slice(1) : s;
}

/** Go's filepath.Rel for two cleaned paths of the same kind; undefined when it cannot be made. */
function rel(basePath: string, target: string): string | undefined {
  const b = clean(basePath);
  const t = clean(target);
  if (b.startsWith('/') !== t.startsWith('/')) return undefined;
  if (b === t) return '.';
  const bs = b === '.' ? [] : b.split('/').filter(Boolean);
  const ts = t === '.' ? [] : t.split('/').filter(Boolean);
  let i = 0;
  while (i < bs.length && i < ts.length && bs[i] === ts[i]) i++;
  if (bs.slice(i).includes('..')) return undefined;
  return [...bs.slice(i).map(() => '..'), ...ts.slice(i)].join('/') || '.';
}

/** Whether target lies within base (kubectl's isRelative). */
export function isRelative(basePath: string, target: string): boolean {
  const r = rel(basePath, target);
  if (r === undefined) return false;
  return r === '.' || r === stripPathShortcuts(r);
}
