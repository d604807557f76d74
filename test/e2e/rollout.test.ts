// kubectl rollout through the launcher: history and undo across revisions, status lines while
// simulated time is fast-forwarded, the seed's failed rolling update and its recovery, pause,
// resume and restart, and kubectl's errors.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SLOW_DEPLOYMENT } from '../helpers/manifests';
import { Home, ROOT, throwawayHomes } from '../helpers/cli';

const FIXTURES = path.join(ROOT, 'test', 'e2e', 'fixtures');

const home = throwawayHomes();

function rsNames(h: Home, app: string): string[] {
  return h.ok('get', 'rs', '-l', `app=${app}`, '-o', 'name').trim().split('\n');
}

function images(h: Home, app: string): string[] {
  return JSON.parse(h.ok('get', 'pods', '-l', `app=${app}`, '-o', 'json'))
    .items.map((p: { spec: { containers: { image: string }[] } }) => p.spec.containers[0].image)
    .sort();
}

describe('history and undo', () => {
  // Each undo adds a revision to the history the next one reads: one story, told in order.
  it('in sequence: lists revisions with their change-causes, undoes to the previous revision, undoes to a named revision, and prints the target template on a client dry run', () => {
    const h = home();

    // Lists revisions with their change-causes and shows one in detail.
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    expect(h.ok('rollout', 'history', 'deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    const set = h.run(['set', 'image', 'deploy/web', 'nginx=nginx:1.26', '--record']);
    expect(set.stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(h.ok('rollout', 'history', 'deploy', 'web')).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deploy/web nginx=nginx:1.26 --record=true\n\n',
    );
    const hash = JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).metadata.annotations['deployment.kubernetes.io/revision'];
    expect(hash).toBe('2');
    const rs2 = rsNames(h, 'web').find((n) => h.ok('get', n, '-o', 'json').includes('nginx:1.26'))!;
    const podHash = rs2.slice('replicaset.apps/web-'.length);
    expect(h.ok('rollout', 'history', 'deploy/web', '--revision=2')).toBe(
      [
        'deployment.apps/web with revision #2',
        'Pod Template:',
        '  Labels:\tapp=web',
        `\tpod-template-hash=${podHash}`,
        '  Annotations:\tkubernetes.io/change-cause: kubectl set image deploy/web nginx=nginx:1.26 --record=true',
        '  Containers:',
        '   nginx:',
        '    Image:\tnginx:1.26',
        '    Port:\t<none>',
        '    Host Port:\t<none>',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
        '',
      ].join('\n'),
    );
    const missing = h.run(['rollout', 'history', 'deploy/web', '--revision=7']);
    expect([missing.code, missing.stderr]).toEqual([1, 'error: unable to find the specified revision\n']);

    // Undoes to the previous revision, which takes a new number.
    expect(h.ok('rollout', 'undo', 'deploy/web')).toBe('deployment.apps/web rolled back\n');
    expect(images(h, 'web')).toEqual(['nginx:1.25', 'nginx:1.25']);
    expect(h.ok('rollout', 'history', 'deploy/web')).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         kubectl set image deploy/web nginx=nginx:1.26 --record=true\n3         <none>\n\n',
    );
    const rs = JSON.parse(h.ok('get', 'rs', '-l', 'app=web', '-o', 'json')).items.find((r: any) => r.spec.template.spec.containers[0].image === 'nginx:1.25');
    expect(rs.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');

    // Undoes to a named revision, and skips one that is already running.
    expect(h.ok('rollout', 'undo', 'deploy/web', '--to-revision=2')).toBe('deployment.apps/web rolled back\n');
    expect(images(h, 'web')).toEqual(['nginx:1.26', 'nginx:1.26']);
    expect(h.ok('rollout', 'history', 'deploy/web')).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n3         <none>\n4         kubectl set image deploy/web nginx=nginx:1.26 --record=true\n\n',
    );
    expect(h.ok('rollout', 'undo', 'deploy/web', '--to-revision=4')).toBe('deployment.apps/web skipped rollback (current template already matches revision 4)\n');
    const gone = h.run(['rollout', 'undo', 'deploy/web', '--to-revision=9']);
    expect([gone.code, gone.stderr]).toEqual([1, 'error: unable to find specified revision 9 in history\n']);

    // Prints the target template on a client dry run and changes nothing.
    const before = h.storeBytes();
    const out = h.ok('rollout', 'undo', 'deploy/web', '--dry-run=client');
    expect(out.startsWith('deployment.apps/web Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=')).toBe(true);
    expect(out).toContain('    Image:\tnginx:1.25\n');
    expect(out.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true);
    expect(h.storeBytes().equals(before)).toBe(true);
    expect(h.ok('rollout', 'undo', 'deploy/web', '--dry-run=server')).toBe('deployment.apps/web rolled back (server dry run)\n');
    expect(images(h, 'web')).toEqual(['nginx:1.26', 'nginx:1.26']);
  });

  it('has nothing to undo on a first revision', () => {
    const h = home();
    h.ok('create', 'deployment', 'solo', '--image=nginx:1.25');
    const r = h.run(['rollout', 'undo', 'deploy/solo']);
    expect([r.code, r.stderr]).toEqual([1, 'error: no rollout history found for deployment "solo"\n']);
  });
});

