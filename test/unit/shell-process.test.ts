// The process contract the kubelet and kubectl exec rely on: start errors, simulated sleeps and the
// `until` deadline, JSON round-trips at every step giving the same run, busy loops, signals and traps.
import { describe, expect, it } from 'vitest';
import { resume, runToEnd, signal, startProcess, type OutputChunk, type ProcessState, type StepResult } from '../../src/sim/shell';
import { fakeHost } from '../helpers/shellhost';

const T0 = Date.parse('2026-11-26T12:00:00Z');

function start(argv: string[], host = fakeHost({ shell: 'dash' }), opts = {}): ProcessState {
  const s = startProcess(argv, host, T0, opts);
  if (!s.ok) throw new Error(s.message);
  return s.state;
}

const text = (out: OutputChunk[], stream = 'stdout'): string => out.filter((c) => c.stream === stream).map((c) => c.text).join('');

describe('startProcess', () => {
  it('fails like runc for a program the image does not have', () => {
    const r = startProcess(['curl', 'x'], fakeHost({ shell: 'dash' }), T0);
    expect(r).toEqual({
      ok: false,
      reason: 'not-found',
      cause: 'exec: "curl": executable file not found in $PATH',
      message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "curl": executable file not found in $PATH: unknown',
    });
  });

  it('resolves argv[0] by basename: /bin/sh, /usr/bin/env, bash only when the image has it', () => {
    const h = fakeHost({ shell: 'dash' });
    expect(startProcess(['/bin/sh', '-c', 'true'], h, T0).ok).toBe(true);
    expect(startProcess(['/usr/bin/env'], h, T0).ok).toBe(true);
    expect(startProcess(['bash', '-c', 'true'], h, T0).ok).toBe(false);
    expect(startProcess(['bash', '-c', 'true'], fakeHost({ shell: 'dash', tools: ['bash'] }), T0).ok).toBe(true);
    expect(startProcess(['/nope/prog'], h, T0)).toMatchObject({ ok: false, reason: 'not-found', cause: 'exec: "/nope/prog": stat /nope/prog: no such file or directory' });
    expect(startProcess(['/etc'], h, T0)).toMatchObject({ ok: false, reason: 'not-executable' });
  });

  it('runs a container command without a shell (echo is a program too)', () => {
    const r = runToEnd(['echo', 'hello', 'world'], fakeHost(), T0, 1000);
    expect(r).toEqual({ code: 0, output: [{ stream: 'stdout', text: 'hello world\n', at: T0 }], timedOut: false, finishedAt: T0 });
  });

  it('a busybox container with no command (sh, stdin at end of file) exits 0 at once', () => {
    expect(runToEnd(['sh'], fakeHost(), T0, 1000)).toMatchObject({ code: 0, timedOut: false });
    const open = resume(start(['sh'], fakeHost(), { stdinOpen: true }), fakeHost(), { until: T0 + 1000 });
    expect(open.status).toBe('forever');
  });
});

