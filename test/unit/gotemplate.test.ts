// Go's text/template and fmt as the go-template printer uses them (whole outputs are compared
// with recorded kubectl in test/e2e/gotemplate.test.ts and getformats.test.ts).
import { describe, expect, it } from 'vitest';
import { GoTemplatePrinter } from '../../src/printers/gotemplate';
import { sprint, sprintf, sprintln } from '../../src/printers/gotemplate/fmt';
import { Parser } from '../../src/printers/gotemplate/parse';
import { GoNumber } from '../../src/printers/gotemplate/values';

const int = (n: number) => new GoNumber('int', n);
const run = (t: string, data: unknown, missing: 'default' | 'error' = 'default') => new GoTemplatePrinter(t, missing).print(data, '{}');

describe('fmt', () => {
  it('prints operands as Sprint, Sprintln and Sprintf do', () => {
    expect(sprint([int(1), int(2), 'a', int(3)])).toBe('1 2a3');
    expect(sprintln([int(1), 'a'])).toBe('1 a\n');
    expect(sprintf('%d %s', [int(1)])).toBe('1 %!s(MISSING)');
    expect(sprintf('%d', [int(1), 'x'])).toBe('1%!(EXTRA string=x)');
    expect(sprintf('%5.2f|%-4s|%x|%T', [new GoNumber('float64', 3.14159), 'ab', 'hi', {}])).toBe(' 3.14|ab  |6869|map[string]interface {}');
    expect(sprintf('%d|%v|%s', [2.5, 1e21, null])).toBe('%!d(float64=2.5)|1e+21|%!s(<nil>)');
    expect(sprintf('%08.3f|%+d|%#x|%q|%c', [new GoNumber('float64', -3.14159), int(5), int(255), 'a"b', int(65)])).toBe('-003.142|+5|0xff|"a\\"b"|A');
    expect(sprintf('%v %d', [[1, 2], { b: 1, a: 'x' }])).toBe('[1 2] map[%!d(string=a):%!d(string=x) %!d(string=b):1]');
  });
});

describe('text/template', () => {
  it('reports parse errors with the line they are on', () => {
    expect(() => Parser.parse('output', 'l1\nl2\n{{if}}')).toThrow('template: output:3: missing value for if');
    expect(() => Parser.parse('output', '{{range $a, $b, $c := .}}{{end}}')).toThrow('template: output:1: too many declarations in range');
    expect(() => Parser.parse('output', '{{.a | 1}}')).toThrow('template: output:1: non executable command in pipeline stage 2');
    expect(() => Parser.parse('output', '{{break}}')).toThrow('template: output:1: {{break}} outside {{range}}');
  });

  it('walks ranges, variables, branches and definitions over JSON', () => {
    const data = { items: [{ n: 'a', v: 1 }, { n: 'b', v: 2.5 }, { n: 'c' }], m: { z: true, y: null } };
    expect(run('{{range $i, $e := .items}}{{$i}}:{{$e.n}}={{$e.v}} {{end}}', data).text).toBe('0:a=1 1:b=2.5 2:c=<no value> ');
    expect(run('{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}{{with .m.y}}y{{else}}no y{{end}}', data).text).toBe('y=<no value>;z=true;no y');
    expect(run('{{define "t"}}[{{.}}]{{end}}{{range .items}}{{if eq .n "b"}}{{continue}}{{end}}{{template "t" .n}}{{end}}', data).text).toBe('[a][c]');
    expect(run('{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}', data).text).toBe('2');
  });

  it('fails on a missing key only when told to, and says where', () => {
    expect(run('{{.nope}}', {}).text).toBe('<no value>');
    const r = run('x\n{{.a.nope}}', { a: {} }, 'error');
    expect(r.error).toBe('error executing template "x\\n{{.a.nope}}": template: output:2:4: executing "output" at <.a.nope>: map has no entry for key "nope"');
    expect(r.text.startsWith('x\nError executing template: template: output:2:4:')).toBe(true);
  });
});