describe('rollout status', () => {
  /** A home of its own with deployment slow applied and rolled out (at revision 1). */
  const rolledOut = () => {
    const h = home();
    h.ok('apply', '-f', h.file('slow.yaml', SLOW_DEPLOYMENT));
    h.ok('rollout', 'status', 'deploy/slow');
    return h;
  };

  // The pinned revision is the second rollout's, which the first case follows: one story.
  it('in sequence: follows a rollout as simulated time passes, line by line as kubectl prints them, then prints once with --watch=false and checks a pinned revision', () => {
    const h = home();

    // Follows a rollout as simulated time passes, line by line as kubectl prints them.
    h.ok('apply', '-f', h.file('slow.yaml', SLOW_DEPLOYMENT));
    expect(h.ok('rollout', 'status', 'deploy/slow')).toBe(
      'Waiting for deployment "slow" rollout to finish: 0 of 3 updated replicas are available...\ndeployment "slow" successfully rolled out\n',
    );
    h.ok('set', 'image', 'deploy/slow', 'web=nginx:1.26');
    const waiting = (s: string) => `Waiting for deployment "slow" rollout to finish: ${s}...\n`;
    expect(h.ok('rollout', 'status', 'deploy/slow')).toBe(
      waiting('1 out of 3 new replicas have been updated').repeat(3) +
        waiting('2 out of 3 new replicas have been updated').repeat(3) +
        waiting('1 old replicas are pending termination').repeat(2) +
        'deployment "slow" successfully rolled out\n',
    );
    // Thirty simulated seconds went by: the events say so.
    expect(h.ok('get', 'events', '--field-selector', 'reason=ScalingReplicaSet', '-o', 'json').match(/"lastTimestamp": "[^"]+"/g)!.pop()).toBe(
      '"lastTimestamp": "2026-11-26T12:00:40Z"',
    );

    // Prints once with --watch=false, and checks a pinned revision.
    expect(h.ok('rollout', 'status', 'deploy/slow', '--watch=false')).toBe('deployment "slow" successfully rolled out\n');
    const r = h.run(['rollout', 'status', 'deploy/slow', '--revision=1']);
    expect([r.code, r.stderr]).toEqual([1, 'error: desired revision (1) is different from the running revision (2)\n']);
    expect(h.ok('rollout', 'status', 'deploy/slow', '--revision=2')).toBe('deployment "slow" successfully rolled out\n');
  });

  it('reports every deployment of a bare type, and an empty namespace', () => {
    const h = rolledOut();
    expect(h.ok('rollout', 'status', 'deployment')).toBe('deployment "slow" successfully rolled out\n');
    const none = h.run(['rollout', 'status', 'deployment', '-n', 'kube-public']);
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', 'No resources found in kube-public namespace.\n']);
  });

  it('rejects bad flags as kubectl does', () => {
    const h = rolledOut();
    const cases: [string[], string][] = [
      [['rollout', 'status'], 'error: required resource not specified\n'],
      [['rollout', 'status', 'deploy/slow', '--timeout=10'], 'Error: invalid argument "10" for "--timeout" flag: time: missing unit in duration "10"\nSee \'kubectl rollout status --help\' for usage.\n'],
      [['rollout', 'status', 'deploy/slow', '--timeout=abc'], 'Error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee \'kubectl rollout status --help\' for usage.\n'],
      [['rollout', 'status', 'deploy/slow', '--timeout=3x'], 'Error: invalid argument "3x" for "--timeout" flag: time: unknown unit "x" in duration "3x"\nSee \'kubectl rollout status --help\' for usage.\n'],
      [['rollout', 'status', 'deploy/slow', '--revision=-1'], 'error: revision must be a positive integer: -1\n'],
      [['rollout', 'status', 'deploy/nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
      [['rollout', 'status', 'cm/kube-root-ca.crt'], 'error: no status viewer has been implemented for ConfigMap\n'],
      [['rollout', 'history', 'cm/kube-root-ca.crt'], 'error: no history viewer has been implemented for "ConfigMap"\n'],
      [['rollout', 'undo', 'cm/kube-root-ca.crt'], 'error: no rollbacker has been implemented for "ConfigMap"\n'],
      [['rollout', 'pause', 'cm/kube-root-ca.crt'], 'error: configmaps "kube-root-ca.crt" pausing is not supported\n'],
      [['rollout', 'resume', 'cm/kube-root-ca.crt'], 'error: configmaps "kube-root-ca.crt" resuming is not supported\n'],
      [['rollout', 'restart', 'cm/kube-root-ca.crt'], 'error: configmaps "kube-root-ca.crt" restarting is not supported\n'],
      [['rollout', 'foo'], "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = h.run(args);
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 1, stderr]);
    }
  });

  it('alone prints kubectl\'s help and fails, as does set alone (to standard error)', () => {
    const h = home();
    const rollout = h.run(['rollout']);
    expect([rollout.code, rollout.stdout, rollout.stderr]).toEqual([1, fs.readFileSync(path.join(FIXTURES, 'help-rollout.txt'), 'utf8'), '']);
    const set = h.run(['set']);
    expect([set.code, set.stdout, set.stderr]).toEqual([1, '', fs.readFileSync(path.join(FIXTURES, 'help-set.txt'), 'utf8')]);
  });
});

describe('a failed rolling update (the seed\'s example)', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('stops where maxUnavailable says, times out, passes its deadline, and undo recovers', () => {
    h.ok('create', 'deployment', 'nginx-deployment', '--image=nginx:1.25', '--replicas=3');
    h.ok('patch', 'deploy/nginx-deployment', '-p', '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":1}}}}');
    h.ok('set', 'image', 'deploy/nginx-deployment', 'nginx=nginx:1.91');
    const rs = h.ok('get', 'rs', '--no-headers').trim().split('\n').map((l) => l.split(/\s+/).slice(1, 4).join(' ')).sort();
    expect(rs).toEqual(['2 2 0', '2 2 2']);
    const bad = h.ok('get', 'pods', '--no-headers').split('\n').filter((l) => l.includes('0/1'));
    expect(bad).toHaveLength(2);
    for (const l of bad) expect(l).toMatch(/ErrImagePull/);

    const waiting = 'Waiting for deployment "nginx-deployment" rollout to finish: 2 out of 3 new replicas have been updated...\n';
    const timedOut = h.run(['rollout', 'status', 'deploy/nginx-deployment', '--timeout=30s']);
    expect([timedOut.code, timedOut.stdout, timedOut.stderr]).toEqual([1, waiting, 'error: timed out waiting for the condition\n']);
    expect(h.ok('get', 'pods', '--no-headers').split('\n').filter((l) => l.includes('0/1')).every((l) => /ImagePullBackOff|ErrImagePull/.test(l))).toBe(true);

    const deadline = h.run(['rollout', 'status', 'deploy/nginx-deployment']);
    expect([deadline.code, deadline.stdout, deadline.stderr]).toEqual([1, waiting, 'error: deployment "nginx-deployment" exceeded its progress deadline\n']);
    expect(h.ok('get', 'deploy', 'nginx-deployment')).toMatch(/nginx-deployment   2\/3     2            2           10m\n$/);
    const describe = h.ok('describe', 'deploy', 'nginx-deployment');
    expect(describe).toContain('  Available      True    MinimumReplicasAvailable\n  Progressing    False   ProgressDeadlineExceeded\n');

    expect(h.ok('rollout', 'undo', 'deploy/nginx-deployment')).toBe('deployment.apps/nginx-deployment rolled back\n');
    expect(h.ok('rollout', 'status', 'deploy/nginx-deployment')).toBe('deployment "nginx-deployment" successfully rolled out\n');
    expect(images(h, 'nginx-deployment')).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25']);
    expect(h.ok('get', 'deploy', 'nginx-deployment')).toMatch(/nginx-deployment   3\/3     3            3           10m\n$/);
  });
});

