// Tables built one object at a time, as get prints them.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types';
import { TableBuilder, tableFor } from '../../src/printers/table';

const cm = (namespace: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name, creationTimestamp: '2026-01-01T00:00:00Z' }, data: { a: 'b' } }) as KubeObject;
const now = Date.parse('2026-01-01T00:05:00Z');

describe('a table built object by object', () => {
  it('prints kubectl\'s table, names carrying their kind only when asked at the end', () => {
    const table = (withNamespace: boolean) => {
      const t = new TableBuilder(tableFor('ConfigMap'), { now, withNamespace });
      for (const o of [cm('default', 'one'), cm('kube-system', 'two-with-a-longer-name')]) t.add(o);
      return t;
    };
    expect(table(false).render()).toBe('NAME                     DATA   AGE\n' + 'one                      1      5m\n' + 'two-with-a-longer-name   1      5m\n');
    expect(table(true).render(true)).toBe(
      'NAMESPACE     NAME                               DATA   AGE\n' +
        'default       configmap/one                      1      5m\n' +
        'kube-system   configmap/two-with-a-longer-name   1      5m\n',
    );
  });

  it('is empty when nothing was added', () => {
    expect(new TableBuilder(tableFor('ConfigMap'), { now }).render(true)).toBe('');
  });
});
