// The read lane (src/readlane.ts): `get pods` and `get deployments` answered from the store alone
// print exactly what the full path prints, and every command it cannot answer so goes the full way. Each case runs the
// lane (POCKETKUBE_READ_LANE=only: a decline fails) and the full path (=off) on the same home.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Home, type Result, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();
const LANE = { POCKETKUBE_READ_LANE: 'only' };
const FULL = { POCKETKUBE_READ_LANE: 'off' };
const DECLINED: Result = { code: 3, stdout: '', stderr: 'pocketkube: the read lane declined this command\n' };

/** The lane's answer, after the full path's (which converges what is due) and checked against it. */
function same(h: Home, args: string[]): Result {
  const full = h.run(args, { env: FULL });
  const lane = h.run(args, { env: LANE });
  expect(lane).toEqual(full);
  expect(h.run(args, { env: FULL })).toEqual(full);
  return lane;
}

const COMMAND_LINES = [
  ['get', 'pods'],
  ['get', 'pods', '-A'],
  ['get', 'po', '--all-namespaces', '-o', 'wide'],
  ['get', 'pod', '-n', 'kube-system'],
  ['get', '-n', 'kube-system', 'pods', '--no-headers'],
  ['get', 'pods', '--namespace=kube-system', '-owide'],
  ['get', 'pods', '-nkube-system', '--output=wide', '--no-headers'],
  ['get', 'pods', '-n=kube-system', '--output', 'wide'],
  ['get', 'pods', '-n', 'nothing-here'],
  ['get', 'pods', '-A', '--no-headers'],
  ['get', 'deployments'],
  ['get', 'deploy', '-A', '-o', 'wide'],
  ['get', 'deployment', '-n', 'kube-system', '--no-headers'],
  ['get', '-n', 'team', 'deploy', '-owide'],
];

