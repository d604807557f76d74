// kubectl cp end to end: files and directories to and from the simulated containers through
// `tar` run by pods/exec, as kubectl v1.32 does it (pkg/cmd/cp/cp.go). Argument errors were
// recorded from real kubectl offline; pod-level errors through scripts/kubectl-oracle.mjs (pod
// not found, completed pod, the "Defaulted container" note on stdout when copying from a pod and on
// stderr when copying to one); tar's messages are GNU tar's (Debian images) and busybox's.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

let h: Home;
let local: string;
beforeEach(() => {
  h = new Home();
  local = path.join(h.dir, 'local');
  fs.mkdirSync(local);
});
afterEach(() => h.remove());

/** Runs in the local directory, where relative paths of the command line point. */
const cp = (...args: string[]) => h.run(['cp', ...args], { cwd: local });
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(local, rel)), { recursive: true });
  fs.writeFileSync(path.join(local, rel), text);
};
const read = (rel: string) => fs.readFileSync(path.join(local, rel), 'utf8');
/** Every path under a local directory, directories with a trailing slash. */
function tree(rel: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push(`${prefix}${e.name}${e.isDirectory() ? '/' : ''}`);
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
    }
  };
  walk(path.join(local, rel), '');
  return out;
}

describe('arguments', () => {
  it('refuses what kubectl refuses before it contacts the server, leaving the store as it was', () => {
    h.ok('get', 'ns');
    const before = h.storeHash();
    const error = (message: string) => ({ stdout: '', stderr: `error: ${message}\n`, code: 1 });
    expect(cp()).toEqual(error('source and destination are required'));
    expect(cp('a')).toEqual(error('source and destination are required'));
    expect(cp('a', 'b', 'c')).toEqual(error('source and destination are required'));
    expect(cp('a:b', 'c:d')).toEqual(error('one of src or dest must be a local file specification'));
    expect(cp(':x', 'y')).toEqual(error('filespec must match the canonical format: [[namespace/]pod:]file/path'));
    expect(cp('a/b/c:x', 'y')).toEqual(error('filespec must match the canonical format: [[namespace/]pod:]file/path'));
    expect(cp('a', 'b')).toEqual(error('one of src or dest must be a remote file specification'));
    expect(cp('x', 'pod:')).toEqual(error('filepath can not be empty'));
    expect(cp('pod:', 'x')).toEqual(error('filepath can not be empty'));
    expect(cp('pod:/tmp/x', '')).toEqual(error('filepath can not be empty'));
    expect(cp('nonexist', 'pod:/x')).toEqual(error("nonexist doesn't exist in local filesystem"));
    expect(cp('pod:/x', 'y', '--retries=abc')).toEqual({
      stdout: '',
      stderr: 'Error: invalid argument "abc" for "--retries" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl cp --help\' for usage.\n',
      code: 1,
    });
    expect(h.storeHash()).toBe(before);
  });

  it('reports a missing pod, a completed pod and an unknown container as kubectl does', () => {
    write('f', 'hi\n');
    expect(cp('f', 'nope:/tmp')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    expect(cp('nope:/tmp/x', 'y')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    h.ok('run', 'done', '--image=busybox', '--restart=Never', '--', 'true');
    expect(h.ok('get', 'pod', 'done', '-o', 'jsonpath={.status.phase}')).toBe('Succeeded');
    expect(cp('done:/etc/os-release', 'x')).toEqual({ stdout: '', stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n', code: 1 });
    h.ok('run', 'web', '--image=nginx:1.27');
    expect(cp('f', 'web:/tmp', '-c', 'nope')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): container nope is not valid for pod web\n', code: 1 });
    expect(cp('f', 'kube-system/web:/tmp')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "web" not found\n', code: 1 });
  });
});

describe('from a pod', () => {
  it('copies a file, with GNU tar\'s note about the absolute path on standard output', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    expect(cp('web:/etc/nginx/nginx.conf', 'nginx.conf')).toEqual({ stdout: "tar: Removing leading `/' from member names\n", stderr: '', code: 0 });
    expect(read('nginx.conf')).toBe(h.ok('exec', 'web', '--', 'cat', '/etc/nginx/nginx.conf'));
    // A relative path is the container's: no note.
    expect(cp('web:etc/hostname', 'host')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(read('host')).toBe('web\n');
    // tar drops everything up to a `..` component.
    expect(cp('web:/tmp/../etc/hostname', 'h2').stdout).toBe("tar: Removing leading `/tmp/../' from member names\n");
    expect(read('h2')).toBe('web\n');
    // The file itself is the destination: an existing directory there is an error.
    expect(cp('web:/etc/hostname', '.')).toEqual({ stdout: "tar: Removing leading `/' from member names\n", stderr: 'error: open .: is a directory\n', code: 1 });
    write('plain', 'x');
    expect(cp('web:/etc/nginx', 'plain/sub').stderr).toBe('error: mkdir plain: not a directory\n');
  });

  it('copies a directory\'s contents into the destination, made or merged, with busybox tar\'s wording', () => {
    h.ok('run', 'bb', '--image=busybox', '--', 'sh', '-c', 'mkdir -p /data/d/sub && echo hello > /data/d/a.txt && echo x > /data/d/sub/b && mkdir /data/d/empty && sleep 3600');
    expect(cp('bb:/data/d', 'out')).toEqual({ stdout: "tar: removing leading '/' from member names\n", stderr: '', code: 0 });
    expect(tree('out')).toEqual(['a.txt', 'empty/', 'sub/', 'sub/b']);
    expect(read('out/a.txt')).toBe('hello\n');
    // Into an existing directory: the contents, not the directory, land there.
    write('existing/keep', 'k\n');
    cp('bb:/data/d/', 'existing/');
    expect(tree('existing')).toEqual(['a.txt', 'empty/', 'keep', 'sub/', 'sub/b']);
  });

  it('succeeds with tar\'s complaint when the source is missing, as kubectl does', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    expect(cp('web:/nope', 'x')).toEqual({
      stdout: "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n",
      stderr: '',
      code: 0,
    });
    expect(fs.existsSync(path.join(local, 'x'))).toBe(false);
    h.ok('run', 'bb', '--image=busybox', '--', 'sleep', '3600');
    expect(cp('bb:/nope', 'x')).toEqual({ stdout: 'tar: /nope: No such file or directory\n', stderr: '', code: 0 });
  });

  it('notes the defaulted container on standard output, and takes -c, NS/POD and --retries', () => {
    h.ok('create', 'namespace', 'team');
    h.ok(
      'apply',
      '-n',
      'team',
      '-f',
      h.file('two.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  initContainers: [{name: init, image: busybox, command: [sh, -c, "true"]}]\n  containers:\n  - {name: a, image: nginx:1.27}\n  - {name: b, image: busybox, command: [sh, -c, "echo from-b > /tmp/b; sleep 3600"]}\n'),
    );
    expect(cp('team/two:etc/hostname', 'h')).toEqual({ stdout: 'Defaulted container "a" out of: a, b, init (init)\n', stderr: '', code: 0 });
    expect(cp('-n', 'team', 'two:/tmp/b', 'b', '-c', 'b')).toEqual({ stdout: "tar: removing leading '/' from member names\n", stderr: '', code: 0 });
    expect(read('b')).toBe('from-b\n');
    // --retries runs `sh -c "tar cf - PATH | tail -c+N"`: tar's note still comes through.
    expect(cp('team/two:/tmp/b', 'b2', '-c', 'b', '--retries=3')).toEqual({ stdout: "tar: removing leading '/' from member names\n", stderr: '', code: 0 });
    expect(read('b2')).toBe('from-b\n');
  });
});

describe('to a pod', () => {
  it('puts a file into an existing directory under its own name, or at a new name', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    write('f.txt', 'one\n');
    expect(cp('f.txt', 'web:/tmp')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(h.ok('exec', 'web', '--', 'cat', '/tmp/f.txt')).toBe('one\n');
    expect(cp('f.txt', 'web:/tmp/renamed', '--no-preserve')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(h.ok('exec', 'web', '--', 'cat', '/tmp/renamed')).toBe('one\n');
    // A relative destination is relative to the container's working directory.
    expect(cp('f.txt', 'web:rel.txt').code).toBe(0);
    expect(h.ok('exec', 'web', '--', 'cat', '/rel.txt')).toBe('one\n');
    // The simulated files hold text: bytes that are not UTF-8 do not survive, and pocketkube says so.
    fs.writeFileSync(path.join(local, 'bin'), Buffer.from([0xff, 0x41, 0x0a]));
    expect(cp('bin', 'web:/tmp')).toEqual({
      stdout: '',
      stderr: 'pocketkube: bin is not UTF-8 text; the simulated container keeps text, so its invalid bytes became U+FFFD\n',
      code: 0,
    });
    expect(h.ok('exec', 'web', '--', 'cat', '/tmp/bin')).toBe('\uFFFDA\n');
  });

  it('copies a directory into an existing one under its name, and to a new name as itself', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    write('src/a', 'A\n');
    write('src/sub/b', 'B\n');
    fs.mkdirSync(path.join(local, 'src/empty'));
    expect(cp('src', 'web:/tmp').code).toBe(0);
    h.ok('exec', 'web', '--', 'tar', 'cf', '/archive.tar', '/tmp');
    expect(h.ok('exec', 'web', '--', 'tar', 'tf', '/archive.tar')).toBe('tmp/\ntmp/src/\ntmp/src/a\ntmp/src/empty/\ntmp/src/sub/\ntmp/src/sub/b\n');
    expect(cp('src/', 'web:/tmp/copy/').code).toBe(0);
    expect(h.ok('exec', 'web', '--', 'cat', '/tmp/copy/a', '/tmp/copy/sub/b')).toBe('A\nB\n');
  });

  it('passes tar\'s failure on when the destination directory is missing', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    h.ok('run', 'bb', '--image=busybox', '--', 'sleep', '3600');
    write('f', 'x\n');
    expect(cp('f', 'web:/nope/x')).toEqual({
      stdout: '',
      stderr: 'tar: /nope: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\ncommand terminated with exit code 2\n',
      code: 2,
    });
    expect(cp('f', 'bb:/nope/x')).toEqual({ stdout: '', stderr: "tar: can't change directory to '/nope': No such file or directory\ncommand terminated with exit code 1\n", code: 1 });
  });

  it('notes the defaulted container once, on standard error', () => {
    h.ok('apply', '-f', h.file('two.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n  - {name: a, image: nginx:1.27}\n  - {name: b, image: redis:7}\n'));
    write('f', 'x\n');
    expect(cp('f', 'two:/tmp')).toEqual({ stdout: '', stderr: 'Defaulted container "a" out of: a, b\n', code: 0 });
    expect(h.ok('exec', 'two', '-c', 'a', '--', 'cat', '/tmp/f')).toBe('x\n');
  });
});

describe('tar in the container', () => {
  it('writes archives a real tar reads', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    const out = h.run(['exec', 'web', '--', 'tar', 'cf', '-', '/etc/nginx']);
    expect(out.stderr).toBe("tar: Removing leading `/' from member names\n");
    expect(Buffer.byteLength(out.stdout) % 10240).toBe(0);
    const listed = spawnSync('tar', ['tf', '-'], { input: out.stdout, encoding: 'utf8' });
    expect(listed.stdout).toBe('etc/nginx/\netc/nginx/conf.d/\netc/nginx/conf.d/default.conf\netc/nginx/nginx.conf\n');
  });
});
