// Label selectors: `-l` parsing (apimachinery labels.Parse), matching, structured LabelSelectors
// and kubectl's printed forms. Expected values were produced by running k8s.io/apimachinery
// v0.32.4 (labels.Parse, Requirement.Matches, metav1.FormatLabelSelector, labels.FormatLabels).
import { describe, expect, it } from 'vitest';
import type { LabelSelector, Labels } from '../../src/api/types';
import {
  type Requirement,
  SelectorParseError,
  formatLabelSelector,
  formatLabels,
  fromLabelSelector,
  labelSelectorMatches,
  matches,
  parseSelector,
} from '../../src/api/meta/selector';

/** Requirement values are a set in apimachinery: compare them sorted and de-duplicated. */
const norm = (reqs: Requirement[]) => reqs.map((r) => ({ key: r.key, op: r.op, values: [...new Set(r.values)].sort() }));

describe('parseSelector: accepted syntax (requirements sorted by key, values sorted)', () => {
  // [input, requirements as labels.Parse returns them ("==" is the same operator as "=")]
  const cases: [string, Requirement[]][] = [
    ["", []],
    [" ", []],
    ["a", [{ key: "a", op: "exists", values: [] }]],
    ["a=b", [{ key: "a", op: "=", values: ["b"] }]],
    ["a==b", [{ key: "a", op: "=", values: ["b"] }]],
    ["a!=b", [{ key: "a", op: "!=", values: ["b"] }]],
    ["a = b", [{ key: "a", op: "=", values: ["b"] }]],
    [" a=b ", [{ key: "a", op: "=", values: ["b"] }]],
    ["a=b,c=d", [{ key: "a", op: "=", values: ["b"] }, { key: "c", op: "=", values: ["d"] }]],
    ["c=d,a=b", [{ key: "a", op: "=", values: ["b"] }, { key: "c", op: "=", values: ["d"] }]],
    ["a=b, c=d", [{ key: "a", op: "=", values: ["b"] }, { key: "c", op: "=", values: ["d"] }]],
    ["a=b ,c=d", [{ key: "a", op: "=", values: ["b"] }, { key: "c", op: "=", values: ["d"] }]],
    ["a in (x,y)", [{ key: "a", op: "in", values: ["x", "y"] }]],
    ["a in (y,x)", [{ key: "a", op: "in", values: ["x", "y"] }]],
    ["a in(x)", [{ key: "a", op: "in", values: ["x"] }]],
    ["a in ( x , y )", [{ key: "a", op: "in", values: ["x", "y"] }]],
    ["a notin (x,y)", [{ key: "a", op: "notin", values: ["x", "y"] }]],
    ["a notin (x)", [{ key: "a", op: "notin", values: ["x"] }]],
    ["a in ()", [{ key: "a", op: "in", values: [""] }]],
    ["a in (,)", [{ key: "a", op: "in", values: [""] }]],
    ["a in (x,)", [{ key: "a", op: "in", values: ["", "x"] }]],
    ["a in (,x)", [{ key: "a", op: "in", values: ["", "x"] }]],
    ["a in (x,x)", [{ key: "a", op: "in", values: ["x"] }]],
    ["!a", [{ key: "a", op: "!", values: [] }]],
    ["! a", [{ key: "a", op: "!", values: [] }]],
    ["!a,b", [{ key: "a", op: "!", values: [] }, { key: "b", op: "exists", values: [] }]],
    ["a,!b", [{ key: "a", op: "exists", values: [] }, { key: "b", op: "!", values: [] }]],
    ["a=", [{ key: "a", op: "=", values: [""] }]],
    ["a==", [{ key: "a", op: "=", values: [""] }]],
    ["a!=", [{ key: "a", op: "!=", values: [""] }]],
    ["a=,b=c", [{ key: "a", op: "=", values: [""] }, { key: "b", op: "=", values: ["c"] }]],
    ["a>1", [{ key: "a", op: "gt", values: ["1"] }]],
    ["a<1", [{ key: "a", op: "lt", values: ["1"] }]],
    ["in", [{ key: "in", op: "exists", values: [] }]],
    ["in=x", [{ key: "in", op: "=", values: ["x"] }]],
    ["notin", [{ key: "notin", op: "exists", values: [] }]],
    ["a=in", [{ key: "a", op: "=", values: ["in"] }]],
    ["a in (in,notin)", [{ key: "a", op: "in", values: ["in", "notin"] }]],
    ["example.com/app=web", [{ key: "example.com/app", op: "=", values: ["web"] }]],
    ["example.com/app", [{ key: "example.com/app", op: "exists", values: [] }]],
    ["a.b=c", [{ key: "a.b", op: "=", values: ["c"] }]],
    ["a=b,a=c", [{ key: "a", op: "=", values: ["b"] }, { key: "a", op: "=", values: ["c"] }]],
    ["app=web,tier in (frontend, backend),!canary", [{ key: "app", op: "=", values: ["web"] }, { key: "canary", op: "!", values: [] }, { key: "tier", op: "in", values: ["backend", "frontend"] }]],
    ["a\t=\tb", [{ key: "a", op: "=", values: ["b"] }]],
    ["a in (x),b notin (y)", [{ key: "a", op: "in", values: ["x"] }, { key: "b", op: "notin", values: ["y"] }]],
    ["a =", [{ key: "a", op: "=", values: [""] }]],
    ["a !=b", [{ key: "a", op: "!=", values: ["b"] }]],
  ];
  it.each(cases)('%j', (input, expected) => {
    expect(norm(parseSelector(input))).toEqual(expected);
  });
});

