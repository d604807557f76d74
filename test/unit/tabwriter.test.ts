// Go's text/tabwriter as kubectl configures it. Expected outputs were produced by Go's
// text/tabwriter with kubectl's settings: get = NewWriter(w, 6, 4, 3, ' ', 0),
// describe = NewWriter(w, 0, 8, 2, ' ', 0).
import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, GET_TABWRITER, tabwrite } from '../../src/printers/tabwriter';

describe('writer settings', () => {
  it('get: minwidth 6, padding 3', () => {
    expect(GET_TABWRITER).toEqual({ minWidth: 6, padding: 3 });
  });
  it('describe: minwidth 0, padding 2', () => {
    expect(DESCRIBE_TABWRITER).toEqual({ minWidth: 0, padding: 2 });
  });
});

describe('tabwrite matches Go text/tabwriter', () => {
  // [input, kubectl get writer output, describe writer output]
  const cases: [string, string, string][] = [
    ["NAME\tREADY\tSTATUS\tAGE\nweb-0\t1/1\tRunning\t5m1s\n", "NAME    READY   STATUS    AGE\nweb-0   1/1     Running   5m1s\n", "NAME   READY  STATUS   AGE\nweb-0  1/1    Running  5m1s\n"],
    ["a\tb\tc\n", "a     b     c\n", "a  b  c\n"],
    ["a\tb\n\nccc\tdddddddd\n", "a     b\n\nccc   dddddddd\n", "a  b\n\nccc  dddddddd\n"],
    ["a\tb\tc\nno tabs here\nlonger-a\tb\n", "a     b     c\nno tabs here\nlonger-a   b\n", "a  b  c\nno tabs here\nlonger-a  b\n"],
    ["x\ty\tz\nxx\tyy\nxxx\tyyy\tzzz\n", "x     y     z\nxx    yy\nxxx   yyy   zzz\n", "x    y  z\nxx   yy\nxxx  yyy  zzz\n"],
    ["Name:\tweb\nNamespace:\tdefault\nLabels:\tapp=web\n\ttier=fe\nAnnotations:\t<none>\n", "Name:          web\nNamespace:     default\nLabels:        app=web\n               tier=fe\nAnnotations:   <none>\n", "Name:         web\nNamespace:    default\nLabels:       app=web\n              tier=fe\nAnnotations:  <none>\n"],
    ["Containers:\n  nginx:\n    Image:\tnginx\n    Port:\t80/TCP\n", "Containers:\n  nginx:\n    Image:   nginx\n    Port:    80/TCP\n", "Containers:\n  nginx:\n    Image:  nginx\n    Port:   80/TCP\n"],
    ["a\t\tc\nlong-first\t\tc\n", "a                  c\nlong-first         c\n", "a             c\nlong-first    c\n"],
    ["A\tB\t\n1\t2\t\n", "A     B     \n1     2     \n", "A  B  \n1  2  \n"],
    ["a\t\n\t\n", "a     \n      \n", "a  \n   \n"],
    ["héllo\tx\nhi\ty\n", "héllo   x\nhi      y\n", "héllo  x\nhi     y\n"],
    ["日本語\tx\nab\ty\n", "日本語   x\nab    y\n", "日本語  x\nab   y\n"],
    ["no newline at end\tx", "no newline at end   x", "no newline at end  x"],
    ["\n\n", "\n\n", "\n\n"],
    ["", "", ""],
    ["a\tb", "a     b", "a  b"],
    ["trailing\t\n", "trailing   \n", "trailing  \n"],
    ["NAME\tVALUE\nx\t\n", "NAME   VALUE\nx      \n", "NAME  VALUE\nx     \n"],
    ["k\tv\n  \tv2\n", "k     v\n      v2\n", "k   v\n    v2\n"],
    ["a\tb\tc\td\ne\tf\ng\th\ti\tj\n", "a     b     c     d\ne     f\ng     h     i     j\n", "a  b  c  d\ne  f\ng  h  i  j\n"],
    ["smile 😀\tx\nab\ty\n", "smile 😀   x\nab        y\n", "smile 😀  x\nab       y\n"],
  ];
  it.each(cases)('get: %j', (input, get) => {
    expect(tabwrite(input, GET_TABWRITER)).toBe(get);
  });
  it.each(cases)('describe: %j', (input, _get, desc) => {
    expect(tabwrite(input, DESCRIBE_TABWRITER)).toBe(desc);
  });
  it('defaults to the get writer', () => {
    expect(tabwrite('a\tb\n')).toBe('a     b\n');
  });
});

describe('tabwrite: kubectl get tables', () => {
  it('every column is max(6, longest cell + 3) wide; the last column is never padded', () => {
    const input = 'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nnginx-7c5ddbdf54-x8k2p\t1/1\tRunning\t0\t5m1s\nweb-0\t0/1\tContainerCreating\t12 (3m ago)\t10d\n';
    expect(tabwrite(input, GET_TABWRITER)).toBe(
      [
        'NAME                     READY   STATUS              RESTARTS      AGE',
        'nginx-7c5ddbdf54-x8k2p   1/1     Running             0             5m1s',
        'web-0                    0/1     ContainerCreating   12 (3m ago)   10d',
        '',
      ].join('\n'),
    );
  });
  it('empty cells before a final tab still pad (trailing spaces)', () => {
    expect(tabwrite('NAME\tLABEL\t\nx\t\t\n', GET_TABWRITER)).toBe('NAME   LABEL   \nx              \n');
  });
  it('widths count code points, not UTF-16 units or bytes', () => {
    expect(tabwrite('😀😀\tx\nabcdef\ty\n', GET_TABWRITER)).toBe('😀😀       x\nabcdef   y\n');
    expect(tabwrite('ü\tx\n', DESCRIBE_TABWRITER)).toBe('ü  x\n');
  });
});

describe('tabwrite: remembered widths (kubectl custom columns)', () => {
  it('a line without tabs breaks the blocks, and the columns below keep the widths above', () => {
    // As kubectl printed a ConfigMap's certificate (many lines): the block after it keeps 18.
    const input = 'NS\tNAME\tDATA\ndefault\tcfg\ta\nkube-node-lease\tx\tfirst\nsecond\nkube-public\tcluster-info\tb\n';
    expect(tabwrite(input, { ...GET_TABWRITER, rememberWidths: true })).toBe(
      [
        'NS'.padEnd(18) + 'NAME'.padEnd(7) + 'DATA',
        'default'.padEnd(18) + 'cfg'.padEnd(7) + 'a',
        'kube-node-lease'.padEnd(18) + 'x'.padEnd(7) + 'first',
        'second',
        'kube-public'.padEnd(18) + 'cluster-info'.padEnd(15) + 'b',
        '',
      ].join('\n'),
    );
    // Without them, each block is as wide as its own cells.
    expect(tabwrite(input, GET_TABWRITER).split('\n')[4]).toBe('kube-public   cluster-info   b');
  });
});
