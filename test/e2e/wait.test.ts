// kubectl wait through the launcher: conditions met at once or after simulated time passes,
// timeouts (one deadline for all objects), --timeout=0, deletion, creation, and the errors.
import { describe, expect, it } from 'vitest';
import { SLOW_DEPLOYMENT } from '../helpers/manifests';
import { type Home, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

describe('kubectl wait', () => {
  /** A home of its own where deployment slow was applied and waited for until Available (ten seconds on). */
  const available = (): Home => {
    const h = home();
    h.ok('apply', '-f', h.file('slow.yaml', SLOW_DEPLOYMENT));
    h.ok('wait', '--for=condition=Available', 'deploy/slow', '--timeout=20s');
    return h;
  };

  it('waits for a condition as simulated time passes, and gives up at the timeout', () => {
    const h = home();
    h.ok('apply', '-f', h.file('slow.yaml', SLOW_DEPLOYMENT));
    const early = h.run(['wait', '--for=condition=Available', 'deploy/slow', '--timeout=5s']);
    expect([early.code, early.stdout, early.stderr]).toEqual([1, '', 'error: timed out waiting for the condition on deployments/slow\n']);
    expect(h.ok('wait', '--for=condition=available', 'deployment/slow', '--timeout=20s')).toBe('deployment.apps/slow condition met\n');
    // Five seconds of timeout plus five more until the pods had been ready for ten.
    expect(h.ok('get', 'deploy', 'slow')).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nslow   3/3     3            3           10s\n');
  });

  it('checks once with --timeout=0', () => {
    const h = available();
    const pods = h.ok('wait', '--for=condition=Ready', 'pods', '-l', 'app=slow', '--timeout=0').trim().split('\n');
    expect(pods).toHaveLength(3);
    for (const line of pods) expect(line).toMatch(/^pod\/slow-[a-z0-9]+-[a-z0-9]{5} condition met$/);
    const not = h.run(['wait', '--for=condition=Ready=false', 'deploy/slow', '--timeout=0']);
    expect([not.code, not.stderr]).toEqual([1, 'error: condition not met for deployments/slow\n']);
  });

  it('prints what is met, then one line per failure', () => {
    const h = available();
    h.ok('create', 'deployment', 'stuck', '--image=nginx:1.91');
    const r = h.run(['wait', '--for=condition=Available', 'deploy/slow', 'deploy/stuck', 'deploy/nope', '--timeout=1m']);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      'deployment.apps/slow condition met\n',
      'timed out waiting for the condition on deployments/stuck\nError from server (NotFound): deployments.apps "nope" not found\n',
    ]);
    // The stuck rollout passes its deadline while someone waits long enough.
    expect(h.ok('wait', '--for=condition=Progressing=False', 'deploy/stuck', '--timeout=15m')).toBe('deployment.apps/stuck condition met\n');
  });

  it('waits for deletion, which is immediate for what is already gone', () => {
    const h = available();
    h.ok('create', 'deployment', 'stuck', '--image=nginx:1.91');
    expect(h.ok('delete', 'deploy', 'stuck', '--wait=false')).toBe('deployment.apps "stuck" deleted\n');
    const r = h.run(['wait', '--for=delete', 'deploy/stuck', 'deploy/nope']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const pod = h.ok('get', 'pods', '-l', 'app=slow', '-o', 'name').split('\n')[0];
    expect(h.ok('delete', pod, '--wait=false')).toBe(`${pod.replace('pod/', 'pod "')}" deleted\n`);
    const gone = h.run(['wait', '--for=delete', pod]);
    expect([gone.code, gone.stderr]).toEqual([0, '']);
  });

  it('waits for creation of what is named', () => {
    const h = available();
    expect(h.ok('wait', '--for=create', 'deploy/slow')).toBe('deployment.apps/slow condition met\n');
    const r = h.run(['wait', '--for=create', 'deploy/later', '--timeout=3s']);
    expect([r.code, r.stderr]).toEqual([1, 'error: timed out waiting for the condition\n']);
  });

  it('fails like kubectl on bad requests', () => {
    const h = home();
    const cases: [string[], string][] = [
      [['wait', 'pods', '--all'], 'error: unrecognized condition: ""\n'],
      [['wait', '--for=foo', 'pods', '--all'], 'error: unrecognized condition: "foo"\n'],
      [['wait', '--for=delete'], "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
      [['wait', '--for=condition=Ready', 'pods'], 'error: resource(s) were provided, but no name was specified\n'],
      [['wait', '--for=condition=Ready', 'pods', '-l', 'app=none'], 'error: no matching resources found\n'],
      [['wait', '--for=condition=Ready', 'pod/nosuch'], 'Error from server (NotFound): pods "nosuch" not found\n'],
      [['wait', '--for=condition=Ready', '--timeout=5', 'pods', '--all'], 'Error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee \'kubectl wait --help\' for usage.\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = h.run(args);
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 1, stderr]);
    }
  });
});

