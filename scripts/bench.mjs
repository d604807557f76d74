// Whole-process benchmark: times real invocations of bin/pocketkube next to `node -e 0` in the
// same run and prints medians, ratios and peak memory. Every process (pocketkube and the baseline
// alike) gets a clean environment (PATH and the test's own variables): NODE_EXTRA_CA_CERTS and the
// like would make Node read certificate files at startup.
//
//   npm run bench [-- --runs N]              startup cases
//   npm run bench -- --scale [SIZES]         and a scaling table (markdown), SIZES like
//                                            1000,5000,10000@100 (default: 1000,5000,10000,20000,50000,10000@100);
//                                            N@K: N replicas on a cluster of K joined nodes, all
//                                            running; plain N: the default cluster (most Pending)
//   npm run bench -- --scale 1000 --only-scale   the table alone
//   npm run bench -- --workloads [--only-workloads]   the workload controllers' table: a
//                                            500-completion Job at parallelism 50 and a
//                                            100-replica StatefulSet, whole invocations
//   --scale-timeout S                        seconds any one command may take (default 600); a
//                                            command that runs longer is killed: "timeout"
import { spawnSync } from 'node:child_process';
import Table from 'cli-table3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'pocketkube');
const RSS_PRELOAD = path.join(ROOT, 'scripts', 'bench-rss.cjs');
const DEFAULT_SCALE = '1000,5000,10000,20000,50000,10000@100';
const argv = process.argv.slice(2);
/** The value of `--flag V`, `true` for a bare `--flag`, undefined when absent. */
function flag(name) {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
}
const RUNS = Number(flag('--runs') ?? 15);
const scaleArg = flag('--scale');
const SCALE = scaleArg === undefined ? [] : parseSizes(scaleArg === true ? DEFAULT_SCALE : scaleArg);
const ONLY_SCALE = flag('--only-scale') === true;
const WORKLOADS = flag('--workloads') === true || flag('--only-workloads') === true;
const ONLY_WORKLOADS = flag('--only-workloads') === true;
const SCALE_TIMEOUT_MS = Number(flag('--scale-timeout') ?? 600) * 1000;

