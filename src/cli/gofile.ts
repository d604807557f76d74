// Reading a file the user named, with Go's error texts (os.Open, os.ReadFile): kubectl quotes
// them inside its own messages ("error reading --template F, open F: no such file or directory").
import * as fs from 'node:fs';

/** The text of the *PathError Go returns for `op` on `path` that failed with Node's error `e`. */
export function goPathError(op: 'open' | 'read', path: string, e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return `${op} ${path}: no such file or directory`;
    case 'EACCES':
      return `${op} ${path}: permission denied`;
    case 'ENOTDIR':
      return `${op} ${path}: not a directory`;
    case 'EISDIR':
      return `read ${path}: is a directory`;
    default:
      return `${op} ${path}: ${(e as Error).message}`;
  }
}

/** os.ReadFile: the file's text, or Go's error text thrown as a GoFileError. */
export function goReadFile(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new GoFileError(goPathError('open', path, e));
  }
}

export class GoFileError extends Error {
  override readonly name = 'GoFileError';
}
