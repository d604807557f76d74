// kubectl get -o custom-columns / custom-columns-file and --sort-by, and kubectl events, compared
// with what the real kubectl v1.32 printed for the same objects (fixtures/gen-get-output.mjs
// records it: it builds this cluster with pocketkube and has kubectl read it). The order of equal
// and missing keys is Go's unstable sort's, so it is compared too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';
import golden from './fixtures/get-output.json';

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

/** klog's header carries the time and the process id. */
const klog = (text: string) => text.replace(/^([FWE])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1MMDD hh:mm:ss.uuuuuu PID ');

/** A table (no -o): the recorded kubectl served NAME only, so rows are compared by their name column. */
const isTable = (args: string[]) => !args.some((a) => a === '-o' || a.startsWith('-o') || a === '--output' || a.startsWith('--output='));

/**
 * `kubectl events`' table with its LAST SEEN cells masked: kubectl counts from the real time, the
 * cluster from its own. Cells are what lies between runs of three spaces or more (the padding).
 */
const eventCells = (text: string, withNamespace: boolean) =>
  text.split('\n').map((line) => {
    const cells = line.split(/ {3,}/);
    const at = withNamespace ? 1 : 0;
    if (cells.length > at + 1 && cells[at] !== 'LAST SEEN') cells[at] = cells[at].replace(/^\S+( \(x\d+ over \S+\))?$/, (_m, series) => (series ? 'AGO (xN)' : 'AGO'));
    return cells;
  });
const nameColumn = (text: string, withNamespace: boolean) =>
  text
    .split('\n')
    .map((l) => l.split(/ {2,}/)[withNamespace ? 1 : 0] ?? '')
    .join('\n');

describe('kubectl get: custom columns and --sort-by, and kubectl events, as kubectl v1.32 prints them', () => {
  const h = new Home();
  const later = (s: number) => new Date(Date.parse(golden.wallclock) + s * 1000).toISOString().replace('.000Z', 'Z');
  let cwd = '';
  let at = '';
  beforeAll(() => {
    for (const [seconds, args] of golden.setup as [number, string[]][]) {
      const r = h.run(args, { env: { POCKETKUBE_WALLCLOCK: later(seconds) } });
      if (r.code !== 0) throw new Error(`setup ${args.join(' ')}: ${r.stderr}`);
    }
    at = later(Math.max(...(golden.setup as [number, string[]][]).map(([s]) => s)));
    for (const [name, text] of Object.entries(golden.files as Record<string, string>)) cwd = path.dirname(h.file(name, text));
  });
  afterAll(() => h.remove());

  for (const c of golden.cases as Case[]) {
    it(c.args.slice(1).join(' '), () => {
      const r = h.run(c.args, { env: { POCKETKUBE_WALLCLOCK: at }, cwd });
      expect({ code: r.code, stderr: klog(r.stderr) }).toEqual({ code: c.code, stderr: klog(c.stderr) });
      if (c.args[0] === 'events' && isTable(c.args)) {
        expect(eventCells(r.stdout, c.args.includes('-A'))).toEqual(eventCells(c.stdout, c.args.includes('-A')));
      } else if (isTable(c.args)) {
        const withNamespace = c.args.includes('-A');
        expect(nameColumn(r.stdout, withNamespace)).toBe(nameColumn(c.stdout, withNamespace));
      } else expect(r.stdout).toBe(c.stdout);
    });
  }

  it('leaves the store as it was', () => {
    const before = h.storeHash();
    h.run(['get', 'pods', '--sort-by=.metadata.labels'], { env: { POCKETKUBE_WALLCLOCK: at } });
    h.run(['get', 'pods', '-o', 'custom-columns=A:.a['], { env: { POCKETKUBE_WALLCLOCK: at } });
    expect(h.storeHash()).toBe(before);
    expect(fs.existsSync(h.dir)).toBe(true);
  });
});
