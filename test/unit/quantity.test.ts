// Resource quantities. Every expected value below was produced by k8s.io/apimachinery v0.32.4
// (resource.ParseQuantity, Quantity.String, MilliValue, Value, Add, Cmp).
import { describe, expect, it } from 'vitest';
import { QUANTITY_ERROR, Quantity, parseQuantity, tryParseQuantity } from '../../src/api/meta/quantity';

const FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX_ERROR = "unable to parse quantity's suffix";

describe('parseQuantity: canonical String(), MilliValue() and Value()', () => {
  // [input, String(), MilliValue() (rounded up), Value() (rounded up, away from zero)]
  const cases: [string, string, number, number][] = [
    ["0", "0", 0, 0],
    ["1", "1", 1000, 1],
    ["1000m", "1", 1000, 1],
    ["0.5", "500m", 500, 1],
    ["1024Mi", "1Gi", 1073741824000, 1073741824],
    ["1536Mi", "1536Mi", 1610612736000, 1610612736],
    ["2000", "2k", 2000000, 2000],
    ["1500", "1500", 1500000, 1500],
    ["1e3", "1e3", 1000000, 1000],
    ["100Ki", "100Ki", 102400000, 102400],
    ["1Ki", "1Ki", 1024000, 1024],
    ["1024", "1024", 1024000, 1024],
    ["1023Ki", "1023Ki", 1047552000, 1047552],
    ["0.5Gi", "512Mi", 536870912000, 536870912],
    ["1.5Gi", "1536Mi", 1610612736000, 1610612736],
    ["0.1Ki", "102400m", 102400, 103],
    ["0.5Ki", "512", 512000, 512],
    ["2048Ki", "2Mi", 2097152000, 2097152],
    ["1Gi", "1Gi", 1073741824000, 1073741824],
    ["1Ti", "1Ti", 1099511627776000, 1099511627776],
    ["1Pi", "1Pi", 1125899906842624000, 1125899906842624],
    ["100m", "100m", 100, 1],
    ["1.5", "1500m", 1500, 2],
    ["1.5m", "1500u", 2, 1],
    ["0.1m", "100u", 1, 1],
    ["0.0001", "100u", 1, 1],
    ["1n", "1n", 1, 1],
    ["1u", "1u", 1, 1],
    ["0.5n", "1n", 1, 1],
    ["1.1n", "2n", 1, 1],
    ["1m", "1m", 1, 1],
    ["10m", "10m", 10, 1],
    ["1001m", "1001m", 1001, 2],
    ["999m", "999m", 999, 1],
    ["1k", "1k", 1000000, 1000],
    ["1M", "1M", 1000000000, 1000000],
    ["1G", "1G", 1000000000000, 1000000000],
    ["1T", "1T", 1000000000000000, 1000000000000],
    ["1P", "1P", 1000000000000000000, 1000000000000000],
    ["1000000k", "1G", 1000000000000, 1000000000],
    ["12e6", "12e6", 12000000000, 12000000],
    ["1e-3", "1e-3", 1, 1],
    ["1e-9", "1e-9", 1, 1],
    ["1.5e3", "1500", 1500000, 1500],
    ["1e1", "10", 10000, 10],
    ["1e2", "100", 100000, 100],
    ["2e3", "2e3", 2000000, 2000],
    ["5e-1", "500e-3", 500, 1],
    ["1.0", "1", 1000, 1],
    [".5", "500m", 500, 1],
    ["-1", "-1", -1000, -1],
    ["-1.5", "-1500m", -1500, -2],
    ["-100m", "-100m", -100, -1],
    ["-1Gi", "-1Gi", -1073741824000, -1073741824],
    ["-0.5Mi", "-512Ki", -524288000, -524288],
    ["1.000", "1", 1000, 1],
    ["500M", "500M", 500000000000, 500000000],
    ["1000M", "1G", 1000000000000, 1000000000],
    ["1000Mi", "1000Mi", 1048576000000, 1048576000],
    ["1048576", "1048576", 1048576000, 1048576],
    ["1073741824", "1073741824", 1073741824000, 1073741824],
    ["123456789", "123456789", 123456789000, 123456789],
    ["128974848", "128974848", 128974848000, 128974848],
    ["129e6", "129e6", 129000000000, 129000000],
    ["129M", "129M", 129000000000, 129000000],
    ["123Mi", "123Mi", 128974848000, 128974848],
    ["0.000001", "1u", 1, 1],
    ["1.23456789", "1234567890n", 1235, 2],
    ["100Gi", "100Gi", 107374182400000, 107374182400],
    ["250m", "250m", 250, 1],
    ["3.5", "3500m", 3500, 4],
    ["0.0", "0", 0, 0],
    ["-0", "0", 0, 0],
    ["0m", "0", 0, 0],
    ["0Gi", "0", 0, 0],
    ["0e3", "0", 0, 0],
  ];
  it.each(cases)('%j -> %j (milli %d, value %d)', (input, str, milli, value) => {
    const q = parseQuantity(input);
    expect(q.toString()).toBe(str);
    expect(q.milli()).toBe(milli);
    expect(q.value()).toBe(value);
    expect(tryParseQuantity(input)?.toString()).toBe(str);
  });
});

