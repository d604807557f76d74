// Whole-process benchmark: times real invocations of bin/pocketkube next to `node -e 0` in the
// same run and prints medians, ratios and peak memory. Usage: npm run bench [-- --runs N]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'pocketkube');
const RSS_PRELOAD = path.join(ROOT, 'scripts', 'bench-rss.cjs');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-bench-'));

function run(args, home, extraEnv = {}) {
  const rssFile = path.join(tmp, `rss-${process.hrtime.bigint()}`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', RSS_PRELOAD, ...args], {
    env: { PATH: process.env.PATH, POCKETKUBE_HOME: home ?? '', BENCH_RSS_FILE: rssFile, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const rssKb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  fs.rmSync(rssFile, { force: true });
  return { ms, rssKb };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Interleaves the baseline with each case so machine noise hits both alike. */
function measure(label, argsFor, setup) {
  const base = [];
  const times = [];
  let rss = 0;
  run(['-e', '0']);
  for (let i = 0; i < RUNS; i++) {
    base.push(run(['-e', '0']).ms);
    const { args, home } = argsFor(i, setup?.(i));
    const r = run([BIN, ...args], home);
    times.push(r.ms);
    rss = Math.max(rss, r.rssKb);
  }
  const b = median(base);
  const t = median(times);
  return { label, ms: t, base: b, ratio: t / b, rssMb: rss / 1024 };
}

function copyHome(from) {
  const to = fs.mkdtempSync(path.join(tmp, 'home-'));
  for (const f of fs.readdirSync(from)) if (!f.endsWith('.lock')) fs.cpSync(path.join(from, f), path.join(to, f), { recursive: true });
  return to;
}

// A default cluster, converged.
const small = path.join(tmp, 'small');
run([BIN, 'get', 'nodes'], small);

// A cluster holding 1,000 pods (ten 100-replica deployments; pods beyond node capacity stay Pending).
const big = path.join(tmp, 'big');
run([BIN, 'get', 'nodes'], big);
for (let i = 0; i < 10; i++) run([BIN, 'create', 'deployment', `load-${i}`, '--image=nginx:1.25', '--replicas=100'], big);
const podCount = spawnSync(process.execPath, [BIN, 'get', 'pods', '--no-headers'], { env: { PATH: process.env.PATH, POCKETKUBE_HOME: big }, encoding: 'utf8' })
  .stdout.trim()
  .split('\n').length;

const manifest = path.join(tmp, 'web-100.yaml');
fs.writeFileSync(
  manifest,
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 100
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25
`,
);

// Warm the code cache once, as any installed copy is after its first command.
run([BIN, 'version', '--client']);

const results = [
  measure('get pods (default cluster)', () => ({ args: ['get', 'pods'], home: small })),
  measure(`get pods -A (${podCount} pods in default)`, () => ({ args: ['get', 'pods', '-A'], home: big })),
  measure('apply 100-replica deployment', (_i, home) => ({ args: ['apply', '-f', manifest], home }), () => copyHome(small)),
  // A small write: what committing before answering costs shows here.
  measure('create configmap (default cluster)', (i) => ({ args: ['create', 'configmap', `bench-${i}`, '--from-literal=k=v'], home: small })),
];

const pad = (s, n) => String(s).padEnd(n);
console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${RUNS} runs each (medians; baseline \`node -e 0\` interleaved)\n`);
console.log(`${pad('case', 42)}${pad('ms', 10)}${pad('node -e 0', 12)}${pad('ratio', 9)}peak RSS`);
for (const r of results)
  console.log(`${pad(r.label, 42)}${pad(r.ms.toFixed(1), 10)}${pad(r.base.toFixed(1), 12)}${pad(r.ratio.toFixed(2) + 'x', 9)}${r.rssMb.toFixed(1)} MB`);

fs.rmSync(tmp, { recursive: true, force: true });
