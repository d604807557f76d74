// The resource builder through every verb that names objects: -k wherever kubectl has it,
// kubectl's builder errors (names across all namespaces, selectors beside TYPE/NAME), tables in
// the order objects were named, describe's prefix match, get's --server-print and --subresource,
// and the shared --timeout flag. Expected texts were recorded from kubectl v1.32 (through
// scripts/kubectl-oracle.mjs where a server is needed) or read from its sources.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Home, throwawayHomes } from '../helpers/cli';
import { deploymentManifest } from '../helpers/manifests';

// web: two replicas of nginx:1.25 in a container named web.
const DEPLOYMENT = deploymentManifest('web', { spec: '  replicas: 2\n' });

const home = throwawayHomes();

/** A cluster with deployment web (two pods) applied from a kustomization directory. */
function cluster(): { h: Home; kz: string; pods: string[] } {
  const h = home();
  const kz = path.dirname(h.file('kz/kustomization.yaml', 'resources:\n- deploy.yaml\n'));
  h.file('kz/deploy.yaml', DEPLOYMENT);
  h.ok('apply', '-k', kz);
  const pods = h.ok('get', 'pods', '-o', 'name').trim().split('\n');
  return { h, kz, pods };
}

describe('-k on every verb kubectl gives it', () => {
  it('labels, annotates, patches, scales, sets and describes the kustomization objects', () => {
    const { h, kz } = cluster();
    expect(h.ok('label', '-k', kz, 'tier=front')).toBe('deployment.apps/web labeled\n');
    expect(h.ok('annotate', '-k', kz, 'note=x')).toBe('deployment.apps/web annotated\n');
    expect(h.ok('patch', '-k', kz, '-p', '{"spec":{"minReadySeconds":1}}')).toBe('deployment.apps/web patched\n');
    expect(h.ok('scale', '-k', kz, '--replicas=3')).toBe('deployment.apps/web scaled\n');
    expect(h.ok('set', 'image', '-k', kz, 'web=nginx:1.26')).toBe('deployment.apps/web image updated\n');
    expect(h.ok('rollout', 'status', '-k', kz)).toMatch(/^(Waiting for deployment "web" rollout to finish: .*\n)*deployment "web" successfully rolled out\n$/);
    expect(h.ok('rollout', 'history', '-k', kz)).toMatch(/^deployment\.apps\/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n$/);
    expect(h.ok('describe', '-k', kz)).toMatch(/^Name:                   web\nNamespace:              default\n/);
    expect(h.ok('apply', 'view-last-applied', '-k', kz)).toContain('name: web\n');
    expect(h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.labels.tier} {.spec.replicas} {.spec.template.spec.containers[0].image}')).toBe('front 3 nginx:1.26');
  });

  it('refuses -k beside -f or -R, as the builder does', () => {
    const { h, kz } = cluster();
    const f = h.file('d.yaml', DEPLOYMENT);
    expect(h.run(['describe', '-k', kz, '-f', f]).stderr).toBe('error: only one of -f or -k can be specified\n');
    expect(h.run(['label', '-k', kz, '-R', 'a=b']).stderr).toBe("error: the -k flag can't be used with -f or -R\n");
  });
});

describe("kubectl's resource builder errors", () => {
  it('refuses a name across all namespaces and selectors beside TYPE/NAME', () => {
    const { h, pods } = cluster();
    const before = h.storeHash();
    expect(h.run(['get', 'pods', 'web', '-A'])).toEqual({ stdout: '', stderr: 'error: a resource cannot be retrieved by name across all namespaces\n', code: 1 });
    expect(h.run(['describe', 'deploy', 'web', '-A']).stderr).toBe('error: a resource cannot be retrieved by name across all namespaces\n');
    expect(h.run(['get', pods[0], '-l', 'app=web']).stderr).toBe('error: selectors and the all flag cannot be used when passing resource/name arguments\n');
    expect(h.run(['delete', 'pods', 'x', '-l', 'app=web']).stderr).toBe('error: name cannot be provided when a selector is specified\n');
    expect(h.run(['get', 'deploy', '--subresource=scale']).stderr).toBe('error: subresource cannot be used when bulk resources are specified\n');
    expect(h.storeHash()).toBe(before);
  });

  it('prints a table each time the kind changes, in the order the objects were named', () => {
    const { h, pods } = cluster();
    const out = h.ok('get', pods[0], 'deploy/web', pods[1]);
    const headers = out.split('\n').filter((l) => l.startsWith('NAME'));
    expect(headers.map((l) => l.split(/\s+/)[1])).toEqual(['READY', 'READY', 'READY']);
    expect(out.split('\n\n').map((t) => t.split('\n')[1].split(' ')[0])).toEqual([pods[0], 'deployment.apps/web', pods[1]]);
    expect(h.ok('get', pods[0], 'deploy/web', pods[1], '-o', 'name')).toBe(`${pods[0]}\ndeployment.apps/web\n${pods[1]}\n`);
  });

  it("describes by prefix only for TYPE NAME, and says where nothing was found", () => {
    const { h } = cluster();
    expect(h.ok('describe', 'deploy', 'we')).toMatch(/^Name:                   web\n[^]*\n\n$/);
    expect(h.run(['describe', 'deploy/we'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "we" not found\n', code: 1 });
    expect(h.run(['describe', 'nodes', '-l', 'nope=1'])).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 });
  });
});

describe('get --server-print and --subresource', () => {
  it("prints kubectl's own NAME/AGE table, a Scale's table, or the server's 404", () => {
    const { h, pods } = cluster();
    expect(h.ok('get', 'deploy', '--server-print=false')).toMatch(/^NAME   AGE\nweb    \d+s\n$/);
    expect(h.ok('get', 'deploy', '-A', '--server-print=false')).toMatch(/^NAMESPACE     NAME      AGE\ndefault       web       \d+s\nkube-system   coredns   \d+[smhd]\n$/);
    expect(h.ok('get', 'deploy', 'web', '--subresource=scale')).toMatch(/^NAME   DESIRED   AVAILABLE   AGE\nweb    2         2           \d+s\n$/);
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '--subresource', 'scale', '-o', 'json'))).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 2 }, status: { replicas: 2, selector: 'app=web' } });
    expect(h.ok('get', pods[0], '--subresource=status', '--no-headers')).toMatch(/ Running /);
    const notServed = 'Error from server (NotFound): the server could not find the requested resource\n';
    expect(h.run(['get', pods[0], '--subresource=scale']).stderr).toBe(notServed);
    expect(h.run(['get', 'cm', 'kube-root-ca.crt', '--subresource=status']).stderr).toBe(notServed);
    expect(h.run(['get', 'deploy', 'web', '--subresource=x']).stderr).toBe(notServed);
  });
});