describe('parseQuantity: String() keeps the text it parsed when that text is already canonical', () => {
  // apimachinery caches the input string (Quantity.s) in ParseQuantity's fast path when the
  // number has no trailing "000", no leading zero digit and a scale that is a multiple of 3 (or a
  // binary suffix with a small mantissa); String() and MarshalJSON then return it verbatim, so the
  // API server echoes e.g. "+1" or "1E3" back unchanged.
  const cases: [string, string, number, number][] = [
    ["1E3", "1E3", 1000000, 1000],
    ["1e0", "1e0", 1000, 1],
    ["01", "01", 1000, 1],
    ["007", "007", 7000, 7],
    ["1.", "1.", 1000, 1],
    ["+1", "+1", 1000, 1],
    ["+1Ki", "+1Ki", 1024000, 1024],
    ["1e+3", "1e+3", 1000000, 1000],
  ];
  it.each(cases)('%j -> %j', (input, str, milli, value) => {
    const q = parseQuantity(input);
    expect(q.toString()).toBe(str);
    expect(q.milli()).toBe(milli);
    expect(q.value()).toBe(value);
  });
});

describe('parseQuantity: invalid input', () => {
  it('the exported message is apimachinery\'s ErrFormatWrong', () => {
    expect(QUANTITY_ERROR).toBe(FORMAT_ERROR);
  });
  const cases: [string, string][] = [
    ["   ", FORMAT_ERROR],
    ["", FORMAT_ERROR],
    ["1K", SUFFIX_ERROR],
    ["1KiB", FORMAT_ERROR],
    ["1 Ki", FORMAT_ERROR],
    ["1e", SUFFIX_ERROR],
    ["1e-3m", FORMAT_ERROR],
    ["abc", FORMAT_ERROR],
    ["1.2.3", FORMAT_ERROR],
    ["1GiB", FORMAT_ERROR],
    ["0x10", FORMAT_ERROR],
    ["1_000", FORMAT_ERROR],
    ["∞", FORMAT_ERROR],
    ["1e3Ki", FORMAT_ERROR],
    ['1Z', FORMAT_ERROR],
    ['--1', SUFFIX_ERROR], // verified with apimachinery v0.32.4: the second sign starts the suffix
    ['1e1.5', FORMAT_ERROR],
  ];
  it.each(cases)('%j is rejected: %s', (input, message) => {
    expect(tryParseQuantity(input)).toBeNull();
    expect(() => parseQuantity(input)).toThrow(message);
  });
});

describe('parseQuantity: inputs apimachinery reads as zero', () => {
  // parseQuantityString strips the sign and leading zeros and treats an empty numerator as "0",
  // so these parse (and serialize as "0") instead of failing.
  it.each(['.', '-', '+.', 'Ki'])('%j -> "0"', (input) => {
    const q = tryParseQuantity(input);
    expect(q).not.toBeNull();
    expect(q!.toString()).toBe('0');
    expect(q!.isZero()).toBe(true);
  });
});

