// Tables built one object at a time print as the whole list printed at once did.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types';
import { TableBuilder, renderTable, tableFor } from '../../src/printers/table';

const cm = (namespace: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name, creationTimestamp: '2026-01-01T00:00:00Z' }, data: { a: 'b' } }) as KubeObject;
const now = Date.parse('2026-01-01T00:05:00Z');

describe('a table built object by object', () => {
  it('renders what renderTable renders, with or without kinds and namespaces', () => {
    const objs = [cm('default', 'one'), cm('kube-system', 'two-with-a-longer-name')];
    for (const withNamespace of [false, true])
      for (const withKind of [false, true]) {
        const t = new TableBuilder(tableFor('ConfigMap'), { now, withNamespace });
        for (const o of objs) t.add(o);
        expect(t.render(withKind)).toBe(renderTable(tableFor('ConfigMap'), objs, { now, withNamespace, withKind }));
      }
    const t = new TableBuilder(tableFor('ConfigMap'), { now, withNamespace: true });
    for (const o of objs) t.add(o);
    expect(t.render(true)).toBe(
      'NAMESPACE     NAME                               DATA   AGE\n' +
        'default       configmap/one                      1      5m\n' +
        'kube-system   configmap/two-with-a-longer-name   1      5m\n',
    );
  });

  it('is empty when nothing was added', () => {
    expect(new TableBuilder(tableFor('ConfigMap'), { now }).render(true)).toBe('');
  });
});
