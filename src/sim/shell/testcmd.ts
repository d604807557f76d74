// test / [: the POSIX rules by argument count, then a small recursive parser for -a, -o, ! and ( ).
import { resolvePath } from './expand';
import type { FileSystem } from './host';
import type { Flavor } from './state';

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-n', '-z', '-L', '-h', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

class TestError extends Error {}

/** 0 true, 1 false, or an error message (the caller prefixes `[: ` and returns 2). */
export function runTest(args: string[], fs: FileSystem, cwd: string, flavor: Flavor): number | { error: string } {
  const num = (s: string): number => {
    const t = s.trim();
    if (!/^[-+]?[0-9]+$/.test(t)) throw new TestError(flavor === 'dash' ? `Illegal number: ${s}` : `${s}: bad number`);
    return parseInt(t, 10);
  };
  const unary = (op: string, a: string): boolean => {
    const p = resolvePath(cwd, a);
    switch (op) {
      case '-n': return a !== '';
      case '-z': return a === '';
      case '-e': return fs.read(p) !== undefined || fs.isDir(p);
      case '-f': return fs.read(p) !== undefined;
      case '-d': return fs.isDir(p);
      case '-s': return (fs.read(p) ?? '').length > 0 || fs.isDir(p);
      case '-r':
      case '-w': return fs.read(p) !== undefined || fs.isDir(p);
      case '-x': return fs.isDir(p) || (fs.read(p)?.startsWith('#!') ?? false);
      default: return false;
    }
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return num(a) === num(b);
      case '-ne': return num(a) !== num(b);
      case '-lt': return num(a) < num(b);
      case '-le': return num(a) <= num(b);
      case '-gt': return num(a) > num(b);
      case '-ge': return num(a) >= num(b);
      default: return false;
    }
  };
  let i = 0;
  const expr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o') {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (args[i] === '-a') {
      i++;
      const r = notExpr();
      v = v && r;
    }
    return v;
  };
  const notExpr = (): boolean => {
    if (args[i] === '!' && i + 1 < args.length) {
      i++;
      return !notExpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(' && args.length - i > 1) {
      i++;
      const v = expr();
      if (args[i] !== ')') throw new TestError(flavor === 'dash' ? 'closing paren expected' : 'missing )');
      i++;
      return v;
    }
    if (BINARY.has(args[i + 1] ?? '') && i + 2 < args.length) {
      i += 3;
      return binary(a, args[i - 2], args[i - 1]);
    }
    if (BINARY.has(args[i + 1] ?? '')) throw new TestError(`${args[i + 1]}: argument expected`);
    if (UNARY.has(a) && i + 1 < args.length) {
      i += 2;
      return unary(a, args[i - 1]);
    }
    i++;
    return a !== '';
  };
  try {
    let v: boolean;
    switch (args.length) {
      case 0: return 1;
      case 1: return args[0] !== '' ? 0 : 1;
      case 2:
        if (args[0] === '!') return args[1] === '' ? 0 : 1;
        if (UNARY.has(args[0])) return unary(args[0], args[1]) ? 0 : 1;
        throw new TestError(flavor === 'dash' ? `${args[0]}: unexpected operator` : `${args[1]}: unknown operand`);
      case 3:
        if (BINARY.has(args[1])) return binary(args[0], args[1], args[2]) ? 0 : 1;
        break;
    }
    v = expr();
    if (i < args.length) throw new TestError(flavor === 'dash' ? `${args[i]}: unexpected operator` : `${args[i]}: unknown operand`);
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) return { error: e.message };
    throw e;
  }
}
