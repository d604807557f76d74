// kubectl top's tables. The expected texts of the first cases are kubectl v1.32's own
// (k8s.io/kubectl pkg/metricsutil/metrics_printer_test.go at v0.32.4: the tables its printer
// wrote), the rest follow from the same printer code (metrics_printer.go, metrics_sorter.go).
import { describe, expect, it } from 'vitest';
import type { NodeMetrics, PodMetrics } from '../../src/api/metrics';
import { Quantity, parseQuantity } from '../../src/api/meta/quantity';
import { formatUsage, nodeMetricsTable, percent, podMetricsTable } from '../../src/printers/top';

const node = (name: string, cpu: string, memory: string): NodeMetrics => ({ metadata: { name }, timestamp: '', window: '1m0s', usage: { cpu, memory } });
const pod = (name: string, containers: [string, string, string][], namespace = 'default'): PodMetrics => ({
  metadata: { name, namespace },
  timestamp: '',
  window: '1m0s',
  containers: containers.map(([n, cpu, memory]) => ({ name: n, usage: { cpu, memory } })),
});
const capacity = (...names: string[]) => new Map(names.map((n) => [n, { cpu: '10', memory: '10Gi' }]));
const pods = { noHeaders: false, sortBy: '' as const, containers: false, withNamespace: false, sum: false };
const two = pod('test', [['container1', '0.2', '1Gi'], ['container2', '0.2', '1Gi']]);
const other = pod('test-1', [['container1', '0.2', '3Gi'], ['container2', '0.2', '2Gi']]);

describe('top node table (kubectl v1.32 goldens)', () => {
  const cases: [string, NodeMetrics[], string[], { noHeaders: boolean; sortBy: '' | 'cpu' | 'memory' }, string][] = [
    ['single node with header', [node('node1', '1', '1Gi')], ['node1'], { noHeaders: false, sortBy: '' }, 'NAME    CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nnode1   1000m        10%      1024Mi          10%         \n'],
    ['without header', [node('node1', '1', '1Gi')], ['node1'], { noHeaders: true, sortBy: '' }, 'node1   1000m   10%   1024Mi   10%   \n'],
    [
      'a node without metrics',
      [node('node1', '1', '1Gi')],
      ['node1', 'node2'],
      { noHeaders: false, sortBy: '' },
      'NAME    CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \nnode1   1000m        10%         1024Mi          10%         \nnode2   <unknown>    <unknown>   <unknown>       <unknown>   \n',
    ],
    [
      'sorted by memory',
      [node('node1', '1', '1Gi'), node('node2', '2', '5Gi')],
      ['node1', 'node2'],
      { noHeaders: false, sortBy: 'memory' },
      'NAME    CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nnode2   2000m        20%      5120Mi          50%         \nnode1   1000m        10%      1024Mi          10%         \n',
    ],
  ];
  it.each(cases)('%s', (_name, metrics, nodes, opts, want) => {
    expect(nodeMetricsTable(metrics, capacity(...nodes), opts)).toBe(want);
  });

  it('prints nothing without metrics, and no percentages for a node it was not given (cells at least 6 wide)', () => {
    expect(nodeMetricsTable([], capacity('node1'), { noHeaders: false, sortBy: '' })).toBe('');
    expect(nodeMetricsTable([node('ghost', '5m', '1Mi')], new Map(), { noHeaders: true, sortBy: '' })).toBe('ghost   5m    1Mi   \n');
  });
});

describe('top pod table (kubectl v1.32 goldens)', () => {
  it('sums containers per pod', () => {
    expect(podMetricsTable([two], pods)).toBe('NAME   CPU(cores)   MEMORY(bytes)   \ntest   400m         2048Mi          \n');
    expect(podMetricsTable([two], { ...pods, noHeaders: true })).toBe('test   400m   2048Mi   \n');
  });

  it('prints containers', () => {
    expect(podMetricsTable([two], { ...pods, containers: true })).toBe(
      'POD    NAME         CPU(cores)   MEMORY(bytes)   \ntest   container1   200m         1024Mi          \ntest   container2   200m         1024Mi          \n',
    );
  });

  it('sorts by memory', () => {
    expect(podMetricsTable([two, other], { ...pods, sortBy: 'memory' })).toBe('NAME     CPU(cores)   MEMORY(bytes)   \ntest-1   400m         5120Mi          \ntest     400m         2048Mi          \n');
  });

  it('adds the sum', () => {
    expect(podMetricsTable([two, other], { ...pods, sum: true })).toBe(
      'NAME     CPU(cores)   MEMORY(bytes)   \ntest     400m         2048Mi          \ntest-1   400m         5120Mi          \n         ________     ________        \n         800m         7168Mi          \n',
    );
  });
});

describe('top pod table, from the printer code', () => {
  it('orders by namespace then name with -A, and puts NAMESPACE first', () => {
    const a = pod('web', [['nginx', '250m', '128Mi']], 'b');
    const b = pod('db', [['pg', '1', '1Gi']], 'a');
    expect(podMetricsTable([a, b], { ...pods, withNamespace: true, containers: true })).toBe(
      'NAMESPACE   POD   NAME    CPU(cores)   MEMORY(bytes)   \na           db    pg      1000m        1024Mi          \nb           web   nginx   250m         128Mi           \n',
    );
  });

  it('sorts containers by the same key, the larger first', () => {
    const p = pod('app', [['a', '10m', '1Mi'], ['b', '30m', '1Mi'], ['c', '20m', '1Mi']]);
    expect(podMetricsTable([p], { ...pods, containers: true, sortBy: 'cpu', noHeaders: true })).toBe('app   b     30m   1Mi   \napp   c     20m   1Mi   \napp   a     10m   1Mi   \n');
  });

  it('indents the sum by the header it counted: none without headers', () => {
    // columnWidth grows only while the header is printed, so -A --no-headers --sum is one cell short.
    const p = pod('web', [['nginx', '250m', '128Mi']]);
    expect(podMetricsTable([p], { ...pods, withNamespace: true, noHeaders: true, sum: true })).toBe(
      'default   web        250m       128Mi   \n          ________   ________   \n          250m       128Mi      \n',
    );
  });
});

describe('quantities as kubectl top prints them', () => {
  it.each([
    ['cpu', '250m', '250m'],
    ['cpu', '123456789n', '124m'],
    ['cpu', '1', '1000m'],
    ['cpu', '0', '0m'],
    ['memory', '128Mi', '128Mi'],
    ['memory', '134217727', '127Mi'],
    ['memory', '1602512Ki', '1564Mi'],
    ['memory', '1Gi', '1024Mi'],
  ] as const)('%s %s -> %s', (res, q, want) => {
    expect(formatUsage(res, parseQuantity(q))).toBe(want);
  });

  it('truncates percentages and calls a share of nothing MinInt64, as Go does on amd64', () => {
    expect(percent(parseQuantity('250m'), parseQuantity('2'))).toBe('12%');
    expect(percent(parseQuantity('1999m'), parseQuantity('2'))).toBe('99%');
    expect(percent(parseQuantity('1'), Quantity.zero())).toBe('-9223372036854775808%');
  });
});
