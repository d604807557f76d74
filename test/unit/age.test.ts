// Durations as kubectl prints them. Expected values were produced by k8s.io/apimachinery v0.32.4
// duration.HumanDuration / ShortHumanDuration (and match §2.1/§2.2 of the kubectl reference).
import { describe, expect, it } from 'vitest';
import { age, humanDuration, shortHumanDuration } from '../../src/printers/age';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration: every branch boundary of the reference table', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [59 * S, '59s'],
    [60 * S, '60s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [2 * M + 3 * S, '2m3s'],
    [5 * M + 1 * S, '5m1s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [45 * M, '45m'],
    [61 * M, '61m'],
    [90 * M, '90m'],
    [150 * M, '150m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [23 * H, '23h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [45 * D, '45d'],
    [729 * D, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 15 * D, '2y15d'],
    [7 * Y + 364 * D, '7y364d'],
    [8 * Y, '8y'],
    [12 * Y, '12y'],
  ];
  it.each(cases)('%d ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('humanDuration and shortHumanDuration match apimachinery', () => {
  // [milliseconds, HumanDuration, ShortHumanDuration]; seconds are truncated toward zero
  const cases: [number, string, string][] = [
    [0, "0s", "0s"],
    [1, "0s", "0s"],
    [999, "0s", "0s"],
    [-1, "0s", "0s"],
    [-999, "0s", "0s"],
    [-1000, "0s", "0s"],
    [-1001, "0s", "0s"],
    [-1999, "0s", "0s"],
    [-2000, "<invalid>", "<invalid>"],
    [-5000, "<invalid>", "<invalid>"],
    [59000, "59s", "59s"],
    [59999, "59s", "59s"],
    [60000, "60s", "1m"],
    [61000, "61s", "1m"],
    [119000, "119s", "1m"],
    [119999, "119s", "1m"],
    [120000, "2m", "2m"],
    [123000, "2m3s", "2m"],
    [301000, "5m1s", "5m"],
    [599000, "9m59s", "9m"],
    [600000, "10m", "10m"],
    [659000, "10m", "10m"],
    [2700000, "45m", "45m"],
    [3660000, "61m", "1h"],
    [5400000, "90m", "1h"],
    [9000000, "150m", "2h"],
    [10799000, "179m", "2h"],
    [10800000, "3h", "3h"],
    [11100000, "3h5m", "3h"],
    [11130000, "3h5m", "3h"],
    [28799000, "7h59m", "7h"],
    [28800000, "8h", "8h"],
    [82800000, "23h", "23h"],
    [86400000, "24h", "1d"],
    [172740000, "47h", "1d"],
    [172800000, "2d", "2d"],
    [183600000, "2d3h", "2d"],
    [691140000, "7d23h", "7d"],
    [691200000, "8d", "8d"],
    [3888000000, "45d", "45d"],
    [31449600000, "364d", "364d"],
    [31536000000, "365d", "1y"],
    [63068400000, "729d", "1y"],
    [63072000000, "2y", "2y"],
    [64368000000, "2y15d", "2y"],
    [252201600000, "7y364d", "7y"],
    [252288000000, "8y", "8y"],
    [378432000000, "12y", "12y"],
    [3540000, "59m", "59m"],
    [3600000, "60m", "1h"],
    [86340000, "23h", "23h"],
    [3153600000000, "100y", "100y"],
  ];
  it.each(cases)('%d ms -> %s / %s', (ms, human, short) => {
    expect(humanDuration(ms)).toBe(human);
    expect(shortHumanDuration(ms)).toBe(short);
  });
});

describe('age', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  const cases: [string | null | undefined, string][] = [
    [undefined, '<unknown>'],
    [null, '<unknown>'],
    ['', '<unknown>'],
    ['not a time', '<unknown>'],
    ['2026-11-26T12:00:00Z', '0s'],
    ['2026-11-26T11:59:01Z', '59s'],
    ['2026-11-26T11:55:00Z', '5m'],
    ['2026-11-26T11:54:59Z', '5m1s'],
    ['2026-11-26T09:00:00Z', '3h'],
    ['2026-11-24T12:00:00Z', '2d'],
    ['2026-11-26T12:00:01Z', '0s'],
    ['2026-11-26T12:00:05Z', '<invalid>'],
    ['2026-11-26T13:00:00+01:00', '0s'],
    ['2026-11-26T11:59:59.500Z', '0s'],
  ];
  it.each(cases)('%j -> %s', (ts, text) => {
    expect(age(ts, now)).toBe(text);
  });
});
