// pocketkube shim DIR: DIR/kubectl runs this pocketkube, so a `#!/bin/bash` script with DIR first
// on PATH gets pocketkube where it calls kubectl, arguments and exit codes passed through; the
// shim replaces its own kind but nothing else without --force, and a DIR it cannot use is refused.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type Home, WALLCLOCK, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

/** A directory of the home's for the shim (outside the store's files). */
function shimDir(h: Home, name = 'bin'): string {
  const dir = path.join(h.dir, 'files', name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const wrote = (dir: string) =>
  `Wrote ${dir}/kubectl, which runs ${BIN} with its arguments.\n` +
  'To run it as kubectl in this shell and the scripts it starts, put its directory first on PATH:\n' +
  `export PATH=${dir}:$PATH\n`;

/** Runs a bash script as a CI step would: its own file, `set -euo pipefail`, DIR first on PATH. */
function script(h: Home, dir: string, body: string) {
  const file = path.join(h.dir, 'files', 'step.sh');
  fs.writeFileSync(file, `#!/bin/bash\nset -euo pipefail\n${body}\n`, { mode: 0o755 });
  const r = spawnSync(file, [], {
    cwd: path.dirname(file),
    env: {
      PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`,
      TZ: 'UTC',
      POCKETKUBE_HOME: h.dir,
      POCKETKUBE_WALLCLOCK: WALLCLOCK,
      POCKETKUBE_FREEZE: '1',
    },
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

describe('pocketkube shim', () => {
  it('writes DIR/kubectl, an executable script that runs this launcher, and says how to use it', () => {
    const h = home();
    const dir = shimDir(h);
    expect(h.run(['shim', dir])).toEqual({ code: 0, stdout: wrote(dir), stderr: '' });
    const file = path.join(dir, 'kubectl');
    expect(fs.readFileSync(file, 'utf8')).toBe(`#!/bin/sh\n# pocketkube shim: runs pocketkube as kubectl (written by \`pocketkube shim\`)\nexec ${BIN} "$@"\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o755);
    expect(fs.readdirSync(dir)).toEqual(['kubectl']);
    // Writing a shim is no cluster work: the home gets no store.
    expect(fs.existsSync(path.join(h.dir, 'store.json'))).toBe(false);
  });

  it('takes a relative DIR as the absolute path it names now', () => {
    const h = home();
    const dir = shimDir(h);
    expect(h.run(['shim', 'bin'], { cwd: path.dirname(dir) })).toEqual({ code: 0, stdout: wrote(dir), stderr: '' });
  });

  it('quotes a DIR the shell would split in the export line', () => {
    const h = home();
    const dir = shimDir(h, "my 'tools'");
    const r = h.run(['shim', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[2]).toBe(`export PATH='${dir.replaceAll("'", `'\\''`)}':$PATH`);
    // The line does what it says in a shell.
    const sh = spawnSync('/bin/bash', ['-c', `${r.stdout.split('\n')[2]}; command -v kubectl`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(sh.stdout).toBe(`${dir}/kubectl\n`);
  });

  it('is what a #!/bin/bash script with DIR first on PATH runs as kubectl: same output, arguments and exit codes', () => {
    const h = home();
    const dir = shimDir(h);
    h.ok('shim', dir);
    const r = script(
      h,
      dir,
      [
        'command -v kubectl',
        'kubectl get nodes',
        'kubectl create deployment web --image=nginx:1.25 --replicas=2',
        "kubectl create configmap cfg --from-literal='greeting=hello,  world' --from-literal=\"empty=\"",
        "kubectl get configmap cfg -o jsonpath='{.data.greeting}|{.data.empty}|'; echo",
        'kubectl get deployment web -o name',
        'if kubectl get pod nosuch; then echo unexpected; else echo "exit $?"; fi',
        'kubectl get pod nosuch',
        'echo never',
      ].join('\n'),
    );
    // What the same commands print when pocketkube runs them directly, in a home of the same start.
    const d = home();
    const direct = [
      d.ok('get', 'nodes'),
      d.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2'),
      d.ok('create', 'configmap', 'cfg', '--from-literal=greeting=hello,  world', '--from-literal=empty='),
    ];
    expect(direct[1]).toBe('deployment.apps/web created\n');
    expect(direct[2]).toBe('configmap/cfg created\n');
    expect(r).toEqual({
      code: 1,
      stdout: `${dir}/kubectl\n${direct.join('')}hello,  world||\ndeployment.apps/web\nexit 1\n`,
      stderr: 'Error from server (NotFound): pods "nosuch" not found\n'.repeat(2),
    });
  });

  it('rewrites its own shim without --force, and then runs the launcher it names now', () => {
    const h = home();
    const dir = shimDir(h);
    fs.writeFileSync(path.join(dir, 'kubectl'), '#!/bin/sh\n# pocketkube shim: runs pocketkube as kubectl (written by `pocketkube shim`)\nexec /moved/away/bin/pocketkube "$@"\n', { mode: 0o755 });
    expect(h.run(['shim', dir])).toEqual({
      code: 0,
      stdout: wrote(dir).replace(`Wrote ${dir}/kubectl`, `Rewrote the pocketkube shim ${dir}/kubectl`),
      stderr: '',
    });
    expect(script(h, dir, 'kubectl create namespace rewritten')).toEqual({ code: 0, stdout: 'namespace/rewritten created\n', stderr: '' });
  });

  it('refuses to replace a DIR/kubectl that is not a shim unless --force, and replaces a link rather than what it points to', () => {
    const h = home();
    const dir = shimDir(h);
    const realDir = shimDir(h, 'real');
    const real = path.join(realDir, 'kubectl');
    const realText = '#!/bin/sh\necho the real kubectl\n';
    fs.writeFileSync(real, realText, { mode: 0o755 });
    fs.symlinkSync(real, path.join(dir, 'kubectl'));
    const refused = { code: 1, stdout: '', stderr: `error: ${dir}/kubectl exists and is not a pocketkube shim; use --force to replace it\n` };
    expect(h.run(['shim', dir])).toEqual(refused);
    expect(h.run(['shim', realDir])).toEqual({ ...refused, stderr: refused.stderr.replace(dir, realDir) });
    expect(fs.readlinkSync(path.join(dir, 'kubectl'))).toBe(real);

    expect(h.run(['shim', dir, '--force'])).toEqual({
      code: 0,
      stdout: wrote(dir).replace(`Wrote ${dir}/kubectl, which`, `Replaced ${dir}/kubectl, which was not a pocketkube shim, by one that`),
      stderr: '',
    });
    expect(fs.lstatSync(path.join(dir, 'kubectl')).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(real, 'utf8')).toBe(realText);
    expect(script(h, dir, 'kubectl version --client -o json | grep -c clientVersion')).toEqual({ code: 0, stdout: '1\n', stderr: '' });
  });

  it('refuses a DIR that is missing, not a directory, or holds a directory named kubectl', () => {
    const h = home();
    const dir = shimDir(h);
    const missing = path.join(dir, 'nosuch');
    expect(h.run(['shim', missing])).toEqual({ code: 1, stdout: '', stderr: `error: cannot write the shim into ${missing}: no such directory\n` });
    const file = path.join(dir, 'plain');
    fs.writeFileSync(file, 'x');
    expect(h.run(['shim', file])).toEqual({ code: 1, stdout: '', stderr: `error: cannot write the shim into ${file}: not a directory\n` });
    fs.mkdirSync(path.join(dir, 'kubectl'));
    expect(h.run(['shim', dir, '--force'])).toEqual({ code: 1, stdout: '', stderr: `error: cannot write the shim ${dir}/kubectl: it is a directory\n` });
    expect(fs.readdirSync(dir).sort()).toEqual(['kubectl', 'plain']);
    expect(h.run(['shim'])).toEqual({ code: 1, stdout: '', stderr: "error: missing required argument 'dir'\n" });
  });

  it('refuses a DIR the user cannot write to, leaving it as it was', () => {
    const h = home();
    const dir = shimDir(h, 'readonly');
    fs.chmodSync(dir, 0o555);
    // root writes anywhere: as root, run the command as nobody.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chmodSync(h.dir, 0o777);
    const r = spawnSync(process.execPath, [BIN, 'shim', dir], {
      env: { PATH: process.env.PATH ?? '', POCKETKUBE_HOME: h.dir, POCKETKUBE_WALLCLOCK: WALLCLOCK },
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 1, stdout: '', stderr: `error: cannot write the shim into ${dir}: permission denied\n` });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
