// Acknowledged means durable: a command killed at any moment loses nothing it reported. Writers
// run concurrently against one home and are killed with SIGKILL — at seeded random moments, or
// the instant they print their answer — then one later command finds every object whose
// "created" line was printed, in a store that loads, converges and is not left locked.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, Home, WALLCLOCK } from '../helpers/cli';

const homes: Home[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

/** mulberry32: the kill schedule is the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** When a writer is killed: after a delay, the moment it answers, or not at all. */
type Kill = { afterMs: number } | 'on-answer' | 'never';

interface Outcome {
  args: string[];
  stdout: string;
  killed: boolean;
  code: number | null;
}

function writer(h: Home, args: string[], kill: Kill): Promise<Outcome> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', POCKETKUBE_HOME: h.dir, POCKETKUBE_WALLCLOCK: WALLCLOCK },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    let killed = false;
    const killNow = () => {
      if (p.exitCode === null && p.signalCode === null) killed = p.kill('SIGKILL');
    };
    const timer = typeof kill === 'object' ? setTimeout(killNow, kill.afterMs) : undefined;
    p.stdout.on('data', (d) => {
      stdout += d;
      if (kill === 'on-answer') killNow();
    });
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ args, stdout, killed, code });
    });
  });
}

/** Whether the store as saved says it is converged: the journal's last record, else the manifest. */
function savedConverged(home: string): boolean {
  const manifest = JSON.parse(fs.readFileSync(path.join(home, 'store.json'), 'utf8'));
  const journal = fs.readFileSync(path.join(home, 'store', manifest.journal), 'utf8');
  const last = journal.split('\n').filter((l) => l.startsWith('{')).pop();
  return last === undefined ? manifest.system.converged : JSON.parse(last).system.converged === true;
}

describe('acknowledged writes', () => {
  it('survive writers killed at any moment', async () => {
    const h = new Home();
    homes.push(h);
    h.ok('get', 'nodes');
    const random = seeded(8);
    const runs: Promise<Outcome>[] = [];
    for (let i = 0; i < 30; i++) {
      const args = i % 6 === 5 ? ['create', 'configmap', `c${i}`, `--from-literal=n=${i}`] : ['create', 'deployment', `d${i}`, '--image=nginx:1.25', '--replicas=3'];
      const kill: Kill = i % 4 === 0 ? 'on-answer' : i % 4 === 3 ? 'never' : { afterMs: 50 + Math.floor(random() * 1500) };
      runs.push(writer(h, args, kill));
    }
    // Readers among them find journals left behind and converge them before reading.
    const readers = Array.from({ length: 4 }, () => writer(h, ['get', 'deployments'], 'never'));
    const outcomes = await Promise.all(runs);
    expect((await Promise.all(readers)).map((r) => r.code)).toEqual([0, 0, 0, 0]);

    const acknowledged = outcomes.filter((o) => /created\n$/.test(o.stdout)).map((o) => o.stdout.trim().replace(/ created$/, ''));
    const after = h.run(['get', 'deployments,configmaps', '-o', 'name']);
    expect(after.code).toBe(0);
    const present = new Set(after.stdout.trim().split('\n'));
    expect(acknowledged.filter((name) => !present.has(name))).toEqual([]);
    // Writers never killed all answered.
    for (const o of outcomes) if (!o.killed) expect(o.stdout).toMatch(/ created\n$/);

    // The later command converged what the killed ones left and saved it: the store's last word
    // (its last journal record, or the manifest when the journal is empty) is converged; no lock.
    expect(savedConverged(h.dir)).toBe(true);
    expect(fs.existsSync(path.join(h.dir, 'store.lock'))).toBe(false);
    const deployments = [...present].filter((n) => n.startsWith('deployment.apps/'));
    const pods = h.ok('get', 'pods', '--no-headers').trim().split('\n');
    expect(pods).toHaveLength(3 * deployments.length);
    expect(pods.filter((line) => !/ Running /.test(line))).toEqual([]);
  });

  it('are in the store once the command answers, before it converges and saves', async () => {
    const h = new Home();
    homes.push(h);
    h.ok('get', 'nodes');
    const o = await writer(h, ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3'], 'on-answer');
    expect(o.stdout).toBe('deployment.apps/web created\n');
    // Whether the kill came before the save or after it, the next command sees the deployment
    // and its pods.
    expect(h.ok('get', 'deployment', 'web', '-o', 'jsonpath={.status.readyReplicas}')).toBe('3');
    expect(h.ok('scale', 'deployment', 'web', '--replicas=1')).toBe('deployment.apps/web scaled\n');
  });

  it('include how far the command moved the cluster clock', async () => {
    const h = new Home();
    homes.push(h);
    h.ok('get', 'nodes');
    const o = await writer(h, ['clock', 'advance', '7m'], 'on-answer');
    expect(o.stdout).toBe('2026-11-26T12:07:00Z\n');
    expect(h.ok('clock', 'show')).toBe('2026-11-26T12:07:00Z\n');
  });
});

describe('the home', () => {
  it('and its store directory are private, whatever the umask', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-test-'));
    try {
      const home = path.join(parent, 'home');
      const r = spawnSync('sh', ['-c', 'umask 0 && exec "$0" "$@"', process.execPath, BIN, 'create', 'configmap', 'x'], {
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC', POCKETKUBE_HOME: home, POCKETKUBE_WALLCLOCK: WALLCLOCK },
        encoding: 'utf8',
      });
      expect(r.stdout).toBe('configmap/x created\n');
      expect(fs.statSync(home).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(home, 'store')).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(home, 'store.json')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('a convergence that stops at the pass cap', () => {
  it('keeps what the controllers did, names those still writing, and the next command goes on from there', () => {
    const h = new Home();
    homes.push(h);
    h.ok('get', 'nodes');
    // Three passes are too few for a Deployment's pods to be created, scheduled and started.
    const r = h.run(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3'], { env: { POCKETKUBE_PASS_CAP: '3' } });
    expect(r.stdout).toBe('deployment.apps/web created\n');
    expect(r.stderr).toMatch(/^Error from server \(InternalError\): Internal error occurred: controllers did not converge after 3 passes; still writing: [a-z-]+(, [a-z-]+)*\n$/);
    expect(r.code).toBe(1);
    // Saved midway, marked not converged: the ReplicaSet the first passes made is there.
    const manifest = JSON.parse(fs.readFileSync(path.join(h.dir, 'store.json'), 'utf8'));
    expect(savedConverged(h.dir)).toBe(false);
    expect(manifest.revision).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(h.dir, 'store.lock'))).toBe(false);
    const pods = h.ok('get', 'pods', '--no-headers').trim().split('\n');
    expect(pods).toHaveLength(3);
    expect(pods.filter((line) => !/ Running /.test(line))).toEqual([]);
    expect(savedConverged(h.dir)).toBe(true);
  });
});
