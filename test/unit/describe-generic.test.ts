// kubectl's generic describer: field names as smartLabelFor makes them (fatih/camelcase's split,
// the acronyms kept upper case) and every field of the object as printUnstructuredContent prints it.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types';
import { camelCaseSplit, describeGeneric, smartLabelFor } from '../../src/printers/describe/generic';

describe('smartLabelFor', () => {
  it('splits camel case as fatih/camelcase does', () => {
    expect(camelCaseSplit('apiVersion')).toEqual(['api', 'Version']);
    expect(camelCaseSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelCaseSplit('GL11Version')).toEqual(['GL', '11', 'Version']);
    expect(camelCaseSplit('foo-bar')).toEqual(['foo', '-', 'bar']);
  });

  it('titles each part, keeps acronyms upper case and leaves keys with other characters alone', () => {
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('ownerReferences')).toBe('Owner References');
    expect(smartLabelFor('serviceURL')).toBe('Service URL');
    expect(smartLabelFor('dnsPolicy')).toBe('Dns Policy');
    expect(smartLabelFor('$patch')).toBe('$patch');
    expect(smartLabelFor('k8s-app')).toBe('k8s-app');
    expect(smartLabelFor('kubernetes.io/os')).toBe('kubernetes.io/os');
  });
});

describe('the generic describer', () => {
  it('prints the metadata lines, then the other fields sorted and nested, lists item after item', () => {
    const obj = {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't', namespace: 'ns', labels: { a: 'b' }, uid: 'u-1', creationTimestamp: '2026-11-26T12:00:00Z' },
      spec: { replicas: 3, ratio: 0.5, big: 1e21, on: true, none: null, empty: {}, names: ['x', 'y'], items: [{ port: 80 }, { port: 443 }] },
    } as unknown as KubeObject;
    const out = describeGeneric(obj, { now: 0, showEvents: false, lookup: { events: () => [], list: () => [] } });
    expect(out).toBe(
      [
        'Name:         t',
        'Namespace:    ns',
        'Labels:       a=b',
        'Annotations:  <none>',
        'API Version:  example.com/v1',
        'Kind:         Thing',
        'Metadata:',
        '  Creation Timestamp:  2026-11-26T12:00:00Z',
        '  UID:                 u-1',
        'Spec:',
        '  Big:  1e+21',
        '  Empty:',
        '  Items:',
        '    Port:  80',
        '    Port:  443',
        '  Names:',
        '    x',
        '    y',
        '  None:      <nil>',
        '  On:        true',
        '  Ratio:     0.5',
        '  Replicas:  3',
        '',
      ].join('\n'),
    );
  });
});
