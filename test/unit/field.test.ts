// Field errors (k8s.io/apimachinery/pkg/util/validation/field v0.32.4: Error.Error, ErrorBody and
// the constructors), as quoted in §5.3 of the kubectl reference.
import { describe, expect, it } from 'vitest';
import {
  type FieldError,
  FieldPath,
  GoSyntax,
  duplicate,
  errorBody,
  fieldErrorText,
  forbidden,
  goStringMap,
  invalid,
  notFound,
  notSupported,
  required,
  tooLong,
} from '../../src/api/field';

const RFC1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('fieldErrorText: "<field>: <body>"', () => {
  const cases: [string, FieldError, string][] = [
    ['Required', required('spec.template.spec.containers[0].image'), 'spec.template.spec.containers[0].image: Required value'],
    ['Required with detail', required('spec.selector', 'must be set'), 'spec.selector: Required value: must be set'],
    [
      'Invalid with a quoted string',
      invalid('spec.template.spec.containers[0].name', '-bad', RFC1123_LABEL),
      `spec.template.spec.containers[0].name: Invalid value: "-bad": ${RFC1123_LABEL}`,
    ],
    ['Invalid with a number', invalid('spec.replicas', -1, 'must be greater than or equal to 0'), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['Invalid with a port', invalid('spec.ports[0].port', 0, 'must be between 1 and 65535, inclusive'), 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ['Invalid with a bool', invalid('spec.paused', true, 'x'), 'spec.paused: Invalid value: true: x'],
    ['Invalid without detail', invalid('metadata.name', 'x'), 'metadata.name: Invalid value: "x"'],
    ['Invalid with an empty string', invalid('metadata.name', '', 'name or generateName is required'), 'metadata.name: Invalid value: "": name or generateName is required'],
    ['Invalid string with quotes and backslashes', invalid('f', 'say "hi" \\o/', 'd'), 'f: Invalid value: "say \\"hi\\" \\\\o/": d'],
    ['Invalid string with a tab and newline', invalid('f', 'a\tb\n', 'd'), 'f: Invalid value: "a\\tb\\n": d'],
    [
      'Invalid with Go syntax',
      invalid('spec.template.metadata.labels', goStringMap({ app: 'web2' }), '`selector` does not match template `labels`'),
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web2"}: `selector` does not match template `labels`',
    ],
    [
      'Invalid with a struct dump',
      invalid('spec.selector', new GoSyntax('v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}'), 'field is immutable'),
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ],
    [
      'Unsupported value',
      notSupported('spec.template.spec.restartPolicy', 'Always', ['OnFailure', 'Never']),
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ],
    ['Unsupported value, no list', notSupported('spec.type', 'Foo', []), 'spec.type: Unsupported value: "Foo"'],
    ['Duplicate', duplicate('spec.template.spec.containers[1].name', 'nginx'), 'spec.template.spec.containers[1].name: Duplicate value: "nginx"'],
    ['Duplicate number', duplicate('spec.ports[1].port', 80), 'spec.ports[1].port: Duplicate value: 80'],
    [
      'Forbidden',
      forbidden('spec', 'pod updates may not change fields other than `spec.containers[*].image`'),
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`',
    ],
    ['Not found', notFound('spec.volumes[0].name', 'data'), 'spec.volumes[0].name: Not found: "data"'],
    ['Too long', tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
  ];
  it.each(cases)('%s', (_name, e, text) => {
    expect(fieldErrorText(e)).toBe(text);
    expect(errorBody(e)).toBe(text.slice(e.field.length + 2));
  });
});

describe('fieldErrorText: values Go prints specially', () => {
  it('a nil bad value prints as the quoted string "null"', () => {
    // ErrorBody replaces a nil value with the string "null", which then goes through %q
    expect(fieldErrorText(invalid('spec.x', null, 'd'))).toBe('spec.x: Invalid value: "null": d');
    expect(fieldErrorText(invalid('spec.x', undefined, 'd'))).toBe('spec.x: Invalid value: "null": d');
  });
  it('strings are quoted with Go %q (strconv.Quote), not JSON', () => {
    expect(fieldErrorText(invalid('f', 'a\u0007b', 'd'))).toBe('f: Invalid value: "a\\ab": d');
    expect(fieldErrorText(invalid('f', 'héllo', 'd'))).toBe('f: Invalid value: "héllo": d');
  });
  it('Error() always writes "<field>: " even for an empty path', () => {
    expect(fieldErrorText(required(''))).toBe(': Required value');
  });
});

describe('goStringMap (%#v of map[string]string)', () => {
  const cases: [Record<string, string> | undefined, string][] = [
    [{ app: 'web' }, 'map[string]string{"app":"web"}'],
    [{ b: '2', a: '1' }, 'map[string]string{"a":"1", "b":"2"}'],
    [{ 'app.kubernetes.io/name': 'x', app: 'y' }, 'map[string]string{"app":"y", "app.kubernetes.io/name":"x"}'],
    [{}, 'map[string]string{}'],
    [undefined, 'map[string]string(nil)'],
  ];
  it.each(cases)('%j -> %s', (m, text) => {
    const g = goStringMap(m);
    expect(g).toBeInstanceOf(GoSyntax);
    expect(g.text).toBe(text);
  });
});

describe('FieldPath', () => {
  it('builds dotted paths with indexes and keys', () => {
    expect(FieldPath.root('spec').child('template').child('spec').child('containers').index(0).child('image').toString()).toBe(
      'spec.template.spec.containers[0].image',
    );
    expect(FieldPath.root('metadata').child('labels').key('app').toString()).toBe('metadata.labels[app]');
    expect(FieldPath.root('spec').child('containers').index(2).child('resources').child('limits').key('cpu').toString()).toBe(
      'spec.containers[2].resources.limits[cpu]',
    );
    expect(FieldPath.root('').child('spec').toString()).toBe('spec');
    expect(FieldPath.root('spec').toString()).toBe('spec');
  });
  it('is immutable', () => {
    const spec = FieldPath.root('spec');
    spec.child('a');
    spec.index(1);
    expect(spec.toString()).toBe('spec');
  });
});