describe('the read lane', () => {
  it.each(COMMAND_LINES.map((a) => [a.join(' '), a]))('answers `%s` on the default cluster as the full path does', (_, args) => {
    const h = home();
    h.ok('get', 'nodes');
    same(h, args as string[]);
  });

  it('answers for pods in every state a busy cluster has, as time passes and the journal grows', () => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3');
    h.ok('run', 'broken', '--image=nginx:does-not-exist');
    h.ok('run', 'done', '--image=busybox', '--restart=Never', '--', 'true');
    h.ok('run', 'crash', '--image=busybox', '--', 'false');
    h.ok('create', 'namespace', 'team');
    h.ok('create', 'deployment', 'api', '--image=nginx:1.25', '--replicas=2', '-n', 'team');
    // More than the nodes hold: most stay Pending, and the views line is read for the namespace.
    h.ok('create', 'deployment', 'big', '--image=nginx:1.25', '--replicas=40', '-n', 'team');
    for (const step of ['0s', '30s', '5m', '2h']) {
      if (step !== '0s') h.ok('clock', 'advance', step);
      for (const args of COMMAND_LINES) same(h, args);
      same(h, ['get', 'pods', '-n', 'team', '-o', 'wide']);
    }
    expect(same(h, ['get', 'pods']).stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n/);
  });

  it('reads the namespace of the kubeconfig context', () => {
    const h = home();
    h.ok('config', 'set-context', '--current', '--namespace=kube-system');
    expect(same(h, ['get', 'pods']).stdout).toContain('etcd-pocket-control-plane');
  });

  it('writes nothing', () => {
    const h = home();
    h.ok('get', 'nodes');
    const before = h.storeBytes();
    const config = fs.readFileSync(path.join(h.dir, 'config'));
    expect(h.run(['get', 'pods', '-A'], { env: LANE }).code).toBe(0);
    expect(h.storeBytes().equals(before)).toBe(true);
    expect(fs.readFileSync(path.join(h.dir, 'config')).equals(config)).toBe(true);
  });

  it.each([
    ['another resource', ['get', 'replicasets']],
    ['a resource with its group', ['get', 'deployments.apps']],
    ['a pod by name', ['get', 'pods', 'etcd-pocket-control-plane', '-n', 'kube-system']],
    ['a label selector', ['get', 'pods', '-l', 'app=web']],
    ['another output', ['get', 'pods', '-o', 'name']],
    ['another kubeconfig', ['get', 'pods', '--kubeconfig', '/dev/null']],
    ['another context', ['get', 'pods', '--context', 'kubernetes-admin@kubernetes']],
    ['a flag twice', ['get', 'pods', '-n', 'default', '-n', 'kube-system']],
    ['-A beside -n', ['get', 'pods', '-A', '-n', 'kube-system']],
    ['a namespace kubectl would refuse', ['get', 'pods', '-n', 'Not_A_Name']],
    ['-v', ['get', 'pods', '-v=6']],
    ['two resources', ['get', 'pods,nodes']],
    ['two kinds the lane knows', ['get', 'pods', 'deployments']],
  ])('declines %s', (_, args) => {
    const h = home();
    h.ok('get', 'nodes');
    expect(h.run(args, { env: LANE })).toEqual(DECLINED);
  });

  it('declines on an empty home: the first command makes the cluster', () => {
    const h = home();
    expect(h.run(['get', 'pods'], { env: LANE })).toEqual(DECLINED);
    expect(fs.existsSync(path.join(h.dir, 'store.json'))).toBe(false);
  });

  it('declines when a timer is due, and the full path converges first', () => {
    const h = home();
    h.ok('run', 'web', '--image=nginx:1.25');
    // An hour on: the pulls and probes the kubelet scheduled have fallen due.
    const later = { POCKETKUBE_WALLCLOCK: '2026-11-26T13:00:00Z' };
    expect(h.run(['get', 'pods'], { env: { ...LANE, ...later } })).toEqual(DECLINED);
    const full = h.run(['get', 'pods'], { env: { ...FULL, ...later } });
    expect(full.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nweb +1\/1 +Running +0 +60m\n$/);
    // Converged and saved by the full path: the lane answers now.
    expect(h.run(['get', 'pods'], { env: { ...LANE, ...later } })).toEqual(full);
  });

  it('declines with $KUBECONFIG, with credentials that are not the admin token, and with encryption at rest', () => {
    const h = home();
    h.ok('get', 'nodes');
    const config = path.join(h.dir, 'config');
    expect(h.run(['get', 'pods'], { env: { ...LANE, KUBECONFIG: config } })).toEqual(DECLINED);
    const text = fs.readFileSync(config, 'utf8');
    const token = JSON.parse(text).users[0].user.token;
    fs.writeFileSync(config, text.replace(token, 'not-the-token'));
    expect(h.run(['get', 'pods'], { env: LANE })).toEqual(DECLINED);
    expect(h.run(['get', 'pods'], { env: FULL })).toEqual({ code: 1, stdout: '', stderr: 'error: You must be logged in to the server (Unauthorized)\n' });
    fs.writeFileSync(config, text);
    h.ok('store', 'encrypt', '--provider', 'aesgcm');
    expect(h.run(['get', 'pods'], { env: LANE })).toEqual(DECLINED);
  });

  it('declines a kubeconfig kubectl would not load, which the full path reports', () => {
    const h = home();
    h.ok('get', 'nodes');
    const config = path.join(h.dir, 'config');
    const data = JSON.parse(fs.readFileSync(config, 'utf8'));
    // The current context is as before; another entry holds a bool where a string belongs.
    data.contexts.push({ name: true });
    fs.writeFileSync(config, JSON.stringify(data));
    expect(h.run(['get', 'pods'], { env: LANE })).toEqual(DECLINED);
    expect(h.run(['get', 'pods'], { env: FULL })).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: error loading config file "${config}": json: cannot unmarshal bool into Go struct field NamedContext.contexts.name of type string\n`,
    });
  });

  it('declines a damaged store, which the full path reports', () => {
    const h = home();
    h.ok('get', 'nodes');
    const file = h.ownCollectionFile('/registry/pods');
    fs.writeFileSync(file, '42\n');
    expect(h.run(['get', 'pods', '-A'], { env: LANE })).toEqual(DECLINED);
    expect(h.run(['get', 'pods', '-A'], { env: FULL })).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: the store ${file} is unreadable (it was cut short or changed: its index does not fit its lines); it was left untouched\n`,
    });
  });
});
