// `get pods` prints its table and -o name from the pods' views (Client.eachForTable): the rows come
// in the order a list of the objects has (key order, pods added by later commands included), and
// what needs whole pods (-v=8's bodies, --sort-by, field selectors) still reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

describe('get pods from the pods’ views', () => {
  const h = new Home();
  beforeAll(() => {
    h.ok('create', 'namespace', 'a');
    h.ok('create', 'namespace', 'a-b');
    // One command each, in reverse order: each lands in the store's journal after the last.
    for (const [ns, name] of [['a', 'zeta'], ['a-b', 'mid'], ['a', 'alpha'], ['default', 'solo']]) h.ok('-n', ns, 'run', name, '--image=nginx:1.25');
  });
  afterAll(() => h.remove());

  it('lists in key order across namespaces, as a list of the objects does', () => {
    const names = (args: string[]) => h.ok(...args).trim().split('\n');
    const words = (l: string) => l.split(/\s+/).join(' ');
    expect(names(['get', 'pods', '-A', '--no-headers']).map(words).filter((l) => !l.startsWith('kube-system'))).toEqual([
      'a-b mid 1/1 Running 0 0s',
      'a alpha 1/1 Running 0 0s',
      'a zeta 1/1 Running 0 0s',
      'default solo 1/1 Running 0 0s',
    ]);
    expect(names(['get', 'pods', '-n', 'a'])).toEqual(['NAME    READY   STATUS    RESTARTS   AGE', 'alpha   1/1     Running   0          0s', 'zeta    1/1     Running   0          0s']);
    expect(names(['get', 'pods', '-n', 'a', '-o', 'name'])).toEqual(['pod/alpha', 'pod/zeta']);
    expect(names(['get', 'pods', '-A', '-o', 'name']).filter((l) => !/kube|coredns|etcd/.test(l))).toEqual(['pod/mid', 'pod/alpha', 'pod/zeta', 'pod/solo']);
  });

  it('prints the same table whether rows come from views or from whole pods (--sort-by reads the pods)', () => {
    const fromViews = h.ok('get', 'pods', '-A', '-o', 'wide', '--show-labels');
    const fromPods = h.ok('get', 'pods', '-A', '-o', 'wide', '--show-labels', '--sort-by=.metadata.uid');
    const rows = (t: string) => t.trim().split('\n').slice(1).sort();
    expect(rows(fromPods)).toEqual(rows(fromViews));
    expect(h.ok('get', 'pods', '-n', 'a', '-l', 'run=zeta', '--no-headers')).toBe('zeta   1/1   Running   0     0s\n');
    expect(h.ok('get', 'pods', '-n', 'a', '--field-selector=metadata.name=alpha', '--no-headers')).toBe('alpha   1/1   Running   0     0s\n');
  });

  it('shows the list kubectl receives at -v=8 with the whole pods in its body', () => {
    const r = h.run(['get', 'pods', '-n', 'a', '-v=8']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('GET https://');
    expect(r.stderr).toContain('\\"imageID\\"');
  });
});
