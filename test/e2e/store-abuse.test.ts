// The store under abuse, through the launcher: locks a crash, a full disk or another host left
// behind; files changed by hand or crafted to reach outside the home; a manifest deleted; a full
// disk; a umask that would open the home to everyone. Nothing is lost or reset silently, and
// every refusal names the file and leaves it as it was.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, type Home, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A lock file as a holder left it, written `ageMs` ago. */
function leaveLock(h: Home, text: string, ageMs: number): string {
  const file = path.join(h.dir, 'store.lock');
  fs.writeFileSync(file, text);
  const t = (Date.now() - ageMs) / 1000;
  fs.utimesSync(file, t, t);
  return file;
}

function manifest(h: Home): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(h.dir, 'store.json'), 'utf8'));
}

function writeManifest(h: Home, m: Record<string, unknown>): void {
  fs.writeFileSync(path.join(h.dir, 'store.json'), JSON.stringify(m));
}

/** A home whose configmaps were folded into a collection file of their own; that file's path. */
function foldedConfigMaps(h: Home): string {
  h.ok('create', 'configmap', 'kept', '--from-literal=k=v');
  const file = h.ownCollectionFile('/registry/configmaps');
  expect(fs.existsSync(file)).toBe(true);
  return file;
}

describe('the store lock, left behind', () => {
  it.each([
    ['empty (the disk filled while it was written)', ''],
    ['garbage', 'process NaN\n'],
    ['of a host that booted again since', `{"pid":1,"host":"${os.hostname()}","boot":"an-earlier-boot","start":1}\n`],
    ['of a process id now used by another process', `{"pid":1,"host":"${os.hostname()}","start":-1}\n`],
    ['of another host, not refreshed for three minutes', '{"pid":4242,"host":"a-restarted-container"}\n'],
  ])('is taken over when it is %s', (_, text) => {
    const h = home();
    h.ok('get', 'nodes');
    const lock = leaveLock(h, text, 180_000);
    expect(h.ok('create', 'namespace', 'after')).toBe('namespace/after created\n');
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('a store changed by hand', () => {
  it.each(['[]', '42', 'null', '"abc"', '{}'])('refuses a collection file holding %s, naming it, and leaves it alone', (text) => {
    const h = home();
    const file = foldedConfigMaps(h);
    fs.writeFileSync(file, `${text}\n`);
    for (const args of [['get', 'configmaps'], ['create', 'configmap', 'new', '--from-literal=a=b'], ['delete', 'configmap', 'kept']]) {
      const r = h.run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`error: the store ${file} is unreadable (it was cut short or changed: its index does not fit its lines); it was left untouched\n`);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(`${text}\n`);
  });

  it('refuses a stored value that is not the object its key names', () => {
    const h = home();
    const file = foldedConfigMaps(h);
    const text = fs.readFileSync(file, 'utf8').replace(/("default\/kept"\t)\{.*\}\n/, '$142\n');
    // The line is shorter now: the index must say so, or the file is refused as cut short.
    const lines = text.split('\n').filter(Boolean);
    const body = lines.filter((l) => !l.startsWith('#'));
    const index = JSON.parse(lines[lines.length - 1].slice(1));
    index.lengths = body.map((l) => Buffer.byteLength(l) + 1);
    fs.writeFileSync(file, `${body.join('\n')}\n#${JSON.stringify(index)}\n`);
    const before = h.storeBytes();
    const r = h.run(['get', 'configmap', 'kept', '-o', 'yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: the store ${file} is damaged (its value for /registry/configmaps key "default/kept" is not a ConfigMap named so); it was left untouched\n`);
    expect(h.run(['delete', 'configmap', 'kept']).code).toBe(1);
    expect(h.storeBytes().equals(before)).toBe(true);
  });

  it.each([
    ['a path outside the home', '../../elsewhere.json'],
    ['an absolute path', '/etc/passwd'],
  ])('refuses a manifest naming %s as a collection file, reading and removing nothing', (_, name) => {
    const h = home();
    foldedConfigMaps(h);
    const outside = path.join(h.dir, '..', 'elsewhere.json');
    if (name.startsWith('..')) {
      fs.writeFileSync(outside, '{"default/x": {"secret": "outside the home"}}');
      dirs.push(outside);
    }
    const m = manifest(h);
    m.collections['/registry/configmaps'] = name;
    writeManifest(h, m);
    const before = h.storeBytes();
    for (const args of [['get', 'configmaps'], ['create', 'configmap', 'new', '--from-literal=a=b']]) {
      const r = h.run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `error: the store ${path.join(h.dir, 'store.json')} is damaged (collection /registry/configmaps names ${JSON.stringify(name)}, not a file under store/); it was left untouched\n`,
      );
    }
    expect(h.storeBytes().equals(before)).toBe(true);
    if (name.startsWith('..')) expect(fs.readFileSync(outside, 'utf8')).toContain('outside the home');
  });

  it.each([
    ['its journal outside the home', (m: Record<string, any>) => (m.journal = '../journal'), 'its journal is "../journal", not a file under store/'],
    ['no system state', (m: Record<string, any>) => (m.system = null), 'its system state is not an object'],
    ['a list for its collections', (m: Record<string, any>) => (m.collections = []), 'its collections are not a table of files'],
    ['timers that are not timers', (m: Record<string, any>) => (m.system.timers = [42]), 'system.timers is not a list of timers'],
  ])('refuses a manifest with %s', (_, change, problem) => {
    const h = home();
    foldedConfigMaps(h);
    const m = manifest(h);
    change(m);
    writeManifest(h, m);
    const r = h.run(['get', 'configmaps']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: the store ${path.join(h.dir, 'store.json')} is damaged (${problem}); it was left untouched\n`);
  });

  it('refuses to make a new cluster over the files of one whose manifest was deleted', () => {
    const h = home();
    foldedConfigMaps(h);
    fs.rmSync(path.join(h.dir, 'store.json'));
    const files = fs.readdirSync(path.join(h.dir, 'store')).sort();
    const dir = path.join(h.dir, 'store');
    for (const args of [['get', 'configmaps'], ['create', 'configmap', 'new', '--from-literal=a=b']]) {
      const r = h.run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `error: the store ${path.join(h.dir, 'store.json')} is missing, but ${dir} holds ${files.length} files of a cluster; no new cluster was made over them. ` +
          `Put back store.json (\`pocketkube store restore BACKUP\` restores a backup), or move ${dir} away to start a new cluster\n`,
      );
    }
    expect(fs.readdirSync(dir).sort()).toEqual(files);
    expect(fs.existsSync(path.join(h.dir, 'store.json'))).toBe(false);
  });

  it('makes a new cluster over what a first save killed before its manifest left', () => {
    const h = home();
    h.ok('get', 'nodes');
    const dir = path.join(h.dir, 'store');
    // The first save's files, its empty journal and a temporary file: nothing was acknowledged.
    fs.rmSync(path.join(h.dir, 'store.json'));
    fs.writeFileSync(path.join(dir, `nodes.1.jsonl.tmp-${process.pid}`), 'cut sho');
    expect(fs.readdirSync(dir).every((f) => f.includes('.1.') || f === 'journal.1')).toBe(true);
    expect(h.ok('get', 'nodes', '-o', 'name')).toBe('node/pocket-control-plane\nnode/pocket-worker\nnode/pocket-worker2\n');
    expect(fs.readdirSync(dir).some((f) => f.includes('.tmp-'))).toBe(false);
  });
});

describe('the home', () => {
  it('is private whatever the umask', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-umask-'));
    dirs.push(parent);
    const dir = path.join(parent, 'home');
    const r = spawnSync('sh', ['-c', `umask 000 && "${process.execPath}" "${BIN}" get nodes && "${process.execPath}" "${BIN}" create configmap x --from-literal=a=b`], {
      env: { PATH: process.env.PATH ?? '', POCKETKUBE_HOME: dir },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const modes: string[] = [];
    const walk = (p: string) => {
      const st = fs.statSync(p);
      modes.push(`${(st.mode & 0o777).toString(8)} ${st.isDirectory() ? 'dir' : 'file'}`);
      if (st.isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    };
    walk(dir);
    expect(new Set(modes)).toEqual(new Set(['700 dir', '600 file']));
  });
});

/** Whether a small file system can be mounted for one shell (a private mount namespace). */
const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"']).status === 0;

describe('a full disk', () => {
  /** Runs `commands` (pocketkube's arguments) against a home on a file system of `size`; their transcript. */
  function onSmallDisk(size: string, commands: string[]): { transcript: string; store: string } {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-full-'));
    dirs.push(parent);
    const disk = path.join(parent, 'disk');
    fs.mkdirSync(disk);
    fs.writeFileSync(path.join(parent, 'big.txt'), 'x'.repeat(330_000));
    fs.writeFileSync(path.join(parent, 'part.txt'), 'y'.repeat(120_000));
    const run = (args: string) => `echo "$ pocketkube ${args}"; "${process.execPath}" "${BIN}" ${args} 2>&1; echo "exit $?"`;
    const script = [`mount -t tmpfs -o size=${size} tmpfs "${disk}"`, ...commands.map(run)].join('\n');
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], {
      cwd: parent,
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', POCKETKUBE_HOME: path.join(disk, 'home'), POCKETKUBE_WALLCLOCK: '2026-11-26T12:00:00Z' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    return { transcript: r.stdout, store: path.join(disk, 'home', 'store') };
  }
  const full = esc('(ENOSPC: no space left on device, write); the store holds what it held before this write');

  it.runIf(canMount)('refuses a write it cannot make durable, naming the file, and acknowledges nothing', () => {
    const { transcript, store } = onSmallDisk('400k', ['get nodes -o name', 'create configmap big --from-file=big.txt', 'get configmaps', 'create configmap small --from-literal=a=b', 'get configmaps -o name']);
    expect(transcript).toMatch(
      new RegExp(
        [
          '^\\$ pocketkube get nodes -o name\nnode/pocket-control-plane\nnode/pocket-worker\nnode/pocket-worker2\nexit 0',
          `\\$ pocketkube create configmap big --from-file=big.txt\nerror: cannot write the store file ${esc(path.join(store, 'journal.1'))} ${full}\nexit 1`,
          '\\$ pocketkube get configmaps\nNAME +DATA +AGE\nkube-root-ca.crt +1 +\\S+\nexit 0',
          // The torn record was cut off: what follows it is read.
          '\\$ pocketkube create configmap small --from-literal=a=b\nconfigmap/small created\nexit 0',
          '\\$ pocketkube get configmaps -o name\nconfigmap/kube-root-ca.crt\nconfigmap/small\nexit 0\n$',
        ].join('\n'),
      ),
    );
  });

  it.runIf(canMount)('keeps what it acknowledged when folding the journal fails, and reads on with a warning', () => {
    const parts = ['c1', 'c2', 'c3'].map((n) => `create configmap ${n} --from-file=part.txt`);
    const { transcript, store } = onSmallDisk('700k', ['get nodes -o name', ...parts, 'get configmaps -o name']);
    const fold = `cannot write the store file ${esc(store)}/configmaps\\.\\d+\\.jsonl ${full}`;
    expect(transcript).toMatch(
      new RegExp(
        [
          '^\\$ pocketkube get nodes -o name\nnode/pocket-control-plane\nnode/pocket-worker\nnode/pocket-worker2\nexit 0',
          '\\$ pocketkube create configmap c1 --from-file=part.txt\nconfigmap/c1 created\nexit 0',
          '\\$ pocketkube create configmap c2 --from-file=part.txt\nconfigmap/c2 created\nexit 0',
          // Acknowledged once in the journal; the fold that followed found no room.
          `\\$ pocketkube create configmap c3 --from-file=part.txt\nconfigmap/c3 created\nerror: ${fold}\nexit 1`,
          `\\$ pocketkube get configmaps -o name\nconfigmap/c1\nconfigmap/c2\nconfigmap/c3\nconfigmap/kube-root-ca.crt\nwarning: the cluster's progress could not be saved: ${fold}\nexit 0\n$`,
        ].join('\n'),
      ),
    );
  });
});