describe('simulated time', () => {
  it('runs `while true; do date; sleep 1; done` through 10 minutes in one call', () => {
    const h = fakeHost({ shell: 'dash' });
    const r = resume(start(['sh', '-c', 'while true; do date; sleep 1; done'], h), h, { until: T0 + 600_000 - 1 });
    expect(r.status).toBe('sleeping');
    expect(r.output).toHaveLength(600);
    expect(new Set(r.output.map((c) => c.at)).size).toBe(600);
    expect(r.output[0]).toEqual({ stream: 'stdout', text: 'Thu Nov 26 12:00:00 UTC 2026\n', at: T0 });
    expect(r.output[599]).toEqual({ stream: 'stdout', text: 'Thu Nov 26 12:09:59 UTC 2026\n', at: T0 + 599_000 });
    if (r.status === 'sleeping') {
      expect(r.wakeAt).toBe(T0 + 600_000);
      expect(JSON.stringify(r.state).length).toBeLessThan(4000);
    }
  });

  it('stops before a sleep that would pass `until`, then continues from the wake time', () => {
    const h = fakeHost({ shell: 'ash' });
    const st = start(['sh', '-c', 'echo a; sleep 30; echo b; sleep 1.5; echo c; exit 4'], h);
    const r1 = resume(st, h, { until: T0 + 10_000 });
    expect(r1).toMatchObject({ status: 'sleeping', wakeAt: T0 + 30_000 });
    expect(r1.output).toEqual([{ stream: 'stdout', text: 'a\n', at: T0 }]);
    const r2 = resume(st, h, { until: T0 + 60_000 });
    expect(r2).toEqual({ status: 'exited', code: 4, finishedAt: T0 + 31_500, output: [{ stream: 'stdout', text: 'b\n', at: T0 + 30_000 }, { stream: 'stdout', text: 'c\n', at: T0 + 31_500 }] });
  });

  it('sleep accepts suffixes and fractions, and infinity blocks for good', () => {
    const h = fakeHost({ shell: 'dash' });
    const r = resume(start(['sh', '-c', 'sleep 1m 2s .5; echo x; sleep infinity; echo never'], h), h, { until: T0 + 3_600_000 });
    expect(r.status).toBe('forever');
    expect(r.output).toEqual([{ stream: 'stdout', text: 'x\n', at: T0 + 62_500 }]);
  });

  it('tail -f and read on an open stdin block for good', () => {
    const h = fakeHost({ shell: 'ash', files: { '/var/log/app.log': 'l1\nl2\n' } });
    const r = resume(start(['tail', '-f', '/var/log/app.log'], h), h, { until: T0 + 1000 });
    expect(r).toMatchObject({ status: 'forever', output: [{ text: 'l1\nl2\n' }] });
    expect(resume(start(['sh', '-c', 'read x; echo got'], h, { stdinOpen: true }), h, { until: T0 + 1000 }).status).toBe('forever');
    expect(resume(start(['tail', '-f', '/dev/null'], h), h, { until: T0 + 1000 })).toMatchObject({ status: 'forever', output: [] });
    const piped = resume(start(['sh', '-c', 'tail -f /var/log/app.log | grep 2'], h), h, { until: T0 + 1000 });
    expect(piped).toMatchObject({ status: 'forever', output: [{ text: 'l2\n' }] });
  });

  it('a busy loop uses its step budget without blocking, and continues on the next call', () => {
    const h = fakeHost({ shell: 'dash' });
    const st = start(['sh', '-c', 'i=0; while :; do i=$((i+1)); done'], h);
    expect(resume(st, h, { until: T0 + 1000, maxSteps: 500 }).status).toBe('busy');
    expect(resume(st, h, { until: T0 + 1000, maxSteps: 500 }).status).toBe('busy');
    expect(runToEnd(['sh', '-c', 'while :; do :; done'], h, T0, 5000)).toMatchObject({ timedOut: true, finishedAt: T0 + 5000 });
  });

  it('runToEnd times out a command that outlives the limit', () => {
    const r = runToEnd(['sh', '-c', 'echo start; sleep 10; echo end'], fakeHost(), T0, 3000);
    expect(r).toEqual({ code: -1, timedOut: true, finishedAt: T0 + 3000, output: [{ stream: 'stdout', text: 'start\n', at: T0 }] });
  });
});

describe('serialization', () => {
  const scripts = [
    'for i in 1 2 3; do echo "n=$i $(echo sub$i; sleep 1)"; sleep 2; done; echo done',
    'f() { local x=$1; sleep $x; echo "f$x"; return $x; }; f 1; f 2; echo rc=$?',
    'n=0; while [ $n -lt 3 ]; do n=$((n+1)); case $n in 2) echo two; sleep 1;; *) echo $n;; esac; done | tr a-z A-Z',
    'echo a > /tmp/f; (sleep 1; echo b >> /tmp/f); cat /tmp/f; x=$(cat /tmp/f | wc -l); echo lines=$x',
    'trap "echo bye" EXIT; (sleep 3; echo bg) & echo fg; wait; exit 3',
  ];

  function runWhole(script: string): { results: StepResult[]; files: Map<string, string> } {
    const h = fakeHost({ shell: 'dash' });
    const st = start(['sh', '-c', script], h);
    const results: StepResult[] = [];
    for (let t = T0; ; t += 500) {
      const r = resume(st, h, { until: t });
      results.push({ ...r, state: undefined } as never);
      if (r.status === 'exited') break;
    }
    return { results, files: h.fs.files };
  }

  function runRoundTripping(script: string): { results: StepResult[]; files: Map<string, string> } {
    const h = fakeHost({ shell: 'dash' });
    let st = start(['sh', '-c', script], h);
    const results: StepResult[] = [];
    for (let t = T0; ; t += 500) {
      // One step at a time, serialized in between; output within one deadline is merged.
      const merged: OutputChunk[] = [];
      let r: StepResult;
      for (;;) {
        st = JSON.parse(JSON.stringify(st)) as ProcessState;
        r = resume(st, h, { until: t, maxSteps: 1 });
        merged.push(...r.output);
        if (r.status !== 'busy') break;
      }
      const out: OutputChunk[] = [];
      for (const c of merged) {
        const last = out[out.length - 1];
        if (last && last.stream === c.stream && last.at === c.at) last.text += c.text;
        else out.push({ ...c });
      }
      results.push({ ...r, output: out, state: undefined } as never);
      if (r.status === 'exited') break;
    }
    return { results, files: h.fs.files };
  }

  it.each(scripts)('gives the same run when the state is JSON round-tripped at every step: %s', (script) => {
    const a = runWhole(script);
    const b = runRoundTripping(script);
    expect(b.results).toEqual(a.results);
    expect(b.files).toEqual(a.files);
    expect(a.results.at(-1)?.status).toBe('exited');
  });

  it('never writes a file twice when resumed', () => {
    const { files } = runWhole('for i in 1 2 3; do echo $i >> /tmp/log; sleep 1; done');
    expect(files.get('/tmp/log')).toBe('1\n2\n3\n');
  });
});

