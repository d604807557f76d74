// kubectl run: creates one Pod from flags, as kubectl's run generator builds it. With --attach
// (or -i) pocketkube cannot hand over a terminal, but it follows a non-interactive container:
// the cluster runs until the container ends, its output is printed, and kubectl's exit code
// and --rm clean-up follow.
import type { Command } from '../command';
import { resolveResource } from '../../api/registry';
import type { KubeObject, Pod } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, ExitCode, RawError } from '../errors';
import { klogCommandFailed } from '../klog';
import { splitAtDash } from '../dash';
import { MutationPrinter, parseDryRun, parseOutput } from '../flags/output';
import { action, addGlobalFlags, collect } from '../program';
import { dryRunOption, filenameOption, outputOption } from '../flags/groups';

const RESTART = ['Always', 'OnFailure', 'Never'];
const ATTACH_LIMIT_MS = 3_600_000;

function keyValues(list: string[], what: string): [string, string][] {
  return list.map((kv) => {
    const i = kv.indexOf('=');
    if (i <= 0) throw new CliError(`invalid ${what}: ${kv}`);
    return [kv.slice(0, i), kv.slice(i + 1)];
  });
}

/** The Pod kubectl's run generator builds, fields in Go struct order. */
export function runPod(name: string, opts: Record<string, any>, args: string[]): KubeObject {
  const labels: Record<string, string> = opts.labels ? Object.fromEntries(keyValues(opts.labels.split(','), 'label spec')) : { run: name };
  const container: Record<string, unknown> = { name, image: opts.image };
  if (args.length) container[opts.command ? 'command' : 'args'] = args;
  if (opts.port) container.ports = [{ containerPort: Number(opts.port) }];
  if (opts.env?.length) container.env = keyValues(opts.env, 'env').map(([n, value]) => ({ name: n, value }));
  container.resources = {};
  if (opts.imagePullPolicy) container.imagePullPolicy = opts.imagePullPolicy;
  if (opts.stdin) {
    container.stdin = true;
    container.stdinOnce = true;
  }
  if (opts.tty) container.tty = true;
  if (opts.privileged) container.securityContext = { privileged: true };
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  if (opts.annotations?.length) metadata.annotations = Object.fromEntries(keyValues(opts.annotations, 'annotation'));
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: opts.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as KubeObject;
}

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('run')
      .description('Run a particular image on the cluster')
      .argument('[args...]')
      .option('--image <image>', 'The image for the container to run.')
      .option('--restart <policy>', 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].', 'Always')
      .option('--command', 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.')
      .option('--env <var>', 'Environment variables to set in the container.', collect)
      .option('-l, --labels <labels>', 'Comma separated labels to apply to the pod. Will override previous values.')
      .option('--annotations <annotation>', 'Annotations to apply to the pod.', collect)
      .option('--port <port>', 'The port that this container exposes.')
      .option('--image-pull-policy <policy>', 'The image pull policy for the container.')
      .option('--privileged', 'If true, run the container in privileged mode.')
      .option('--rm', 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.')
      .option('--attach', 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.')
      .option('-i, --stdin', 'Keep stdin open on the container in the pod, even if nothing is attached.')
      .option('-t, --tty', 'Allocate a TTY for the container in the pod.')
      .option('-q, --quiet', 'If true, suppress prompt messages.')
      .option('--leave-stdin-open', 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes.')
      .option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running')
      .addOption(outputOption())
      .addOption(dryRunOption())
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.', 'kubectl-run')
      .addOption(filenameOption('to use to replace the resource.')),
  ).action(
    action(ctx, async (c, args, opts, command) => {
      const { before, after } = splitAtDash(command, args);
      const name = before[0];
      if (!name) throw new CliError('NAME is required for run', 'run');
      if (!opts.image) {
        klogCommandFailed(c, 'required flag(s) "image" not set');
        throw new ExitCode(1);
      }
      if (!RESTART.includes(opts.restart)) throw new CliError(`invalid restart policy: ${opts.restart}`, 'run');
      const attach = !!(opts.attach || opts.stdin);
      if (opts.rm && !attach) throw new CliError('--rm should only be used for attached containers', 'run');
      if (opts.tty && !opts.stdin) throw new CliError('-i/--stdin is required for containers with -t/--tty=true', 'run');
      const dryRun = parseDryRun(c, opts.dryRun);
      if (attach && dryRun !== 'none') throw new CliError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", 'run');
      const podArgs = [...before.slice(1), ...(after ?? [])];
      const pod = runPod(name, opts, podArgs);
      const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false, opts), dryRun);
      if (dryRun === 'client') return printer.print(pod, 'created', true);
      const cluster = c.cluster('write');
      const type = resolveResource('pods')!;
      const namespace = c.namespace();
      const created = cluster.client.create(type, { ...pod, metadata: { ...pod.metadata, namespace } }, { dryRun: dryRun === 'server' });
      if (!attach) return printer.print(created, 'created', true);
      if (opts.tty) c.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
      // Attached: the container's first run goes by on the cluster clock; its output is what
      // attach would have shown. Then, as kubectl does, Never waits for the pod to complete and
      // OnFailure for it to succeed, and their exit code becomes ours.
      const current = () => cluster.client.tryGet<Pod>(type, namespace, name);
      const state = () => current()?.status?.containerStatuses?.[0];
      const phase = () => current()?.status?.phase;
      const until = (done: () => boolean) => {
        cluster.converge();
        if (!done()) cluster.advanceTo(cluster.now() + ATTACH_LIMIT_MS, done);
        return done();
      };
      const firstRunOver = () => !current() || phase() === 'Succeeded' || phase() === 'Failed' || !!state()?.state.terminated || (state()?.restartCount ?? 0) > 0;
      until(firstRunOver);
      if (current()?.spec.nodeName) {
        try {
          c.io.out.write(cluster.client.logs(namespace, name, { container: name, previous: (state()?.restartCount ?? 0) > 0 }));
        } catch {
          // A container that never started has no output.
        }
      }
      const policy: string = opts.restart;
      const finished = policy === 'Never' ? () => phase() === 'Succeeded' || phase() === 'Failed' : () => phase() === 'Succeeded';
      const completed = policy === 'Always' || until(finished);
      const final = current();
      if (opts.rm) {
        cluster.client.delete(type, namespace, name);
        c.io.out.write(`pod "${name}" deleted\n`);
      }
      if (policy === 'Always') return;
      if (!completed || !final) throw new CliError('timed out waiting for the condition');
      if (final.status?.phase === 'Succeeded') return;
      const t = final.status?.containerStatuses?.[0]?.state.terminated;
      if (!t || t.exitCode === 0) throw new CliError(`pod ${namespace}/${name} failed with unknown exit code`);
      throw new RawError(`pod ${namespace}/${name} terminated (${t.reason ?? ''})\n${t.message ?? ''}`, t.exitCode);
    }),
  );
}
