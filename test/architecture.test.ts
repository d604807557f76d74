// The layers of DESIGN.md as a test: imports point one way, and the process, the wall clock,
// randomness, the command-line parser and chalk each have one home.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli';

const SRC = path.join(ROOT, 'src');

type Layer = 'api' | 'store' | 'apiserver' | 'client' | 'controllers' | 'sim' | 'engine' | 'printers' | 'cli' | 'root';

/** Which layers each layer may import (value imports). */
const ALLOWED: Record<Layer, Layer[]> = {
  api: [],
  store: [],
  apiserver: ['api', 'store'],
  client: ['api', 'apiserver'],
  controllers: ['api', 'client'],
  sim: ['api', 'client'],
  engine: ['api', 'client', 'controllers', 'sim'],
  printers: ['api'],
  cli: ['api', 'client', 'printers'],
  root: ['api', 'store', 'apiserver', 'client', 'controllers', 'sim', 'engine', 'printers', 'cli'],
};

/** Type-only imports a layer may make beyond ALLOWED: the reconcile contract lives in engine/. */
const TYPE_ONLY: Partial<Record<Layer, string[]>> = {
  controllers: ['engine/controller.ts'],
  sim: ['engine/controller.ts'],
  cli: ['engine/controller.ts'],
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function layerOf(file: string): Layer {
  const rel = path.relative(SRC, file);
  const top = rel.split(path.sep)[0];
  return (rel.includes(path.sep) ? top : 'root') as Layer;
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

function importsOf(text: string): Import[] {
  const out: Import[] = [];
  // from-imports and re-exports, require() and import() of a literal, and side-effect imports (`import './x'`).
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  for (let m; (m = re.exec(text)); ) {
    if (m[3]) out.push({ spec: m[3], typeOnly: !!m[2] });
    else out.push({ spec: (m[4] ?? m[5] ?? m[6])!, typeOnly: false });
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return `${base}.ts`;
}

const SOURCES = files(SRC).map((f) => ({ file: f, rel: path.relative(SRC, f), text: fs.readFileSync(f, 'utf8') }));

describe('architecture', () => {
  it('keeps imports pointing down the layers of DESIGN.md', () => {
    const violations: string[] = [];
    for (const { file, rel, text } of SOURCES) {
      const from = layerOf(file);
      for (const imp of importsOf(text)) {
        const target = resolveLocal(file, imp.spec);
        if (!target) continue;
        const to = layerOf(target);
        if (to === from || ALLOWED[from].includes(to)) continue;
        const targetRel = path.relative(SRC, target).split(path.sep).join('/');
        if (imp.typeOnly && TYPE_ONLY[from]?.includes(targetRel)) continue;
        violations.push(`${rel} (${from}) imports ${targetRel} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the api layer free of I/O, however the module is loaded', () => {
    const io = SOURCES.filter((s) => layerOf(s.file) === 'api' && /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?(fs|fs\/promises|child_process|net|http|https|os)['"]/.test(s.text));
    expect(io.map((s) => s.rel)).toEqual([]);
  });

  it('loads modules only by literal names (a computed require or import() escapes every check here)', () => {
    const computed = SOURCES.filter((s) => /\b(?:require|import)\(\s*(?!['"])[^)\s]/.test(s.text.replace(/\/\/.*$/gm, '').replace(/import\(['"][^'"]+['"]\)/g, '')));
    expect(computed.map((s) => s.rel)).toEqual([]);
  });

  const only = (pattern: RegExp, allowed: string[]) =>
    SOURCES.filter((s) => pattern.test(s.text.replace(/\/\/.*$/gm, '')) && !allowed.includes(s.rel.split(path.sep).join('/'))).map((s) => s.rel);

  it('reads the wall clock only in sim/clock', () => {
    expect(only(/\bDate\.now\(|new Date\(\)|(?<!new\s+)\bDate\(\)/, ['sim/clock.ts'])).toEqual([]);
    // The monotonic clock too, but for the store's lock: waiting on another process is real time.
    expect(only(/\bperformance\.now\(/, ['sim/clock.ts', 'store/lock.ts'])).toEqual([]);
  });

  it('never uses Math.random (randomness is seeded in sim/rand)', () => {
    expect(only(/Math\.random\(/, [])).toEqual([]);
  });

  it('touches the process only in main.ts', () => {
    expect(only(/\bprocess\.(argv|env|exit|stdout|stderr|stdin|pid|kill|cwd|on)\b/, ['main.ts'])).toEqual([]);
    // Nor by destructuring it or indexing it, which the pattern above would not see.
    expect(only(/\}\s*=\s*(?:globalThis\.)?process\b|\bprocess\s*\[|globalThis\.process\b/, ['main.ts'])).toEqual([]);
  });

  it('prints only through injected streams', () => {
    expect(only(/console\.(log|error|warn)/, [])).toEqual([]);
  });

  it('keeps the command-line parser in cli/ and chalk in cli/ or printers/', () => {
    const parser = SOURCES.filter((s) => /from '(?:\.\.\/)+cli\/command'/.test(s.text) && layerOf(s.file) !== 'cli');
    const chalk = SOURCES.filter((s) => /'chalk'/.test(s.text) && !['cli', 'printers'].includes(layerOf(s.file)));
    expect([...parser, ...chalk].map((s) => s.rel)).toEqual([]);
  });
});
