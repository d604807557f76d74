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

await build({
  entryPoints: ['src/main.ts'],
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
  { args: ['get', 'pods'], record: true },
  { args: ['get', 'deploy', '-o', 'wide'], record: true },
  { args: ['get', 'deploy', 'nginx-deployment', '-o', 'yaml'], record: true },
  { args: ['describe', 'deployment', 'nginx-deployment'], record: true },
];
for (const { args, record } of steps) {
  const r = spawnSync(process.execPath, ['bin/pocketkube', ...args], {
    env: { ...process.env, POCKETKUBE_HOME: home, ...(record ? { POCKETKUBE_CODE_CACHE: 'refresh' } : {}) },
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    process.stderr.write(`warming the code cache: pocketkube ${args.join(' ')} failed:\n${r.stderr}`);
    process.exitCode = 1;
    break;
  }
  // The first, unrecorded run wrote a cache of its own; start the recording from scratch.
  if (!record) fs.rmSync('dist/pocketkube.cjs.cache', { force: true });
}
fs.rmSync(home, { recursive: true, force: true });