function parseSizes(text) {
  return text.split(',').map((item) => {
    const m = /^(\d+)(?:@(\d+))?$/.exec(item.trim());
    if (!m) throw new Error(`--scale: "${item}" is not N or N@NODES`);
    return { replicas: Number(m[1]), nodes: m[2] === undefined ? undefined : Number(m[2]) };
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-bench-'));

/**
 * Runs node with `args` in a clean environment. With `timeoutMs`, a process that runs longer is
 * killed and the result says `timedOut` instead of throwing.
 */
function run(args, home, extraEnv = {}, timeoutMs = undefined) {
  const rssFile = path.join(tmp, `rss-${process.hrtime.bigint()}`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', RSS_PRELOAD, ...args], {
    env: { PATH: process.env.PATH, POCKETKUBE_HOME: home ?? '', BENCH_RSS_FILE: rssFile, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rssKb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  fs.rmSync(rssFile, { force: true });
  if (timeoutMs !== undefined && r.error?.code === 'ETIMEDOUT') return { ms, rssKb, timedOut: true, stdout: '' };
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return { ms, rssKb, stdout: r.stdout };
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
    const { args, home, env } = argsFor(i, setup?.(i));
    const r = run([BIN, ...args], home, env);
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

/** A 100-replica apps/v1 workload of nginx pods labelled app=web; `extra` lines start its spec. */
function replicatedManifest(kind, extra) {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${extra}  replicas: 100
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
`;
}

function startupTable() {
  // A default cluster, converged.
  const small = path.join(tmp, 'small');
  run([BIN, 'get', 'nodes'], small);

  // A cluster holding 1,000 pods (ten 100-replica deployments; pods beyond node capacity stay Pending).
  const big = path.join(tmp, 'big');
  run([BIN, 'get', 'nodes'], big);
  for (let i = 0; i < 10; i++) run([BIN, 'create', 'deployment', `load-${i}`, '--image=nginx:1.25', '--replicas=100'], big);
  const podCount = run([BIN, 'get', 'pods', '--no-headers'], big).stdout.trim().split('\n').length;

  const manifest = path.join(tmp, 'web-100.yaml');
  fs.writeFileSync(manifest, replicatedManifest('Deployment', ''));

  // Warm the code cache once, as any installed copy is after its first command.
  run([BIN, 'version', '--client']);

  const results = [
    measure('first command on an empty home (get nodes)', (_i, home) => ({ args: ['get', 'nodes'], home }), () => fs.mkdtempSync(path.join(tmp, 'empty-'))),
    measure('get pods (default cluster)', () => ({ args: ['get', 'pods'], home: small })),
    measure(`get pods -A (${podCount} pods in default)`, () => ({ args: ['get', 'pods', '-A'], home: big })),
    measure('apply 100-replica deployment', (_i, home) => ({ args: ['apply', '-f', manifest], home }), () => copyHome(small)),
    // A small write: what committing before answering costs shows here.
    measure('create configmap (default cluster)', (i) => ({ args: ['create', 'configmap', `bench-${i}`, '--from-literal=k=v'], home: small })),
  ];

  printRows(results);
}

// The scaling table. Cluster time is pinned (POCKETKUBE_WALLCLOCK) so that no timer falls due
// by itself between commands; the "due timer" read runs a minute later, when the kubelet's probe
// timers (and whatever else waits) are due, and the commands after it stay at that time.
const WALL0 = Date.parse('2026-01-01T00:00:00Z');
const wallEnv = (offsetMs) => ({ POCKETKUBE_WALLCLOCK: new Date(WALL0 + offsetMs).toISOString() });
const DUE_MS = 61_000;
/** Commands after the create are repeated (median) unless one takes longer than this. */
const READ_REPEAT_UNDER_MS = 5_000;

/** A converged default cluster, then `joins - 2` more workers (the default cluster has 2). */
function baseHome(nodes) {
  const home = path.join(tmp, `base-${nodes ?? 'default'}`);
  if (fs.existsSync(home)) return home;
  run([BIN, 'get', 'nodes'], home, wallEnv(0));
  for (let i = 3; i <= (nodes ?? 2); i++) {
    if (i % 10 === 0) process.stderr.write(`joining nodes: ${i}/${nodes}\n`);
    run([BIN, 'kubeadm', 'join', '--node-name', `bench-worker${i}`], home, wallEnv(0));
  }
  return home;
}

function scaleRow({ replicas, nodes }) {
  const label = nodes === undefined ? `${replicas}` : `${replicas} on ${nodes} nodes`;
  const home = copyHome(baseHome(nodes));
  const cells = { label };
  /**
   * Runs one command of the row. `repeat`: 'same' runs a read twice more on the same home,
   * 'fresh' runs a command that changes the home twice more on copies of the home as it was
   * before; either way the cell is the median when the first run took under READ_REPEAT_UNDER_MS.
   */
  const step = (key, args, offsetMs, repeat = undefined) => {
    if (cells.stopped) return (cells[key] = '-');
    const before = repeat === 'fresh' ? copyHome(home) : undefined;
    const first = run([BIN, ...args], home, wallEnv(offsetMs), SCALE_TIMEOUT_MS);
    if (first.timedOut) {
      cells.stopped = true;
      return (cells[key] = 'timeout');
    }
    const times = [first.ms];
    if (repeat && first.ms < READ_REPEAT_UNDER_MS)
      for (let i = 0; i < 2; i++) {
        const where = before ? copyHome(before) : home;
        times.push(run([BIN, ...args], where, wallEnv(offsetMs)).ms);
        if (before) fs.rmSync(where, { recursive: true, force: true });
      }
    if (before) fs.rmSync(before, { recursive: true, force: true });
    cells[key] = fmtMs(median(times));
    return first;
  };
  process.stderr.write(`scale ${label}: create\n`);
  const created = step('create', ['create', 'deployment', 'scale', '--image=nginx:1.25', `--replicas=${replicas}`], 0);
  if (!cells.stopped) cells.rss = `${(created.rssKb / 1024).toFixed(0)} MB`;
  step('getDeploy', ['get', 'deploy'], 0, 'same');
  step('getPods', ['get', 'pods'], 0, 'same');
  step('due', ['get', 'deploy'], DUE_MS, 'fresh');
  step('scale', ['scale', 'deployment', 'scale', `--replicas=${replicas - 10}`], DUE_MS, 'fresh');
  if (!cells.stopped) {
    const names = run([BIN, 'get', 'pods', '-o', 'name'], home, wallEnv(DUE_MS), SCALE_TIMEOUT_MS);
    const pod = names.timedOut ? undefined : names.stdout.split('\n')[0].replace(/^pod\//, '');
    if (pod) step('deletePod', ['delete', 'pod', pod], DUE_MS, 'fresh');
  }
  fs.rmSync(home, { recursive: true, force: true });
  return cells;
}

function fmtMs(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

function scaleTable() {
  const rows = SCALE.map(scaleRow);
  const cols = [
    ['label', 'replicas'],
    ['create', 'create (converge)'],
    ['rss', 'peak RSS (create)'],
    ['getDeploy', 'get deploy'],
    ['getPods', 'get pods'],
    ['due', 'get deploy, timer due'],
    ['scale', 'scale to N-10'],
    ['deletePod', 'delete pod'],
  ];
  console.log(`\nScaling: \`create deployment --replicas=N\` on the default cluster (2 workers: most pods stay Pending) or, for "N on K nodes", on a cluster of K joined workers (all run); wall time of each command after the create, the median of 3 when under ${READ_REPEAT_UNDER_MS / 1000} s (a command that changes the cluster runs on fresh copies of the home as it was); "timeout": killed after ${SCALE_TIMEOUT_MS / 1000} s\n`);
  console.log(`| ${cols.map(([, h]) => h).join(' | ')} |`);
  console.log(`|${cols.map(([k]) => (k === 'label' ? '---' : '---:')).join('|')}|`);
  for (const r of rows) console.log(`| ${cols.map(([k]) => r[k] ?? '-').join(' | ')} |`);
}

/** Prints measured rows as the startup table prints them. */
function printRows(results) {
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${RUNS} runs each (medians; baseline \`node -e 0\` interleaved)\n`);
  const table = new Table({
    head: ['case', 'ms', 'node -e 0', 'ratio', 'peak RSS'],
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    // No colours: the table is read in terminals and pasted into notes alike.
    style: { head: [], border: [], compact: true },
  });
  for (const r of results) table.push([r.label, r.ms.toFixed(1), r.base.toFixed(1), `${r.ratio.toFixed(2)}x`, `${r.rssMb.toFixed(1)} MB`]);
  console.log(table.toString());
}

// The workload controllers at the sizes the workloads issue names. Cluster time is pinned, so
// each command sees the same cluster; `clock advance` runs the Job's pods (each sleeps 5s) to the end.
function workloadTable() {
  const small = path.join(tmp, 'wl-small');
  run([BIN, 'get', 'nodes'], small, wallEnv(0));
  const job = path.join(tmp, 'job-500.yaml');
  fs.writeFileSync(
    job,
    `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
  completions: 500
  parallelism: 50
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox:1.36
        command: ["sh", "-c", "sleep 5"]
`,
  );
  const sts = path.join(tmp, 'sts-100.yaml');
  fs.writeFileSync(sts, replicatedManifest('StatefulSet', '  serviceName: nginx\n'));
  const withJob = path.join(tmp, 'wl-job');
  fs.cpSync(small, withJob, { recursive: true });
  run([BIN, 'apply', '-f', job], withJob, wallEnv(0));
  const withSts = path.join(tmp, 'wl-sts');
  fs.cpSync(small, withSts, { recursive: true });
  run([BIN, 'apply', '-f', sts], withSts, wallEnv(0));
  const pinned = (args, home) => ({ args, home, env: wallEnv(0) });
  const results = [
    measure('apply Job: 500 completions, parallelism 50', (_i, home) => pinned(['apply', '-f', job], home), () => copyHome(small)),
    measure('clock advance 2m: the Job runs to Complete', (_i, home) => pinned(['clock', 'advance', '2m'], home), () => copyHome(withJob)),
    measure('get jobs (500 pods)', () => pinned(['get', 'jobs'], withJob)),
    measure('apply StatefulSet: 100 replicas, OrderedReady', (_i, home) => pinned(['apply', '-f', sts], home), () => copyHome(small)),
    measure('get sts (100 pods)', () => pinned(['get', 'sts'], withSts)),
    measure('rollout restart sts: 100 pods replaced in order', (_i, home) => pinned(['rollout', 'restart', 'sts/web'], home), () => copyHome(withSts)),
  ];
  printRows(results);
}

try {
  if (WORKLOADS) workloadTable();
  if (!ONLY_WORKLOADS) {
    if (!ONLY_SCALE) startupTable();
    if (SCALE.length) scaleTable();
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
