// kustomize builds. Each case in fixtures/kustomize-golden.json is a tree of files and what the
// real `kubectl kustomize` (v1.32, kustomize v5.5) printed for it, recorded by
// fixtures/gen-kustomize-golden.mjs: the objects must come out byte for byte, with the same
// deprecation warnings and log lines, and a failing build with kubectl's error text.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { KustomizeError, build } from '../../src/cli/manifest/kustomize';
import { splitImage } from '../../src/cli/manifest/kustomize/images';
import { toYaml } from '../../src/printers/yaml';

interface Case {
  files: Record<string, string | { base64: string }>;
  build: string;
  /** Only --load-restrictor and --reorder are recorded with cases. */
  flags?: string[];
  stdout: string;
  warnings: string[];
  /** What kustomize logged (kubectl's klog info lines from log.go:245), without the klog header. */
  logs: string[];
  exitCode: number;
  error?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const golden: { cases: Record<string, Case> } = JSON.parse(fs.readFileSync(path.join(here, 'fixtures', 'kustomize-golden.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-kustomize-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function materialize(name: string, c: Case): string {
  const dir = path.join(tmp, name.replace(/[^a-z0-9]+/gi, '-'));
  for (const [file, content] of Object.entries(c.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), typeof content === 'string' ? content : Buffer.from(content.base64, 'base64'));
  }
  return fs.realpathSync(dir);
}

describe('kubectl kustomize (golden cases)', () => {
  it('has the golden cases', () => {
    expect(Object.keys(golden.cases).length).toBeGreaterThan(30);
  });
  it.each(Object.entries(golden.cases))('%s', (name, c) => {
    const dir = materialize(name, c);
    const cwd = process.cwd();
    // A build path is given relative to the case's directory, as the recording ran there.
    process.chdir(dir);
    const options = { loadRestrictionsNone: c.flags?.includes('LoadRestrictionsNone'), reorderFlag: c.flags?.some((f) => f.startsWith('--reorder')) };
    try {
      if (c.exitCode === 0) {
        const result = build(c.build, options);
        expect(result.objects.map((o) => toYaml(o)).join('---\n')).toBe(c.stdout);
        expect(result.warnings).toEqual(c.warnings);
        expect(result.logs).toEqual(c.logs);
      } else {
        let message = '';
        let warnings: string[] = [];
        let logs: string[] = [];
        try {
          build(c.build, options);
        } catch (e) {
          if (!(e instanceof KustomizeError)) throw e;
          message = e.message;
          warnings = e.warnings;
          logs = e.logs;
        }
        expect(warnings).toEqual(c.warnings);
        expect(logs).toEqual(c.logs);
        // Go prints a pointer in one message; its value is the process's, not kustomize's.
        const pointer = (s: string) => s.replace(/&\{0xc[0-9a-f]+ /, '&{0xc000000000 ');
        expect(message.split(dir).join('$ROOT')).toBe(pointer(c.error!));
      }
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('image names', () => {
  it.each([
    ['nginx', 'nginx', '', ''],
    ['nginx:1.25', 'nginx', '1.25', ''],
    ['localhost:5000/app', 'localhost:5000/app', '', ''],
    ['localhost:5000/app:v1', 'localhost:5000/app', 'v1', ''],
    ['redis@sha256:abc', 'redis', '', 'sha256:abc'],
    ['redis:7@sha256:abc', 'redis', '7', 'sha256:abc'],
  ])('%s', (image, name, tag, digest) => {
    expect(splitImage(image)).toEqual({ name, tag, digest });
  });
});