describe('JSONPath', () => {
  /** A home of its own with deployment web (two replicas of nginx:1.25) created. */
  const withWeb = (): Home => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    return h;
  };

  it('prints with -o jsonpath, jsonpath-as-json and --template, and fails like kubectl', () => {
    const h = withWeb();
    expect(h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}')).toBe('2 nginx:1.25');
    expect(h.ok('get', 'deploy', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}')).toBe('web\n');
    expect(h.ok('get', 'deploy', '-o', 'jsonpath', '--template={.items[0].kind}')).toBe('Deployment');
    expect(h.ok('get', 'deploy', '-o', 'jsonpath-as-json={.items[*].metadata.name}')).toBe('[\n    "web"\n]\n');
    expect(h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.nope}')).toBe('');
    const strict = h.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.nope}', '--allow-missing-template-keys=false']);
    expect(strict.code).toBe(1);
    expect(strict.stderr.startsWith('error: error executing jsonpath "{.spec.nope}": Error executing template: nope is not found. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.spec.nope}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"apps/v1", ')).toBe(true);
    expect(strict.stderr.endsWith('}}\n\n\n')).toBe(true);
    const parse = h.run(['get', 'deploy', 'web', '-o', 'jsonpath={.a']);
    expect([parse.code, parse.stderr]).toEqual([1, 'error: error parsing jsonpath {.a, unclosed action\n']);
    const empty = h.run(['get', 'deploy', 'web', '-o', 'jsonpath']);
    expect([empty.code, empty.stderr]).toEqual([1, 'error: template format specified but no template given\n']);
    expect(h.ok('create', 'deployment', 'other', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.metadata.name}')).toBe('other');
  });

  it('waits for a JSONPath value', () => {
    const h = withWeb();
    expect(h.ok('wait', '--for=jsonpath={.status.readyReplicas}=2', 'deploy/web')).toBe('deployment.apps/web condition met\n');
    expect(h.ok('wait', '--for=jsonpath={.status.conditions[?(@.type=="Available")].status}=True', 'deploy/web')).toBe('deployment.apps/web condition met\n');
    expect(h.ok('wait', '--for=jsonpath=.status.availableReplicas', 'deploy/web')).toBe('deployment.apps/web condition met\n');
    const cases: [string, string][] = [
      ['--for=jsonpath={.status.readyReplicas}=3', 'error: timed out waiting for the condition on deployments/web\n'],
      ['--for=jsonpath={.spec}=1', 'error: jsonpath leads to a nested object or list which is not supported\n'],
      ['--for=jsonpath={.a}=1=2', "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n"],
      ['--for=jsonpath={.a}=', "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n"],
      ['--for=jsonpath={.a', "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n"],
    ];
    for (const [flag, stderr] of cases) {
      const r = h.run(['wait', flag, 'deploy/web', '--timeout=5s']);
      expect([flag, r.code, r.stderr]).toEqual([flag, 1, stderr]);
    }
  });
});
