// kubectl attach end to end: the main process's output from the attach on, as the cluster clock
// moves, until it ends (pkg/cmd/attach/attach.go). Argument errors were recorded from real kubectl
// offline; the pod-level messages (not found, completed pod, unknown container, the TTY notes, the
// prompt hint, the "Defaulted container" note, no "Found N pods" for a workload) through
// scripts/kubectl-oracle.mjs; the kubelet's refusal of a container that is not running from its
// GetAttach ("container %s not found in pod %s", the pod's full name being name_namespace).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

let h: Home;
beforeEach(() => {
  h = new Home();
});
afterEach(() => h.remove());

const PROMPT = "If you don't see a command prompt, try pressing enter.\n";
const TICKER = 'echo start; i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo tick $i; echo oops $i >&2; sleep 5; done; echo bye';

function pod(name: string, spec: string): string {
  return h.file(`${name}.yaml`, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`);
}

describe('arguments', () => {
  it('refuses what kubectl refuses before it contacts the server', () => {
    h.ok('get', 'ns');
    const before = h.storeHash();
    expect(h.run(['attach'])).toEqual({ stdout: '', stderr: 'error: at least 1 argument is required for attach\n', code: 1 });
    expect(h.run(['attach', 'a', 'b', 'c'])).toEqual({ stdout: '', stderr: 'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n', code: 1 });
    expect(h.run(['attach', 'a', '--pod-running-timeout=0'])).toEqual({
      stdout: '',
      stderr: "error: --pod-running-timeout must be higher than zero\nSee 'kubectl attach -h' for help and examples\n",
      code: 1,
    });
    expect(h.run(['attach', 'a', '--pod-running-timeout=x'])).toEqual({
      stdout: '',
      stderr: 'Error: invalid argument "x" for "--pod-running-timeout" flag: time: invalid duration "x"\nSee \'kubectl attach --help\' for usage.\n',
      code: 1,
    });
    expect(h.storeHash()).toBe(before);
  });

  it('reports a missing pod, a completed pod and an unknown container', () => {
    expect(h.run(['attach', 'nope'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    h.ok('run', 'done', '--image=busybox', '--restart=Never', '--', 'true');
    expect(h.run(['attach', 'done'])).toEqual({ stdout: '', stderr: 'error: cannot attach a container in a completed pod; current phase is Succeeded\n', code: 1 });
    h.ok('run', 'web', '--image=nginx:1.27');
    expect(h.run(['attach', 'web', '-c', 'nope'])).toEqual({ stdout: '', stderr: 'error: cannot attach to the container: container nope not found in pod web\n', code: 1 });
  });
});

describe('following the main process', () => {
  it('prints what it writes from now on, stdout and stderr apart, until it ends', () => {
    h.ok('run', 'ticker', '--image=busybox', '--restart=Never', '--', 'sh', '-c', TICKER);
    // "start", "tick 1" and "oops 1" were written before the attach.
    expect(h.run(['attach', 'ticker'])).toEqual({ stdout: 'tick 2\ntick 3\nbye\n', stderr: `${PROMPT}oops 2\noops 3\n`, code: 0 });
    // The cluster lived through it.
    expect(h.ok('get', 'pod', 'ticker', '-o', 'jsonpath={.status.phase}')).toBe('Succeeded');
  });

  it('is quiet with -q, and stops at --request-timeout or when nothing is left to happen', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    // nginx writes nothing more: kubectl would wait for good; the cluster runs an hour on.
    expect(h.run(['attach', 'web'])).toEqual({ stdout: '', stderr: PROMPT, code: 0 });
    expect(h.ok('get', 'pod', 'web', '--no-headers')).toMatch(/ 60m\n$/);
    h.ok('run', 'loop', '--image=busybox', '--', 'sh', '-c', 'while true; do echo t; sleep 5; done');
    expect(h.run(['attach', 'loop', '-q', '--request-timeout=12s'])).toEqual({ stdout: 't\nt\n', stderr: '', code: 0 });
  });

  it('refuses a container that is not running, after the prompt hint, as the kubelet does', () => {
    h.ok('run', 'crash', '--image=busybox', '--', 'sh', '-c', 'exit 1');
    expect(h.ok('get', 'pod', 'crash', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.reason}')).toBe('CrashLoopBackOff');
    expect(h.run(['attach', 'crash'])).toEqual({ stdout: '', stderr: `${PROMPT}error: unable to upgrade connection: container crash not found in pod crash_default\n`, code: 1 });
  });
});

describe('containers, terminals and workloads', () => {
  it('defaults the container with kubectl\'s note and words the TTY cases as kubectl does', () => {
    h.ok(
      'apply',
      '-f',
      pod('two', '  initContainers: [{name: init, image: busybox, command: [sh, -c, "true"]}]\n  containers:\n  - {name: a, image: nginx:1.27}\n  - {name: b, image: busybox, command: [sh, -c, "sleep 3600"], stdin: true, tty: true}\n'),
    );
    expect(h.run(['attach', 'two'])).toEqual({ stdout: '', stderr: `Defaulted container "a" out of: a, b, init (init)\n${PROMPT}`, code: 0 });
    expect(h.run(['attach', 'two', '-c', 'a', '-t'])).toEqual({ stdout: '', stderr: `error: Unable to use a TTY - container a did not allocate one\n${PROMPT}`, code: 0 });
    expect(h.run(['attach', 'two', '-c', 'b', '-it', '--request-timeout=1s'])).toEqual({
      stdout: '',
      stderr: `Unable to use a TTY - input is not a terminal or the right kind of file\n${PROMPT}`,
      code: 0,
    });
    expect(h.run(['attach', 'two', '-c', 'b', '-it', '-q', '--request-timeout=1s'])).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('says what became of input the simulated process cannot read', () => {
    h.ok('apply', '-f', pod('in', '  containers:\n  - {name: in, image: busybox, command: [sh, -c, "sleep 3600"], stdin: true}\n'));
    expect(h.run(['attach', 'in', '-i', '--request-timeout=1s'], { input: 'hello\n' })).toEqual({
      stdout: '',
      stderr: `${PROMPT}pocketkube: the simulated container in does not read its standard input; 6 bytes were not delivered\n`,
      code: 0,
    });
    // A container created without stdin drops it, as the runtime does.
    h.ok('run', 'plain', '--image=busybox', '--', 'sleep', '3600');
    expect(h.run(['attach', 'plain', '-i', '--request-timeout=1s'], { input: 'hello\n' })).toEqual({ stdout: '', stderr: PROMPT, code: 0 });
  });

  it('picks a workload\'s pod without naming it, as TYPE/NAME or TYPE NAME', () => {
    h.ok('create', 'deployment', 'dep', '--image=nginx:1.27', '--replicas=2');
    expect(h.run(['attach', 'deployment/dep'])).toEqual({ stdout: '', stderr: PROMPT, code: 0 });
    expect(h.run(['attach', 'deployment', 'dep', '-q'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(h.run(['attach', 'deployment/nope'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
  });
});
