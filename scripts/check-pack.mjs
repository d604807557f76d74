// The package as a user gets it: `npm pack` (whose prepack builds dist/) with no registry to
// reach, the tarball's contents, `npm install -g` of it into a throwaway prefix (offline when the
// npm cache holds the dependencies), and the installed pocketkube run from outside the checkout:
// the default cluster, a write, the kubectl shim in a `#!/bin/bash` script, V8's code caches
// accepted as shipped and tolerated when rejected (another Node), and, as root, an install the
// user cannot write to. Too slow for the test suite (a build and an install); run it before a
// release:
//
//   node scripts/check-pack.mjs [--in-place] [--keep]
//
// By default it packs a copy of the working tree (what the build reads), so the checkout's own
// dist/ is not rebuilt under someone else's tests; --in-place runs `npm pack` in the checkout.
// --keep leaves the temporary directory (tarball, prefix, homes) for a look. Exit code 1 if a
// check fails.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inPlace = process.argv.includes('--in-place');
const keep = process.argv.includes('--keep');
/** What scripts/build.mjs reads, and what npm puts in every package. */
const SOURCES = ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'bin', 'src', 'scripts', 'fixtures'];
/** npm's registry in this script's own npm runs: nothing listens there, so any request fails. */
const NO_REGISTRY = 'http://127.0.0.1:9/';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-pack-'));
let failed = 0;
const report = (ok, what, detail = '') => {
  if (!ok) failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}\n`);
};
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};
const tail = (text, n = 15) => text.trimEnd().split('\n').slice(-n).join('\n');

// 1. Pack, with every registry request bound to fail.
let packDir = ROOT;
if (!inPlace) {
  packDir = path.join(tmp, 'checkout');
  for (const entry of SOURCES) if (fs.existsSync(path.join(ROOT, entry))) fs.cpSync(path.join(ROOT, entry), path.join(packDir, entry), { recursive: true });
  // The build's tools (esbuild); npm pack never puts node_modules in the tarball.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(packDir, 'node_modules'));
}
const started = performance.now();
const pack = run('npm', ['pack', '--json', '--offline', '--pack-destination', tmp], {
  cwd: packDir,
  env: { ...process.env, npm_config_registry: NO_REGISTRY },
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
let manifest;
try {
  // The report is the last thing on standard output, after whatever the prepack script printed.
  manifest = JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[$/m)))[0];
} catch {
  manifest = undefined;
}
report(pack.code === 0 && manifest !== undefined, `npm pack ${inPlace ? 'in the checkout' : 'in a copy of the working tree'}, offline, registry unreachable`, manifest ? `${manifest.filename}, ${manifest.entryCount} files, ${(manifest.size / 1e6).toFixed(2)} MB packed, ${seconds}s with the build` : tail(pack.stderr + pack.stdout));
if (!manifest) finish();
const tarball = path.join(tmp, manifest.filename);

// 2. What the tarball holds: the launcher, dist's chunks, caches and template, and nothing else.
const files = manifest.files.map((f) => f.path);
const has = (p) => files.includes(p);
const missing = ['bin/pocketkube', 'dist/core.js', 'dist/core.js.cache', 'dist/core.js.read.cache', 'dist/bootstrap-template.json', 'dist/p256-base.bin', 'package.json', 'README.md'].filter((p) => !has(p));
report(missing.length === 0, 'the tarball holds the launcher, dist/core.js with its two code caches, the bootstrap template', missing.length ? `missing ${missing.join(', ')}` : `${files.filter((f) => f.endsWith('.js')).length} chunks, ${files.filter((f) => f.endsWith('.cache')).length} caches`);
const stray = files.filter((p) => !/^(bin\/pocketkube|dist\/[^/]+\.(js|cache)|dist\/bootstrap-template\.json|package\.json|README\.md|LICENSE)$/.test(p));
report(stray.length === 0, 'and nothing else (no sources, tests, build scripts, generator, temporary files)', stray.join(', '));
const launcherMode = manifest.files.find((f) => f.path === 'bin/pocketkube')?.mode;
report((launcherMode & 0o111) !== 0, 'bin/pocketkube is executable in the tarball', launcherMode?.toString(8));
const packed = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json']).stdout || '{}');
const installScripts = ['preinstall', 'install', 'postinstall', 'prepare'].filter((s) => packed.scripts?.[s]);
report(installScripts.length === 0, 'its package.json has no install-time script', installScripts.join(', '));

// 3. Install it globally into a throwaway prefix: offline if the npm cache can serve it.
const prefix = path.join(tmp, 'prefix');
const install = (mode) => run('npm', ['install', '-g', mode, '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: tmp });
let installed = install('--offline');
let mode = '--offline';
if (installed.code !== 0 && /ENOTCACHED/.test(installed.stderr)) {
  // The cache may hold the dependencies' metadata in another form than a global install asks for.
  report(true, 'npm install -g --offline', 'the npm cache lacks some metadata; trying --prefer-offline');
  installed = install('--prefer-offline');
  mode = '--prefer-offline';
}
report(installed.code === 0, `npm install -g ${mode} --prefix ${prefix}`, installed.code === 0 ? tail(installed.stdout, 1) : tail(installed.stderr));
report(!/install-scripts/.test(installed.stderr), 'without warnings about install scripts', tail(installed.stderr.split('\n').filter((l) => /install-scripts/.test(l)).join('\n'), 3));
const pkgDir = path.join(prefix, 'lib', 'node_modules', 'pocketkube');
const deps = fs.existsSync(path.join(pkgDir, 'node_modules')) ? fs.readdirSync(path.join(pkgDir, 'node_modules')).filter((d) => !d.startsWith('.')) : [];
report(['chalk', 'tweetnacl', 'yaml'].every((d) => deps.includes(d)) && !deps.some((d) => ['esbuild', 'typescript', 'vitest', 'fast-check'].includes(d)), 'its dependencies are the runtime ones, no build or test tools', deps.join(', '));
if (installed.code !== 0) finish();

// 4. Run it as a user would: from elsewhere, with a fresh home, PATH holding only node and the system.
const bin = path.join(prefix, 'bin', 'pocketkube');
const elsewhere = fs.mkdtempSync(path.join(tmp, 'cwd-'));
const pkHome = path.join(tmp, 'pocketkube-home');
const PATH = [path.join(prefix, 'bin'), path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter);
const env = { PATH, HOME: path.join(tmp, 'user'), TZ: 'UTC', POCKETKUBE_HOME: pkHome };
const caches = path.join(pkgDir, 'dist');
const cacheTimes = () => Object.fromEntries(fs.readdirSync(caches).filter((f) => f.endsWith('.cache')).map((f) => [f, fs.statSync(path.join(caches, f)).mtimeMs]));
const before = cacheTimes();
const pk = (args, extra = {}) => run('pocketkube', args, { cwd: elsewhere, env, ...extra });

const nodes = pk(['get', 'nodes']);
report(
  nodes.code === 0 && /^NAME +STATUS +ROLES +AGE +VERSION\npocket-control-plane +Ready +control-plane .*\npocket-worker +Ready .*\npocket-worker2 +Ready .*\n$/.test(nodes.stdout),
  'pocketkube get nodes, from a directory outside the checkout, in an empty home',
  nodes.code === 0 ? `\n${nodes.stdout.trimEnd()}` : nodes.stderr,
);
// Which of dist's files a first command reads, seen from inside: the launcher, required, runs one
// command line (as test/fuzz/runner.cjs uses it) with node:fs's reads recorded.
const probe = `
const fs = require('node:fs');
const read = fs.readFileSync;
const seen = new Set();
fs.readFileSync = function (f, ...rest) {
  if (typeof f === 'string') seen.add(require('node:path').basename(f));
  return read.call(this, f, ...rest);
};
const { runMain } = require(process.argv[1]);
const ignore = { write() {} };
runMain({ argv: ['get', 'nodes'], env: process.env, stdin: () => process.stdin, stdout: ignore, stderr: ignore, isTTY: () => false })
  .then((code) => { process.stdout.write(JSON.stringify({ code, seen: [...seen] })); process.exit(0); });
