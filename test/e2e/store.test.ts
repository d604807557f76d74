// The store's promises: concurrent writers never lose each other's writes, a failed command
// writes nothing, a dead lock holder is recovered from, and a broken store is never reset.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, Home, throwawayHomes, WALLCLOCK } from '../helpers/cli';

const home = throwawayHomes();

function runAsync(h: Home, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', POCKETKUBE_HOME: h.dir, POCKETKUBE_WALLCLOCK: WALLCLOCK },
      stdio: 'ignore',
    });
    p.on('exit', (code) => resolve(code ?? -1));
  });
}

describe('the store', () => {
  it('keeps every write of 10 concurrent invocations, the first of which creates the cluster', async () => {
    const h = home();
    const codes = await Promise.all(Array.from({ length: 10 }, (_, i) => runAsync(h, ['create', 'deployment', `d${i}`, '--image=nginx:1.25'])));
    expect(codes).toEqual(Array(10).fill(0));
    const names = h.ok('get', 'deployments', '-o', 'name').trim().split('\n').sort();
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `deployment.apps/d${i}`).sort());
    expect(h.ok('get', 'pods', '--no-headers').trim().split('\n')).toHaveLength(10);
  });

  it('is left byte-identical by a command that fails', () => {
    const h = home();
    h.ok('get', 'nodes');
    const before = h.storeBytes();
    const bad = h.file(
      'bad.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
    );
    const r = h.run(['apply', '-f', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `Error from server (BadRequest): error when creating "${bad}": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n`,
    );
    expect(h.storeBytes().equals(before)).toBe(true);
  });

  it('recovers from a lock left behind by a dead process', () => {
    const h = home();
    h.ok('get', 'nodes');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    fs.writeFileSync(path.join(h.dir, 'store.lock'), `${dead}\n${os.hostname()}\n`);
    expect(h.ok('create', 'namespace', 'after-crash')).toBe('namespace/after-crash created\n');
    expect(fs.existsSync(path.join(h.dir, 'store.lock'))).toBe(false);
  });

  it('refuses to run on an unreadable store and leaves it alone', () => {
    const h = home();
    h.ok('get', 'nodes');
    const file = path.join(h.dir, 'store.json');
    fs.writeFileSync(file, '{"format": "pocketkube.store/v1", "revision": 3, broken');
    const r = h.run(['get', 'pods']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: the store ${file.replace(/[/.]/g, '\\$&')} is unreadable \\(.*\\); it was left untouched\\n$`));
    expect(fs.readFileSync(file, 'utf8')).toBe('{"format": "pocketkube.store/v1", "revision": 3, broken');
  });
});