describe('signals', () => {
  it('a shell that is PID 1 ignores TERM unless it trapped it; KILL always ends it with 137', () => {
    const h = fakeHost({ shell: 'dash' });
    const st = start(['sh', '-c', 'sleep 3600'], h);
    resume(st, h, { until: T0 });
    expect(signal(st, h, 'TERM', T0 + 1000, { pid1: true })).toMatchObject({ status: 'sleeping', wakeAt: T0 + 3_600_000 });
    expect(signal(st, h, 'KILL', T0 + 30_000, { pid1: true })).toEqual({ status: 'exited', code: 137, output: [], finishedAt: T0 + 30_000 });
  });

  it('TERM and INT end a process that is not PID 1 (143, 130)', () => {
    const h = fakeHost({ shell: 'dash' });
    const a = start(['sh', '-c', 'sleep 100'], h);
    expect(signal(a, h, 'TERM', T0 + 5, { pid1: false })).toMatchObject({ status: 'exited', code: 143, finishedAt: T0 + 5 });
    const b = start(['sleep', '100'], h);
    expect(signal(b, h, 'INT', T0 + 5, { pid1: false })).toMatchObject({ status: 'exited', code: 130 });
  });

  it('a trap runs after the foreground command finishes, as POSIX shells do', () => {
    const h = fakeHost({ shell: 'dash' });
    const st = start(['sh', '-c', 'trap "echo got TERM; exit 0" TERM; while true; do sleep 5; done'], h);
    resume(st, h, { until: T0 + 1000 });
    const r = signal(st, h, 'TERM', T0 + 2000, { pid1: true });
    expect(r).toMatchObject({ status: 'sleeping', wakeAt: T0 + 5000 });
    expect(resume(st, h, { until: T0 + 10_000 })).toEqual({ status: 'exited', code: 0, finishedAt: T0 + 5000, output: [{ stream: 'stdout', text: 'got TERM\n', at: T0 + 5000 }] });
  });

  it('a trap interrupts wait at once (the sleep infinity & wait idiom)', () => {
    const h = fakeHost({ shell: 'ash' });
    const st = start(['sh', '-c', "trap 'echo stopping; exit 0' TERM INT; sleep infinity & wait"], h);
    expect(resume(st, h, { until: T0 + 1000 }).status).toBe('forever');
    expect(signal(st, h, 'TERM', T0 + 7000, { pid1: true })).toEqual({ status: 'exited', code: 0, finishedAt: T0 + 7000, output: [{ stream: 'stdout', text: 'stopping\n', at: T0 + 7000 }] });
  });

  it('a trapped signal during `sleep infinity` in the foreground never runs its handler', () => {
    const h = fakeHost({ shell: 'dash' });
    const st = start(['sh', '-c', 'trap "echo never" TERM; sleep infinity'], h);
    resume(st, h, { until: T0 });
    expect(signal(st, h, 'TERM', T0 + 1, { pid1: true })).toMatchObject({ status: 'forever', output: [] });
  });

  it('the EXIT trap runs when the script ends, and exit in it sets the status', () => {
    const r = runToEnd(['sh', '-c', 'trap "echo cleanup; exit 9" EXIT; echo work; exit 2'], fakeHost(), T0, 1000);
    expect(r).toMatchObject({ code: 9, output: [{ text: 'work\ncleanup\n' }] });
  });
});