describe('parseSelector: syntax errors carry labels.Parse\'s message', () => {
  // [input, message after the optional "unable to parse requirement: " prefix Go adds]
  const cases: [string, string][] = [
    ["a in x", "found 'x' expected: '('"],
    ["a in (x", "found '', expected: ',' or ')'"],
    ["a in (x y)", "found 'y', expected: ',' or ')'"],
    ["a b", "found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ["a=b c", "found 'c', expected: ',' or 'end of string'"],
    ["a=b cd", "found 'cd', expected: ',' or 'end of string'"],
    ["a=b=c", "found '=', expected: ',' or 'end of string'"],
    ["=b", "found '=', expected: !, identifier, or 'end of string'"],
    ["a=(b)", "found '(', expected: identifier"],
    [",", "found ',', expected: !, identifier, or 'end of string'"],
    ["a,", "found '', expected: identifier after ','"],
    [",a", "found ',', expected: !, identifier, or 'end of string'"],
    ["a,,b", "found ',', expected: identifier after ','"],
    ["a gt 1", "found 'gt', expected: in, notin, =, ==, !=, gt, lt"],
    ["a b c", "found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ["a!", "found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ["a!b", "found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ["!a=b", "found '=', expected: ',' or 'end of string'"],
    ["a!==b", "found '=', expected: identifier"],
    ["a===b", "found '=', expected: identifier"],
    ["a=b,", "found '', expected: identifier after ','"],
    ["a=b)", "found ')', expected: ',' or 'end of string'"],
    ["(a=b)", "found '(', expected: !, identifier, or 'end of string'"],
    ["a ! = b", "found '!', expected: in, notin, =, ==, !=, gt, lt"],
  ];
  it.each(cases)('%j -> %s', (input, message) => {
    let err: unknown;
    try {
      parseSelector(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SelectorParseError);
    expect((err as Error).message).toBe(message);
  });
});

describe('parseSelector: keys and values are validated like NewRequirement does', () => {
  // labels.Parse rejects these (invalid label value, invalid qualified-name key, non-integer for gt/lt).
  const rejected = [
    "a>x",
    "a=b/c",
    "a=-b",
    "a=b-",
    "-a=b",
    "a/b/c=d",
    "x=vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv",
    "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk=v",
  ];
  it.each(rejected)('%j is rejected', (input) => {
    expect(() => parseSelector(input)).toThrow(SelectorParseError);
  });
});

describe('matches (labels.Selector.Matches)', () => {
  // [selector, labels, selected?]
  const cases: [string, Labels | undefined, boolean][] = [
    ['', {}, true],
    ['', undefined, true],
    ['a=b', { a: 'b' }, true],
    ['a=b', { a: 'c' }, false],
    ['a=b', {}, false],
    ['a==b', { a: 'b', x: 'y' }, true],
    ['a!=b', {}, true],
    ['a!=b', { a: 'b' }, false],
    ['a!=b', { a: 'c' }, true],
    ['a in (x,y)', { a: 'y' }, true],
    ['a in (x,y)', { a: 'z' }, false],
    ['a in (x,y)', {}, false],
    ['a notin (x,y)', {}, true],
    ['a notin (x,y)', { a: 'x' }, false],
    ['a notin (x,y)', { a: 'z' }, true],
    ['a', { a: '' }, true],
    ['a', {}, false],
    ['a', undefined, false],
    ['!a', {}, true],
    ['!a', undefined, true],
    ['!a', { a: '' }, false],
    ['a=', { a: '' }, true],
    ['a=', {}, false],
    ['a!=', {}, true],
    ['a!=', { a: '' }, false],
    ['a in ()', { a: '' }, true],
    ['a in ()', { a: 'x' }, false],
    ['a=b,c=d', { a: 'b', c: 'd' }, true],
    ['a=b,c=d', { a: 'b', c: 'x' }, false],
    ['a=b,a=c', { a: 'b' }, false],
    ['app=web,tier in (frontend, backend),!canary', { app: 'web', tier: 'backend' }, true],
    ['app=web,tier in (frontend, backend),!canary', { app: 'web', tier: 'backend', canary: 'true' }, false],
    ['example.com/app=web', { 'example.com/app': 'web' }, true],
    // inherited object properties are not labels
    ['toString', {}, false],
    ['constructor', {}, false],
    ['!hasOwnProperty', {}, true],
    // gt / lt compare integers parsed with strconv.ParseInt(v, 10, 64); unparsable values never match
    ['a>1', { a: '2' }, true],
    ['a>1', { a: '1' }, false],
    ['a>1', {}, false],
    ['a<10', { a: '09' }, true],
    ['a<10', { a: '10' }, false],
    ['a>1', { a: 'x' }, false],
    ['a>1', { a: '0x10' }, false],
    ['a>1', { a: '1e2' }, false],
    ['a>1', { a: '2.5' }, false],
    ['a<1', { a: '' }, false],
  ];
  it.each(cases)('%j selects %j: %s', (sel, labels, expected) => {
    expect(matches(parseSelector(sel), labels)).toBe(expected);
  });
});

describe('fromLabelSelector / labelSelectorMatches (metav1.LabelSelectorAsSelector)', () => {
  it('a nil selector selects nothing', () => {
    expect(fromLabelSelector(undefined)).toBeNull();
    expect(labelSelectorMatches(undefined, {})).toBe(false);
    expect(labelSelectorMatches(undefined, { app: 'web' })).toBe(false);
  });
  it('an empty selector selects everything', () => {
    expect(fromLabelSelector({})).toEqual([]);
    expect(fromLabelSelector({ matchLabels: {}, matchExpressions: [] })).toEqual([]);
    expect(labelSelectorMatches({}, undefined)).toBe(true);
    expect(labelSelectorMatches({}, { any: 'thing' })).toBe(true);
  });
  it('converts matchLabels and every operator', () => {
    const sel: LabelSelector = {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['b', 'a'] },
        { key: 'env', operator: 'NotIn', values: ['prod'] },
        { key: 'team', operator: 'Exists' },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    };
    expect(norm(fromLabelSelector(sel)!).sort((x, y) => (x.key < y.key ? -1 : 1))).toEqual([
      { key: 'app', op: '=', values: ['web'] },
      { key: 'canary', op: '!', values: [] },
      { key: 'env', op: 'notin', values: ['prod'] },
      { key: 'team', op: 'exists', values: [] },
      { key: 'tier', op: 'in', values: ['a', 'b'] },
    ]);
  });
  const sel: LabelSelector = {
    matchLabels: { app: 'web' },
    matchExpressions: [
      { key: 'tier', operator: 'In', values: ['fe', 'be'] },
      { key: 'env', operator: 'NotIn', values: ['prod'] },
      { key: 'team', operator: 'Exists' },
      { key: 'canary', operator: 'DoesNotExist' },
    ],
  };
  const cases: [Labels | undefined, boolean][] = [
    [{ app: 'web', tier: 'fe', team: 'x' }, true],
    [{ app: 'web', tier: 'be', team: 'x', env: 'dev' }, true],
    [{ app: 'web', tier: 'fe', team: 'x', env: 'prod' }, false],
    [{ app: 'web', tier: 'fe', team: 'x', canary: '' }, false],
    [{ app: 'web', tier: 'qa', team: 'x' }, false],
    [{ app: 'web', tier: 'fe' }, false],
    [{ app: 'api', tier: 'fe', team: 'x' }, false],
    [{}, false],
    [undefined, false],
  ];
  it.each(cases)('selects %j: %s', (labels, expected) => {
    expect(labelSelectorMatches(sel, labels)).toBe(expected);
  });
});

describe('formatLabelSelector (metav1.FormatLabelSelector)', () => {
  // Requirements of matchLabels and matchExpressions are sorted together by key; In/NotIn keep
  // their set form even with one value (Requirement.String()).
  const cases: [LabelSelector | undefined, string][] = [
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: {}, matchExpressions: [] }, '<none>'],
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{ matchLabels: { 'pod-template-hash': '7c5ddbdf54', app: 'nginx' } }, 'app=nginx,pod-template-hash=7c5ddbdf54'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] }, 'tier in (fe)'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] }, 'tier in (be,fe)'],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, 'env notin (prod)'],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['qa', 'dev'] }] }, 'env notin (dev,qa)'],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, 'a'],
    [{ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, '!a'],
    [
      {
        matchLabels: { z: '1' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['fe'] },
          { key: 'a', operator: 'Exists' },
          { key: 'env', operator: 'NotIn', values: ['prod'] },
          { key: 'b', operator: 'DoesNotExist' },
          { key: 'c', operator: 'In', values: ['y', 'x'] },
        ],
      },
      'a,!b,c in (x,y),env notin (prod),tier in (fe),z=1',
    ],
  ];
  it.each(cases)('%j -> %s', (sel, expected) => {
    expect(formatLabelSelector(sel)).toBe(expected);
  });
});

describe('formatLabels (labels.FormatLabels)', () => {
  const cases: [Labels | undefined, string][] = [
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ app: 'web' }, 'app=web'],
    [{ b: '2', a: '1', B: 'x' }, 'B=x,a=1,b=2'],
    [{ 'pod-template-hash': 'abc', app: 'web', 'app.kubernetes.io/name': 'x' }, 'app=web,app.kubernetes.io/name=x,pod-template-hash=abc'],
    [{ empty: '' }, 'empty='],
  ];
  it.each(cases)('%j -> %s', (labels, expected) => {
    expect(formatLabels(labels)).toBe(expected);
  });
});
