// Runs the real launcher against a throwaway home, the way users and scripts run it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'pocketkube');
export const FIXTURES = path.join(ROOT, 'fixtures');

/** A fixed wall clock makes AGE columns and timestamps reproducible. */
export const WALLCLOCK = '2026-11-26T12:00:00Z';

export interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

export class Home {
  readonly dir: string;
  constructor(readonly env: Record<string, string> = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-test-'));
  }

  run(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Result {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: opts.cwd,
      env: {
        PATH: process.env.PATH ?? '',
        TZ: 'UTC',
        POCKETKUBE_HOME: this.dir,
        POCKETKUBE_WALLCLOCK: WALLCLOCK,
        // Objects handed out by reads are frozen, so code that mutates what it read fails here.
        POCKETKUBE_FREEZE: '1',
        ...this.env,
        ...opts.env,
      },
      input: opts.input ?? '',
      encoding: 'utf8',
    });
    return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
  }

  /** Runs and insists on success, returning stdout. */
  ok(...args: string[]): string {
    const r = this.run(args);
    if (r.code !== 0) throw new Error(`pocketkube ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  file(name: string, content: string): string {
    const p = path.join(this.dir, 'files', name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  }

  /** The store's manifest and collection files, concatenated in name order. */
  storeBytes(): Buffer {
    const dir = path.join(this.dir, 'store');
    const files = [path.join(this.dir, 'store.json'), ...(fs.existsSync(dir) ? fs.readdirSync(dir).sort().map((f) => path.join(dir, f)) : [])];
    return Buffer.concat(files.flatMap((f) => [Buffer.from(`${path.basename(f)}\n`), fs.readFileSync(f)]));
  }

  /** The text a collection ("/registry/configmaps") has in its file: the whole file, or its range of a file several share. */
  collectionText(collection: string): string {
    const m = JSON.parse(fs.readFileSync(path.join(this.dir, 'store.json'), 'utf8'));
    const bytes = fs.readFileSync(path.join(this.dir, 'store', m.collections[collection]));
    const range: [number, number] | undefined = m.ranges?.[collection];
    return (range ? bytes.subarray(range[0], range[1]) : bytes).toString('utf8');
  }

  /**
   * Gives a collection a file of its own, as a fold that rewrites only it leaves it (a new
   * cluster's first save writes all its collections into one file); returns the file's path.
   */
  ownCollectionFile(collection: string): string {
    const manifestFile = path.join(this.dir, 'store.json');
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (!m.ranges?.[collection]) return path.join(this.dir, 'store', m.collections[collection]);
    const name = `${collection.replace(/^\/registry\//, '').replace(/[^A-Za-z0-9.-]+/g, '.')}.own.jsonl`;
    const file = path.join(this.dir, 'store', name);
    fs.writeFileSync(file, this.collectionText(collection), { mode: 0o600 });
    delete m.ranges[collection];
    m.collections[collection] = name;
    fs.writeFileSync(manifestFile, JSON.stringify(m));
    return file;
  }

  /** A digest of storeBytes(): what a refused command must leave exactly as it was. */
  storeHash(): string {
    return createHash('sha256').update(this.storeBytes()).digest('hex');
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A maker of throwaway homes for one test file: each is removed after the test that made it. */
export function throwawayHomes(): () => Home {
  const made: Home[] = [];
  afterEach(() => {
    for (const h of made.splice(0)) h.remove();
  });
  return () => {
    const h = new Home();
    made.push(h);
    return h;
  };
}