describe('pause, resume and restart', () => {
  // The restart's revision number counts the paused and resumed rollouts before it: one story.
  it('in sequence: holds template changes while paused and rolls them out on resume, then restarts with a restartedAt stamp, once per second', () => {
    const h = home();

    // Holds template changes while paused and rolls them out on resume.
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    h.ok('set', 'image', 'deploy/web', 'nginx=nginx:1.26');
    expect(h.ok('rollout', 'pause', 'deploy/web')).toBe('deployment.apps/web paused\n');
    const again = h.run(['rollout', 'pause', 'deploy/web']);
    expect([again.code, again.stderr]).toEqual([1, 'error: deployments.apps "web" is already paused\n']);
    h.ok('set', 'image', 'deploy/web', 'nginx=nginx:1.27');
    expect(rsNames(h, 'web')).toHaveLength(2);
    expect(h.ok('describe', 'deploy', 'web')).toContain('  Progressing    Unknown  DeploymentPaused\n');
    expect(h.ok('rollout', 'status', 'deploy/web', '--watch=false')).toBe('Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...\n');
    // Nothing will change while paused: the wait ends at once instead of hanging.
    const paused = h.run(['rollout', 'status', 'deploy/web']);
    expect([paused.code, paused.stderr]).toEqual([1, 'error: timed out waiting for the condition\n']);
    const undo = h.run(['rollout', 'undo', 'deploy/web']);
    expect([undo.code, undo.stderr]).toEqual([1, "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n"]);
    const restart = h.run(['rollout', 'restart', 'deploy/web']);
    expect([restart.code, restart.stderr]).toEqual([1, 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n']);

    expect(h.ok('rollout', 'resume', 'deploy/web')).toBe('deployment.apps/web resumed\n');
    const resumed = h.run(['rollout', 'resume', 'deploy/web']);
    expect([resumed.code, resumed.stderr]).toEqual([1, 'error: deployments.apps "web" is not paused\n']);
    expect(images(h, 'web')).toEqual(['nginx:1.27', 'nginx:1.27']);
    expect(h.ok('rollout', 'history', 'deploy/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n');

    // Restarts with a restartedAt stamp, once per second.
    expect(h.ok('rollout', 'restart', 'deploy/web')).toBe('deployment.apps/web restarted\n');
    const d = JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json'));
    expect(d.spec.template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-11-26T12:00:00Z' });
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('4');
    const twice = h.run(['rollout', 'restart', 'deploy/web']);
    expect([twice.code, twice.stderr]).toEqual([
      1,
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    ]);
    const later = h.run(['rollout', 'restart', 'deploy/web'], { env: { POCKETKUBE_WALLCLOCK: '2026-11-26T13:30:00+01:00', TZ: 'Europe/Paris' } });
    expect(later.stdout).toBe('deployment.apps/web restarted\n');
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2026-11-26T13:30:00+01:00');
  });
});

describe('pocketkube clock', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('moves cluster time forward and runs what falls due', () => {
    h.ok('create', 'deployment', 'web', '--image=nginx:1.91');
    expect(h.ok('clock', 'show')).toBe('2026-11-26T12:00:00Z\n');
    expect(h.ok('clock', 'advance', '9m')).toBe('2026-11-26T12:09:00Z\n');
    expect(h.ok('describe', 'deploy', 'web')).toContain('  Progressing    True    ReplicaSetUpdated\n');
    expect(h.ok('clock', 'advance', '2m')).toBe('2026-11-26T12:11:00Z\n');
    expect(h.ok('describe', 'deploy', 'web')).toContain('  Progressing    False   ProgressDeadlineExceeded\n');
    expect(h.ok('get', 'pods', '--no-headers')).toMatch(/^web-\S+ +0\/1 +(ImagePullBackOff|ErrImagePull) +0 +11m\n$/);
    const back = h.run(['clock', 'advance', '--', '-1m']);
    expect([back.code, back.stderr]).toEqual([1, 'error: the cluster clock cannot go backwards\n']);
  });
});
