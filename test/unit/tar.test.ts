// The tar format both ends of kubectl cp meet (api/tar.ts), checked against this machine's GNU tar
// in both directions, and the simulated containers' tar (sim/shell/tools/tar.ts): GNU tar's and
// busybox's wording, the member names they store and what they extract.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTar, type TarEntry, writeTar } from '../../src/api/tar';
import { type OutputChunk, resume, startProcess } from '../../src/sim/shell';
import { BUSYBOX_TOOLS, DEBIAN_TOOLS, fakeHost } from '../helpers/shellhost';

const T0 = Date.parse('2026-11-26T12:00:00Z');
const utf8 = new TextEncoder();
const LONG = `${'d'.repeat(60)}/${'f'.repeat(60)}.txt`;

function entries(bytes: Uint8Array): TarEntry[] {
  const r = readTar(bytes);
  const out: TarEntry[] = [];
  for (let e = r.next(); e; e = r.next()) out.push(e);
  return out;
}

describe('api/tar', () => {
  it('writes what GNU tar lists and extracts, long names included', () => {
    const archive = writeTar(
      [
        { name: 'top/', type: 'dir', data: new Uint8Array(0), mode: 0o755, mtime: T0 },
        { name: 'top/a.txt', type: 'file', data: utf8.encode('héllo\n'), mode: 0o644, mtime: T0 },
        { name: LONG, type: 'file', data: utf8.encode('x'.repeat(700)), mode: 0o600, mtime: T0 },
      ],
      10240,
    );
    expect(archive.length).toBe(10240);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-test-'));
    try {
      const listed = spawnSync('tar', ['tvf', '-'], { input: archive, encoding: 'utf8' });
      expect(listed.stderr).toBe('');
      expect(listed.stdout.split('\n').map((l) => l.replace(/^(\S+) (\S+) +(\d+) \S+ \S+ /, '$1 $2 $3 '))).toEqual([
        'drwxr-xr-x root/root 0 top/',
        '-rw-r--r-- root/root 7 top/a.txt',
        `-rw------- root/root 700 ${LONG}`,
        '',
      ]);
      expect(spawnSync('tar', ['xf', '-', '-C', dir], { input: archive }).status).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'top/a.txt'), 'utf8')).toBe('héllo\n');
      expect(fs.readFileSync(path.join(dir, LONG), 'utf8')).toBe('x'.repeat(700));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads what GNU tar writes, and ends or fails as Go\'s reader does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-test-'));
    try {
      fs.mkdirSync(path.join(dir, 'src', path.dirname(LONG)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', 'one'), 'first\n');
      fs.writeFileSync(path.join(dir, 'src', LONG), 'long\n');
      const made = spawnSync('tar', ['cf', '-', '-C', dir, '--sort=name', 'src']);
      const got = entries(new Uint8Array(made.stdout));
      expect(got.map((e) => [e.name, e.type, Buffer.from(e.data).toString()])).toEqual([
        ['src/', 'dir', ''],
        [`src/${path.dirname(LONG)}/`, 'dir', ''],
        [`src/${LONG}`, 'file', 'long\n'],
        ['src/one', 'file', 'first\n'],
      ]);
      const bytes = new Uint8Array(made.stdout);
      expect(entries(new Uint8Array(0))).toEqual([]);
      expect(() => entries(bytes.subarray(0, 700))).toThrow('unexpected EOF');
      const garbage = new Uint8Array(1024).fill(65);
      expect(() => entries(garbage)).toThrow('archive/tar: invalid tar header');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function tar(flavor: 'dash' | 'ash', argv: string[], opts: { stdin?: string; files?: Record<string, string>; dirs?: string[] } = {}) {
  const h = fakeHost({ shell: flavor, files: opts.files ?? {}, cwd: '/', tools: [...(flavor === 'ash' ? BUSYBOX_TOOLS : DEBIAN_TOOLS), 'tar'] });
  for (const d of opts.dirs ?? []) h.fs.mkdir(d);
  const started = startProcess(argv, h, T0, { stdin: opts.stdin });
  if (!started.ok) throw new Error(started.message);
  const r = resume(started.state, h, { until: T0 + 60_000 });
  if (r.status !== 'exited') throw new Error(`tar did not end: ${r.status}`);
  const text = (s: string) => r.output.filter((c: OutputChunk) => c.stream === s).map((c) => c.text).join('');
  return { out: text('stdout'), err: text('stderr'), code: r.code, fs: h.fs };
}

describe('tar in the container', () => {
  const files = { '/data/a': 'A\n', '/data/sub/b': 'B\n' };

  it('stores names without the unsafe prefix, saying so in each flavour\'s words', () => {
    const gnu = tar('dash', ['tar', 'cf', '-', '/data', '/tmp/../data/a'], { files, dirs: ['/tmp'] });
    expect(gnu.err).toBe("tar: Removing leading `/' from member names\ntar: Removing leading `/tmp/../' from member names\n");
    expect(entries(utf8.encode(gnu.out)).map((e) => e.name)).toEqual(['data/', 'data/a', 'data/sub/', 'data/sub/b', 'data/a']);
    expect(utf8.encode(gnu.out).length).toBe(10240);
    const bb = tar('ash', ['tar', 'cf', '-', '/data'], { files });
    expect(bb.err).toBe("tar: removing leading '/' from member names\n");
    expect(entries(utf8.encode(bb.out)).map((e) => e.name)).toEqual(['data/', 'data/a', 'data/sub/', 'data/sub/b']);
  });

  it('reports a missing file and still writes the archive', () => {
    const gnu = tar('dash', ['tar', 'cf', '-', '/nope'], { files });
    expect([gnu.err, gnu.code]).toEqual(["tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n", 2]);
    expect(entries(utf8.encode(gnu.out))).toEqual([]);
    const bb = tar('ash', ['tar', 'cf', '-', '/nope'], { files });
    expect([bb.err, bb.code]).toEqual(['tar: /nope: No such file or directory\n', 1]);
  });

  it('extracts kubectl\'s archive from stdin under -C, making parent directories', () => {
    const archive = new TextDecoder().decode(
      writeTar([
        { name: 'copy/x/y', type: 'file', data: utf8.encode('Y\n'), mode: 0o644, mtime: T0 },
        { name: 'copy/empty', type: 'dir', data: new Uint8Array(0), mode: 0o755, mtime: T0 },
      ]),
    );
    const r = tar('dash', ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-', '-C', '/tmp'], { stdin: archive, dirs: ['/tmp'] });
    expect([r.err, r.code]).toEqual(['', 0]);
    expect(r.fs.read('/tmp/copy/x/y')).toBe('Y\n');
    expect(r.fs.isDir('/tmp/copy/empty')).toBe(true);
    expect(tar('dash', ['tar', '-xmf', '-', '-C', '/nope'], { stdin: archive })).toMatchObject({ err: 'tar: /nope: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n', code: 2 });
    expect(tar('ash', ['tar', '-xmf', '-', '-C', '/nope'], { stdin: archive })).toMatchObject({ err: "tar: can't change directory to '/nope': No such file or directory\n", code: 1 });
    expect(tar('dash', ['tar', 'xf', '-'], { stdin: 'not an archive'.padEnd(600, '!') })).toMatchObject({ err: 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n', code: 2 });
  });
});
