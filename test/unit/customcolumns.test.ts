// -o custom-columns: the spec and file formats, cells, and errors (kubectl's texts; whole outputs
// are compared with recorded kubectl output in test/e2e/getformats.test.ts).
import { describe, expect, it } from 'vitest';
import { CustomColumnsError, CustomColumnsPrinter, columnsFromSpec, columnsFromTemplate } from '../../src/printers/customcolumns';

const print = (spec: string, objs: unknown[], noHeaders = false) => new CustomColumnsPrinter(columnsFromSpec(spec), noHeaders).print(objs);

describe('custom columns', () => {
  it('reads HEADER:PATH pairs with relaxed paths, and refuses what kubectl refuses', () => {
    expect(columnsFromSpec('NAME:metadata.name,V:{.data.v},X:')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'V', fieldSpec: '{.data.v}' },
      { header: 'X', fieldSpec: '' },
    ]);
    expect(() => columnsFromSpec('')).toThrow(new CustomColumnsError('custom-columns format specified but no custom columns given'));
    expect(() => columnsFromSpec('A:.a,B')).toThrow('unexpected custom-columns spec: B, expected <header>:<json-path-expr>');
    expect(() => columnsFromSpec('A:{.a')).toThrow(/^unexpected path string/);
  });

  it('reads a file of a header line and a path line, split on white space', () => {
    expect(columnsFromTemplate('NAME   NODE\r\n.metadata.name\t{.spec.nodeName}\nignored\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'NODE', fieldSpec: '{.spec.nodeName}' },
    ]);
    expect(() => columnsFromTemplate('')).toThrow(/^invalid template, missing header line\. /);
    expect(() => columnsFromTemplate('A\n')).toThrow(/^invalid template, missing spec line\. /);
    expect(() => columnsFromTemplate('A B\n.a\n')).toThrow("number of headers (2) and field specifications (1) don't match");
  });

  it('prints every value found as Go prints it, joined by commas, or <none>', () => {
    const obj = { metadata: { name: 'a', labels: { z: '1', a: '2' } }, spec: { n: 3, f: 0.5, b: true, list: [{ x: 1 }, { x: 2 }], nil: null } };
    expect(print('N:.metadata.name,L:.metadata.labels,NUM:.spec.n,F:.spec.f,B:.spec.b,XS:.spec.list[*].x,NIL:.spec.nil,NO:.nope', [obj]).text).toBe(
      'N     L              NUM   F     B      XS    NIL     NO\na     map[a:2 z:1]   3     0.5   true   1,2   <nil>   <none>\n',
    );
  });

  it('makes terminal escapes visible', () => {
    expect(print('N:.n', [{ n: 'a\x1b[31mb\rc' }], true).text).toBe('a^[[31mb\\rc\n');
  });

  it('prints the header over an empty list, and none with --no-headers', () => {
    expect(print('NAME:.metadata.name', []).text).toBe('NAME\n');
    expect(print('NAME:.metadata.name', [], true).text).toBe('');
  });

  it('writes the header before a path that does not parse, then fails', () => {
    expect(print('NAME:.a[', [{}])).toEqual({ text: 'NAME\n', error: new CustomColumnsError('unterminated array') });
  });
});