describe('Quantity.add and cmp', () => {
  // [a, b, a.Add(b).String(), a.Cmp(b)]; a zero receiver takes the format of the added quantity.
  const cases: [string, string, string, number][] = [
    ["0", "1Gi", "1Gi", -1],
    ["0", "100m", "100m", -1],
    ["1Gi", "512Mi", "1536Mi", 1],
    ["1", "500m", "1500m", 1],
    ["100m", "200m", "300m", -1],
    ["1Gi", "1", "1073741825", 1],
    ["500m", "500m", "1", 0],
    ["1Ki", "1Ki", "2Ki", 0],
    ["2", "1e3", "1002", -1],
    ["1e3", "1", "1001", 1],
    ["0", "1e3", "1e3", -1],
    ["100Mi", "100Mi", "200Mi", 0],
    ["1Gi", "-1Gi", "0", 1],
  ];
  it.each(cases)('%s + %s = %s (cmp %d)', (a, b, sum, cmp) => {
    expect(parseQuantity(a).add(parseQuantity(b)).toString()).toBe(sum);
    expect(parseQuantity(a).cmp(parseQuantity(b))).toBe(cmp);
  });
  it('add does not mutate its operands', () => {
    const a = parseQuantity('1Gi');
    const b = parseQuantity('512Mi');
    a.add(b);
    expect(a.toString()).toBe('1Gi');
    expect(b.toString()).toBe('512Mi');
  });
  it('Quantity.zero() plus a binary quantity prints in binary (Add adopts y.Format on a zero receiver)', () => {
    expect(Quantity.zero().add(parseQuantity('1Gi')).toString()).toBe('1Gi');
    expect(Quantity.zero().add(parseQuantity('1e3')).toString()).toBe('1e3');
    expect(Quantity.zero('BinarySI').add(parseQuantity('100m')).toString()).toBe('100m');
  });
  it('cmp compares values across formats', () => {
    expect(parseQuantity('1Ki').cmp(parseQuantity('1024'))).toBe(0);
    expect(parseQuantity('1k').cmp(parseQuantity('1Ki'))).toBe(-1);
    expect(parseQuantity('1e3').cmp(parseQuantity('1k'))).toBe(0);
    expect(parseQuantity('1001m').cmp(parseQuantity('1'))).toBe(1);
    expect(parseQuantity('-1').cmp(parseQuantity('0'))).toBe(-1);
  });
});

describe('Quantity constructors (resource.NewMilliQuantity / NewQuantity)', () => {
  const cases: [Quantity, string, number, number][] = [
    [Quantity.zero(), '0', 0, 0],
    [Quantity.zero('BinarySI'), '0', 0, 0],
    [Quantity.fromMilli(1500), '1500m', 1500, 2],
    [Quantity.fromMilli(2000), '2', 2000, 2],
    [Quantity.fromMilli(250), '250m', 250, 1],
    [Quantity.fromValue(5), '5', 5000, 5],
    [Quantity.fromValue(3000), '3k', 3000000, 3000],
    [Quantity.fromValue(1024, 'BinarySI'), '1Ki', 1024000, 1024],
    [Quantity.fromValue(1000, 'BinarySI'), '1k', 1000000, 1000],
    [Quantity.fromValue(1536 * 1024 * 1024, 'BinarySI'), '1536Mi', 1610612736000, 1610612736],
    [Quantity.fromValue(1e9, 'DecimalExponent'), '1e9', 1e12, 1e9],
  ];
  it.each(cases)('%s -> %s', (q, str, milli, value) => {
    expect(q.toString()).toBe(str);
    expect(q.milli()).toBe(milli);
    expect(q.value()).toBe(value);
  });
  it('isZero', () => {
    expect(parseQuantity('0m').isZero()).toBe(true);
    expect(parseQuantity('1n').isZero()).toBe(false);
    expect(parseQuantity('-1n').isZero()).toBe(false);
  });
});