`;
const first = run(process.execPath, ['-e', probe, path.join(pkgDir, 'bin', 'pocketkube')], { cwd: elsewhere, env: { ...env, POCKETKUBE_HOME: path.join(tmp, 'probe-home') } });
let seen = [];
try {
  seen = JSON.parse(first.stdout).seen;
} catch {
  seen = [];
}
report(
  seen.includes('bootstrap-template.json') && seen.includes('sim.cluster.template.instantiate.js') && !seen.includes('sim.cluster.bootstrap.js'),
  "an empty home's cluster is filled in from the shipped template, not bootstrapped",
  seen.length ? `read ${seen.filter((f) => /template|bootstrap/.test(f)).join(', ')}` : (first.stderr || first.stdout).trim(),
);
const created = pk(['create', 'deployment', 'web', '--image=nginx:1.25']);
report(created.stdout === 'deployment.apps/web created\n', 'pocketkube create deployment web', (created.stdout + created.stderr).trim());
const ready = pk(['get', 'deployment', 'web', '-o', 'jsonpath={.status.readyReplicas}']);
report(ready.stdout === '1', 'the Deployment converged (readyReplicas 1)', (ready.stdout + ready.stderr).trim());
const after = cacheTimes();
const rewritten = Object.keys(before).filter((f) => after[f] !== before[f]);
const added = Object.keys(after).filter((f) => !(f in before));
report(
  rewritten.length === 0,
  "V8 accepted the shipped code caches (this Node is the build's)",
  rewritten.length ? `rewritten: ${rewritten.join(', ')}` : `${Object.keys(before).length} shipped caches unchanged${added.length ? `; written for chunks the build did not warm: ${added.join(', ')}` : ''}`,
);

// 5. The kubectl shim, as a CI step's #!/bin/bash script sees it.
const shimDir = path.join(tmp, 'shim');
fs.mkdirSync(shimDir);
const shim = pk(['shim', shimDir]);
report(shim.code === 0 && fs.readFileSync(path.join(shimDir, 'kubectl'), 'utf8').includes(`exec ${path.join(pkgDir, 'bin', 'pocketkube')} "$@"`), 'pocketkube shim DIR names the installed launcher', `\n${(shim.stdout + shim.stderr).trimEnd()}`);
const step = path.join(tmp, 'step.sh');
fs.writeFileSync(step, '#!/bin/bash\nset -euo pipefail\ncommand -v kubectl\nkubectl get deployment web -o name\nkubectl scale deployment web --replicas=2\n', { mode: 0o755 });
const stepRun = run(step, [], { cwd: elsewhere, env: { ...env, PATH: `${shimDir}${path.delimiter}${env.PATH}` } });
report(
  stepRun.code === 0 && stepRun.stdout === `${path.join(shimDir, 'kubectl')}\ndeployment.apps/web\ndeployment.apps/web scaled\n`,
  'a #!/bin/bash script with DIR first on PATH runs it as kubectl',
  (stepRun.stdout + stepRun.stderr).trim().replaceAll('\n', ' | '),
);

// 6. Another Node: a V8 flag changes what V8 checks a cache against, as another version does.
const otherNode = run(process.execPath, ['--max-lazy', path.join(pkgDir, 'bin', 'pocketkube'), 'get', 'deployments'], { cwd: elsewhere, env });
report(otherNode.code === 0 && /^NAME +READY/.test(otherNode.stdout), 'with caches V8 rejects (node --max-lazy), it compiles from source and runs', (otherNode.stdout + otherNode.stderr).trim().split('\n')[0]);

// 7. As root: an install the user cannot write to (owned by root), with caches V8 rejects.
if (process.getuid?.() === 0) {
  const userHome = fs.mkdtempSync(path.join(tmp, 'nobody-'));
  fs.chmodSync(tmp, 0o755);
  fs.chmodSync(elsewhere, 0o755);
  fs.chmodSync(userHome, 0o777);
  const shipped = cacheTimes();
  // Another flag than step 6's, whose run rewrote the caches for its own.
  const asNobody = run(process.execPath, ['--no-lazy-feedback-allocation', path.join(pkgDir, 'bin', 'pocketkube'), 'get', 'nodes'], {
    cwd: elsewhere,
    env: { ...env, HOME: userHome, POCKETKUBE_HOME: path.join(userHome, 'pk') },
    uid: 65534,
    gid: 65534,
  });
  const now = cacheTimes();
  const touched = [...fs.readdirSync(caches).filter((f) => f.endsWith('.tmp')), ...Object.keys(now).filter((f) => now[f] !== shipped[f])];
  report(
    asNobody.code === 0 && /pocket-worker2/.test(asNobody.stdout) && touched.length === 0,
    'as nobody, from a read-only install whose caches V8 rejects: it runs, and writes nothing there',
    (asNobody.stderr || (touched.length ? `wrote ${touched.join(', ')}` : `${asNobody.stdout.split('\n').length - 2} nodes`)).trim(),
  );
}
finish();

function finish() {
  if (keep) process.stdout.write(`kept ${tmp}\n`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(failed ? `${failed} check${failed === 1 ? '' : 's'} failed\n` : 'all checks passed\n');
  process.exit(failed ? 1 : 0);
}
