// Builds dist/: src/main.ts and every module the code loads with require() become entry points of
// one esbuild build with code splitting, so a command reads and compiles only the code it runs
// (a `get` never sees the engine, the kubelet, the shell or kubeadm). esbuild splits only ESM, so
// each output is then turned into a CommonJS function for the launcher (bin/pocketkube), which
// loads chunks itself through V8's code cache. The chunks every `get` needs are packed into one
// file: one read and one cache, and a large source string is allocated outside V8's young
// generation. Libraries that only some commands need (YAML parsing, colours, tables) stay
// external and load on first use (tweetnacl, too: only the secretbox provider of encryption at rest
// needs it).
import { build, transform } from 'esbuild';
import { buildIdentity } from './build-identity.mjs';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SRC = path.resolve('src');
/**
 * The build is made in a staging directory beside dist/ and swapped in when whole, so a command
 * or test running meanwhile sees the old build or the new one, never half of one. The staging
 * directory has its own copy of the launcher (it finds dist/ beside itself) and sits in the
 * repository, so node_modules resolves from it as from dist/.
 */
const FINAL = path.resolve('dist');
const STAGE = path.resolve(`.build-${process.pid}`);
const DIST = path.join(STAGE, 'dist');
const LAUNCHER = path.join(STAGE, 'bin', 'pocketkube');
fs.rmSync(STAGE, { recursive: true, force: true });
fs.mkdirSync(path.dirname(LAUNCHER), { recursive: true });
fs.copyFileSync('bin/pocketkube', LAUNCHER);
process.on('exit', () => fs.rmSync(STAGE, { recursive: true, force: true }));
/** The file of chunks packed together (see bin/pocketkube). */
const PACK = 'core.js';
/** Smaller sources read and cache faster; nothing depends on a function's or class's name. */
const MINIFY = { minifyWhitespace: true, minifyIdentifiers: true, minifySyntax: true };
/** Verbs whose chunks go into the pack besides the startup path's: the read every script repeats. */
const PACKED_VERBS = ['cli.commands.get.js'];

