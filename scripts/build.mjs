// Bundles src/main.ts into one CommonJS file: one file loads much faster than a tree of modules,
// and dynamic import() of our own modules stays lazy inside the bundle. Libraries that only some
// commands need (YAML parsing, JSON patch, colours) stay external and load on first use.
import { build } from 'esbuild';
import * as path from 'node:path';

/** commander loads node:child_process eagerly; a lazy stand-in keeps it off the startup path. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: path.resolve('scripts/lazy-child-process.cjs') } : undefined,
    );
  },
};

// The build's identity: a hash of everything the bundle is made from. The default cluster's
// template (below) names it, so a template is only ever used by the bundle it was made with.
import { createHash } from 'node:crypto';
import * as fsSync from 'node:fs';

function buildIdentity() {
  const h = createHash('sha256');
  const add = (file) => h.update(`${file}\0`).update(fsSync.readFileSync(file)).update('\0');
  const walk = (dir) =>
    fsSync.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : add(path.join(dir, e.name))));
  walk('src');
  for (const f of ['package-lock.json', 'scripts/build.mjs', 'scripts/lazy-child-process.cjs', 'scripts/gen-bootstrap-template.ts']) add(f);
  return h.digest('hex').slice(0, 32);
}
const BUILD = buildIdentity();
const TEMPLATE = 'dist/bootstrap-template.json';
fsSync.rmSync(TEMPLATE, { force: true });

await build({
  entryPoints: ['src/main.ts'],
  define: { POCKETKUBE_BUILD: JSON.stringify(BUILD) },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/pocketkube.cjs',
  external: ['yaml', 'fast-json-patch', 'chalk'],
  plugins: [lazyChildProcess],
  sourcemap: 'linked',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The default cluster's template: the first command on an empty home fills it in instead of
// bootstrapping (src/sim/cluster/template/). The generator bootstraps through the real session and
// checks the template against direct bootstraps; if it cannot, the build fails. The generator stays
// in dist/ for the tests, which run its check again.
{
  const generator = 'dist/gen-bootstrap-template.cjs';
  await build({
    entryPoints: ['scripts/gen-bootstrap-template.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: generator,
    external: ['yaml', 'fast-json-patch', 'chalk'],
    logLevel: 'warning',
  });
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [generator, 'make', TEMPLATE, BUILD], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('making the bootstrap template failed\n');
    process.exit(1);
  }
}

// Warm V8's code cache in a throwaway home so that even the first command after an install starts
// fast. Only reads are recorded: they are what scripts repeat, and a smaller cache loads faster;
// commands that write load the controllers and compile them anyway.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-warm-'));
fs.rmSync('dist/pocketkube.cjs.cache', { force: true });
const steps = [
  { args: ['apply', '-f', 'fixtures/nginx-deployment.yaml'], record: false },
  // The first command on an empty home, which fills in the default cluster's template.
  { args: ['get', 'nodes'], record: true, fresh: true },
  { args: ['get', 'pods'], record: true },
  { args: ['get', 'deploy', '-o', 'wide'], record: true },
  { args: ['get', 'deploy', 'nginx-deployment', '-o', 'yaml'], record: true },
  { args: ['describe', 'deployment', 'nginx-deployment'], record: true },
];
for (const { args, record, fresh } of steps) {
  const stepHome = fresh ? fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-warm-')) : home;
  const r = spawnSync(process.execPath, ['bin/pocketkube', ...args], {
    env: { ...process.env, POCKETKUBE_HOME: stepHome, ...(record ? { POCKETKUBE_CODE_CACHE: 'refresh' } : {}) },
    encoding: 'utf8',
  });
  if (fresh) fs.rmSync(stepHome, { recursive: true, force: true });
  if (r.status !== 0) {
    process.stderr.write(`warming the code cache: pocketkube ${args.join(' ')} failed:\n${r.stderr}`);
    process.exitCode = 1;
    break;
  }
  // The first, unrecorded run wrote a cache of its own; start the recording from scratch.
  if (!record) fs.rmSync('dist/pocketkube.cjs.cache', { force: true });
}
fs.rmSync(home, { recursive: true, force: true });