describe('scale as kubectl v1.32 runs it', () => {
  it('prints each object as fetched, scales what was found and reports the rest after', () => {
    const { h } = cluster();
    const before = JSON.parse(h.ok('scale', 'deploy', 'web', '--replicas=3', '-o', 'json'));
    expect(before.spec.replicas).toBe(2);
    expect(h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).toBe('3');
    expect(h.run(['scale', 'deploy', 'web', 'nosuch', '--replicas=1'])).toEqual({
      stdout: 'deployment.apps/web scaled\n',
      stderr: 'Error from server (NotFound): deployments.apps "nosuch" not found\n',
      code: 1,
    });
    expect(h.run(['scale', 'deploy', 'a', 'b', '--replicas=1']).stderr).toBe('error: no objects passed to scale [deployments.apps "a" not found, deployments.apps "b" not found]\n');
  });
});

describe('the shared flag groups', () => {
  it('parses --timeout as a duration everywhere and lets replace take --timeout=0s without --force', () => {
    const { h } = cluster();
    const f = h.file('d.yaml', DEPLOYMENT);
    expect(h.run(['delete', 'deploy', 'web', '--timeout=abc']).stderr).toBe('Error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee \'kubectl delete --help\' for usage.\n');
    expect(h.ok('replace', '-f', f, '--timeout=0s')).toBe('deployment.apps/web replaced\n');
    expect(h.run(['replace', '-f', f, '--timeout=5s']).stderr).toBe('error: --timeout must have --force specified\n');
  });

  it('filters create -f by -l, as the builder filters files', () => {
    const { h } = cluster();
    const cm = h.file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n  labels:\n    pick: "yes"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n');
    expect(h.ok('create', '-f', cm, '-l', 'pick=yes')).toBe('configmap/one created\n');
    expect(h.run(['create', '-f', cm, '-l', 'pick=no']).stderr).toBe('error: no objects passed to create\n');
  });
});

describe('logs --all-pods', () => {
  it("prints every pod's logs behind a workload, each line prefixed, without choosing one", () => {
    const { h, pods } = cluster();
    const r = h.run(['logs', 'deploy/web', '--all-pods', '--tail=1', '--insecure-skip-tls-verify-backend']);
    expect(r.stderr).toBe('');
    const sorted = [...pods].sort();
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(']') + 1))).toEqual(sorted.map((p) => `[${p}/web]`));
    expect(h.run(['logs', 'deploy/web', '--tail=1']).stderr).toMatch(/^Found 2 pods, using pod\/web-\S+\n$/);
  });
});

describe('exec -f', () => {
  it('execs in the pod a file names, and refuses several', () => {
    const h = home();
    h.ok('run', 'pp', '--image=nginx');
    const pod = h.ok('get', 'pod', 'pp', '-o', 'yaml');
    expect(h.ok('exec', '-f', h.file('pp.yaml', pod), '--', 'echo', 'hi')).toBe('hi\n');
    expect(h.run(['exec', '-f', h.file('two.yaml', `${pod}---\n${pod}`), '--', 'echo', 'hi']).stderr).toBe('error: cannot exec into multiple objects at a time\n');
    expect(h.run(['exec', 'pp', '-f', h.file('pp2.yaml', pod), 'echo']).stderr).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
  });
});

describe('api-resources --namespaced', () => {
  it('is a boolean that filters only when given', () => {
    const h = home();
    const names = (...flags: string[]) => h.ok('api-resources', '-o', 'name', ...flags).trim().split('\n');
    const all = names();
    const namespaced = names('--namespaced');
    const cluster = names('--namespaced=false');
    expect(namespaced).toContain('pods');
    expect(namespaced).not.toContain('nodes');
    expect(cluster).toContain('nodes');
    expect([...namespaced, ...cluster].sort()).toEqual([...all].sort());
    expect(names('--namespaced=true')).toEqual(namespaced);
  });
});

describe('patch --subresource=scale', () => {
  it('patches the Scale with any patch type and prints the Scale the server answers with', () => {
    const { h } = cluster();
    expect(h.ok('patch', 'deploy', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":3}}')).toBe('scale.autoscaling/web patched\n');
    expect(h.ok('patch', 'deploy', 'web', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":3}}')).toBe('scale.autoscaling/web patched (no change)\n');
    const scale = JSON.parse(h.ok('patch', 'deploy', 'web', '--subresource=scale', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":1}]', '-o', 'json'));
    expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 1 } });
    expect(h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).toBe('1');
  });
});