function resolveTs(p) {
  for (const candidate of [`${p}.ts`, path.join(p, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${p}`);
}

/** Modules loaded with require('./...') anywhere in src, each named after its path (engine.controllers.js). */
function lazyModules(dir, found = new Map()) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) lazyModules(file, found);
    else if (file.endsWith('.ts'))
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/require\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
        const target = resolveTs(path.resolve(path.dirname(file), m[1]));
        found.set(target, path.relative(SRC, target).replace(/\.ts$/, '').replace(/\/index$/, '').replaceAll('/', '.'));
      }
  }
  return found;
}
const lazy = lazyModules(SRC);

/** require('./x') of our own code names x's entry chunk, so the module stays out of its caller's chunk. */
const lazyRequires = {
  name: 'lazy-requires',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'require-call' || !args.importer.startsWith(SRC + path.sep)) return undefined;
      return { path: `./${lazy.get(resolveTs(path.resolve(args.resolveDir, args.path)))}.js`, external: true };
    });
  },
};

const BUILD = buildIdentity();
/** Next to the chunks: main.js finds it through its __dirname, which the launcher sets to dist/. */
const TEMPLATE = path.join(DIST, 'bootstrap-template.json');

const result = await build({
  entryPoints: [{ in: 'src/main.ts', out: 'main' }, ...[...lazy].map(([file, name]) => ({ in: file, out: name }))],
  define: { POCKETKUBE_BUILD: JSON.stringify(BUILD) },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: DIST,
  chunkNames: 'chunk-[hash]',
  external: ['yaml', 'chalk', 'cli-table3', 'tweetnacl'],
  plugins: [lazyRequires],
  ...MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
});

/**
 * One chunk as the body of a CommonJS module function. Node built-ins are used as they are:
 * esbuild's namespace copy of node:fs (a getter per export) costs on every start for nothing;
 * so is the copy of the chunk's own exports that __toCommonJS makes.
 */
async function commonJs(code) {
  const cjs = await transform(code, { format: 'cjs', platform: 'node', target: 'node20', supported: { 'dynamic-import': false } });
  const body = cjs.code
    .replace(/__toESM\(require\("(node:[a-z_]+)"\)\)/g, 'require("$1")')
    // The chunk's export object already has a getter per export; skip copying it into another.
    .replace(/module\.exports = __toCommonJS\(([\w$]+)\);/, '__defProp($1, "__esModule", { value: true });\nmodule.exports = $1;');
  // Minified as an assignment, which the minifier cannot drop as unused.
  const fn = await transform(`__chunk = function (exports, require, module, __filename, __dirname) {${body}\n}`, { target: 'node20', ...MINIFY });
  return fn.code.replace(/^__chunk=/, '').replace(/;\s*$/, '');
}

// The pack: the startup path (static imports and dynamic import() from main) and the packed verbs.
const outputs = new Map(Object.entries(result.metafile.outputs).map(([file, out]) => [path.basename(file), out]));
const packed = new Set();
const visit = (name) => {
  if (packed.has(name) || !outputs.has(name)) return;
  packed.add(name);
  for (const imp of outputs.get(name).imports)
    if (imp.kind === 'import-statement' || imp.kind === 'dynamic-import' || PACKED_VERBS.includes(path.basename(imp.path))) visit(path.basename(imp.path));
};
visit('main.js');

fs.mkdirSync(DIST, { recursive: true });
const pack = [];
for (const file of result.outputFiles) {
  const name = path.basename(file.path);
  const fn = await commonJs(file.text);
  if (packed.has(name)) pack.push(`${JSON.stringify(name)}:${fn}`);
  else fs.writeFileSync(file.path, `(${fn})`);
}
fs.writeFileSync(path.join(DIST, PACK), `({${pack.join(',\n')}})`);

/** In the lane, the code modules load lazily (sorting, for one) is absent: the lane never runs it. */
const laneAbsent = {
  name: 'lane-absent',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => (args.kind === 'require-call' && args.importer.startsWith(SRC + path.sep) ? { path: args.path, namespace: 'lane-absent' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lane-absent' }, (args) => ({ contents: `throw new Error(${JSON.stringify(`the read lane does not hold ${args.path}`)});`, loader: 'js' }));
  },
};

// The read lane (src/readlane.ts; bin/pocketkube offers it every `get`): a file of its own holding
// all it runs, so a `get pods` it answers reads neither core.js nor any chunk. Its modules are
// copies of the chunks' (the same sources, bundled twice).
{
  const lane = await build({
    entryPoints: ['src/readlane.ts'],
    define: { POCKETKUBE_BUILD: JSON.stringify(BUILD) },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['yaml', 'chalk', 'cli-table3', 'tweetnacl'],
    plugins: [laneAbsent],
    ...MINIFY,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  fs.writeFileSync(path.join(DIST, 'lane.js'), `(${await commonJs(lane.outputFiles[0].text)})`);
}

// The P-256 base point's multiples that new keys and signatures add up (src/sim/cluster/p256base.ts).
{
  const generator = path.join(STAGE, 'gen-p256-base.cjs');
  await build({ entryPoints: ['scripts/gen-p256-base.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: generator, logLevel: 'warning' });
  const r = spawnSync(process.execPath, [generator, path.join(DIST, 'p256-base.bin')], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('making the P-256 table failed\n');
    process.exit(1);
  }
}

// The default cluster's template: the first command on an empty home fills it in instead of
// bootstrapping (src/sim/cluster/template/). The generator bootstraps through the real session and
// checks the template against direct bootstraps; if it cannot, the build fails. The generator stays
// in dist/ for the tests, which run its check again.
{
  const generator = path.join(DIST, 'gen-bootstrap-template.cjs');
  await build({
    entryPoints: ['scripts/gen-bootstrap-template.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: generator,
    external: ['yaml', 'chalk', 'cli-table3', 'tweetnacl'],
    logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, [generator, 'make', TEMPLATE, BUILD], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('making the bootstrap template failed\n');
    process.exit(1);
  }
}

// Warm V8's code cache in throwaway homes so that even the first command after an install starts
// fast. core.js gets three caches (bin/pocketkube chooses by verb and home): one recorded from
// the reads scripts repeat, which stays small because every read loads it; one from writes,
// starting with a write on an empty home (it fills in the default cluster's template); and one
// from a read on an empty home, the first command most people type. The other chunks' caches
// gather what every recorded command ran.
const removeCaches = () => {
  for (const f of fs.readdirSync(DIST)) if (f.endsWith('.cache')) fs.rmSync(path.join(DIST, f), { force: true });
};
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-warm-'));
const steps = [
  { args: ['apply', '-f', 'fixtures/nginx-deployment.yaml'], record: false },
  // Writes (core.js.cache).
  { args: ['create', 'configmap', 'warm', '--from-literal=k=v'], record: true, fresh: true },
  { args: ['create', 'configmap', 'warm', '--from-literal=k=v'], record: true },
  { args: ['apply', '-f', 'fixtures/nginx-deployment.yaml'], record: true },
  { args: ['scale', 'deployment', 'nginx-deployment', '--replicas=2'], record: true },
  { args: ['delete', 'configmap', 'warm'], record: true },
  // The first command on an empty home, a read (core.js.first.cache).
  { args: ['get', 'nodes'], record: true, fresh: true },
  // Reads (core.js.read.cache), the full way (the read lane answers these when nothing is due,
  // and then loads no chunk).
  { args: ['get', 'pods'], record: true, full: true },
  { args: ['get', 'deploy', '-o', 'wide'], record: true, full: true },
  { args: ['get', 'deploy', 'nginx-deployment', '-o', 'yaml'], record: true },
  { args: ['describe', 'deployment', 'nginx-deployment'], record: true },
  // The read lane (lane.js.cache), answering: on a cluster whose clock is pinned, so no timer falls due.
  { args: ['get', 'nodes'], record: false, lane: true },
  { args: ['get', 'pods', '-A', '-o', 'wide'], record: true, lane: true },
];
const laneHome = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-warm-'));
for (const { args, record, fresh, lane, full } of steps) {
  const stepHome = fresh ? fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-warm-')) : lane ? laneHome : home;
  const r = spawnSync(process.execPath, [LAUNCHER, ...args], {
    env: {
      ...process.env,
      POCKETKUBE_HOME: stepHome,
      ...(record ? { POCKETKUBE_CODE_CACHE: 'refresh' } : {}),
      ...(lane ? { POCKETKUBE_WALLCLOCK: '2026-01-01T00:00:00Z' } : {}),
      ...(full ? { POCKETKUBE_READ_LANE: 'off' } : {}),
    },
    encoding: 'utf8',
  });
  if (fresh) fs.rmSync(stepHome, { recursive: true, force: true });
  if (r.status !== 0) {
    process.stderr.write(`warming the code cache: pocketkube ${args.join(' ')} failed:\n${r.stderr}`);
    process.exitCode = 1;
    break;
  }
  // The first, unrecorded run wrote caches of its own; start the recording from scratch.
  if (!record && !lane) removeCaches();
}
fs.rmSync(home, { recursive: true, force: true });
fs.rmSync(laneHome, { recursive: true, force: true });

// The swap: the old build moves aside and goes; the new one takes its place.
if (!process.exitCode) {
  const old = `${FINAL}.old-${process.pid}`;
  if (fs.existsSync(FINAL)) fs.renameSync(FINAL, old);
  fs.renameSync(DIST, FINAL);
  fs.rmSync(old, { recursive: true, force: true });
}
