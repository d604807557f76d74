// Name and label syntax checks (k8s.io/apimachinery/pkg/util/validation). The messages are those
// of §5.3 of the kubectl reference; every expected list below was produced by running
// apimachinery v0.32.4's IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label, IsQualifiedName and
// IsValidLabelValue on the same input.
import { describe, expect, it } from 'vitest';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from '../../src/api/validation/names';

const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QUALIFIED =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const PREFIX_SUBDOMAIN = `prefix part ${SUBDOMAIN}`;
const MAX63 = 'must be no more than 63 characters';
const MAX253 = 'must be no more than 253 characters';
/** 4 labels of 63 characters and a final "a": 257 characters. */
const SUB_257 = ('a'.repeat(63) + '.').repeat(4) + 'a';

describe('messages are the ones quoted in the kubectl reference (§5.3)', () => {
  it('bad object name (DNS-1123 subdomain)', () => {
    expect(isDNS1123Subdomain('Web')).toEqual([SUBDOMAIN]);
    expect(`metadata.name: Invalid value: "Web": ${SUBDOMAIN}`).toBe(
      "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });
  it('bad Service name (DNS-1035 label)', () => {
    expect(isDNS1035Label('1svc')).toEqual([DNS1035]);
  });
  it('bad container name (DNS-1123 label)', () => {
    expect(isDNS1123Label('Web')).toEqual([LABEL]);
    expect(isDNS1123Label('-bad')).toEqual([LABEL]);
  });
  it('bad label value', () => {
    expect(isValidLabelValue('a b')).toEqual([LABEL_VALUE]);
  });
});

describe('all five checks match apimachinery', () => {
  // [value, IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label, IsQualifiedName, IsValidLabelValue]
  const cases: [string, string[], string[], string[], string[], string[]][] = [
    ["", [LABEL], [SUBDOMAIN], [DNS1035], ["name part must be non-empty", NAME_PART], []],
    ["-a", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    [".a", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    ["/name", [LABEL], [SUBDOMAIN], [DNS1035], ["prefix part must be non-empty"], [LABEL_VALUE]],
    ["123-abc", [], [], [DNS1035], [], []],
    ["12345", [], [], [DNS1035], [], []],
    ["1svc", [], [], [DNS1035], [], []],
    ["A", [LABEL], [SUBDOMAIN], [DNS1035], [], []],
    ["Example.com/name", [LABEL], [SUBDOMAIN], [DNS1035], [PREFIX_SUBDOMAIN], [LABEL_VALUE]],
    ["MyValue", [LABEL], [SUBDOMAIN], [DNS1035], [], []],
    ["_a", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    ["a", [], [], [], [], []],
    ["a b", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    ["a-", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    ["a-/b", [LABEL], [SUBDOMAIN], [DNS1035], [PREFIX_SUBDOMAIN], [LABEL_VALUE]],
    ["a.", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    ["a..b", [LABEL], [SUBDOMAIN], [DNS1035], [], []],
    ["a.b", ["must not contain dots"], [], [DNS1035], [], []],
    ["a/b", [LABEL], [SUBDOMAIN], [DNS1035], [], [LABEL_VALUE]],
    ["a/b/c", [LABEL], [SUBDOMAIN], [DNS1035], [QUALIFIED], [LABEL_VALUE]],
    ["a:b", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    ["aB", [LABEL], [SUBDOMAIN], [DNS1035], [], []],
    ["a_", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    ["a_b", [LABEL], [SUBDOMAIN], [DNS1035], [], []],
    ["aaa_bbb-ccc.ddd", [LABEL], [SUBDOMAIN], [DNS1035], [], []],
    ['a'.repeat(63), [], [], [], [], []],
    [SUB_257, [MAX63, "must not contain dots"], [MAX253], [MAX63, DNS1035], ['name part ' + MAX63], [MAX63]],
    ['a'.repeat(64), [MAX63], [], [MAX63], ['name part ' + MAX63], [MAX63]],
    ['a'.repeat(64) + '/b', [MAX63, LABEL], [SUBDOMAIN], [MAX63, DNS1035], [], [MAX63, LABEL_VALUE]],
    ["abc", [], [], [], [], []],
    ["example.com", ["must not contain dots"], [], [DNS1035], [], []],
    ["example.com/", [LABEL], [SUBDOMAIN], [DNS1035], ["name part must be non-empty", NAME_PART], [LABEL_VALUE]],
    ["example.com/MyName", [LABEL], [SUBDOMAIN], [DNS1035], [], [LABEL_VALUE]],
    ['example.com/' + 'n'.repeat(64), [MAX63, LABEL], [SUBDOMAIN], [MAX63, DNS1035], ['name part ' + MAX63], [MAX63, LABEL_VALUE]],
    ["my-name", [], [], [], [], []],
    ["my.name", ["must not contain dots"], [], [DNS1035], [], []],
    ["my.value", ["must not contain dots"], [], [DNS1035], [], []],
    ["my_value", [LABEL], [SUBDOMAIN], [DNS1035], [], []],
    ['n'.repeat(64), [MAX63], [], [MAX63], ['name part ' + MAX63], [MAX63]],
    ["svc1", [], [], [], [], []],
    ["x/-bad", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
    ["é", [LABEL], [SUBDOMAIN], [DNS1035], [NAME_PART], [LABEL_VALUE]],
  ];
  it.each(cases)('%j', (value, label, subdomain, dns1035, qualified, labelValue) => {
    expect({
      isDNS1123Label: isDNS1123Label(value),
      isDNS1123Subdomain: isDNS1123Subdomain(value),
      isDNS1035Label: isDNS1035Label(value),
      isQualifiedName: isQualifiedName(value),
      isValidLabelValue: isValidLabelValue(value),
    }).toEqual({
      isDNS1123Label: label,
      isDNS1123Subdomain: subdomain,
      isDNS1035Label: dns1035,
      isQualifiedName: qualified,
      isValidLabelValue: labelValue,
    });
  });
});

describe('length limits', () => {
  it('DNS-1123 labels and label values: 63 characters', () => {
    expect(isDNS1123Label('a'.repeat(63))).toEqual([]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual([MAX63]);
    expect(isDNS1035Label('a'.repeat(64))).toEqual([MAX63]);
    expect(isValidLabelValue('a'.repeat(63))).toEqual([]);
    expect(isValidLabelValue('a'.repeat(64))).toEqual([MAX63]);
  });
  it('DNS-1123 subdomains: 253 characters', () => {
    const name253 = ('a'.repeat(62) + '.').repeat(4) + 'a';
    expect(name253.length).toBe(253);
    expect(isDNS1123Subdomain(name253)).toEqual([]);
    expect(isDNS1123Subdomain(name253 + 'a')).toEqual([MAX253]);
  });
  it('qualified names: a 63-character name part after a subdomain prefix', () => {
    expect(isQualifiedName('example.com/' + 'n'.repeat(63))).toEqual([]);
    expect(isQualifiedName('n'.repeat(64))).toEqual(['name part ' + MAX63]);
  });
});
