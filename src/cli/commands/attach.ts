// kubectl attach: the output of a container's running main process from now on, as it is
// produced while the cluster clock moves on (stdout and stderr to their own streams), until the
// process ends. kubectl would then wait until interrupted; pocketkube stops when nothing is left
// to happen, after an hour of cluster time, or when --request-timeout runs out.
import type { Command } from '../command';
import { NodeProxyError } from '../../api/nodeproxy';
import { isStatusError } from '../../api/errors';
import type { Container, Pod } from '../../api/types';
import type { AttachStream } from '../../client/client';
import type { Cluster, CommandContext } from '../context';
import { CliError } from '../errors';
import { durationFlag } from '../flags/duration';
import { requestDeadline } from '../flags/timeout';
import { addGlobalFlags } from '../program';
import { resourceTypeOf } from '../resolve';
import { defaultContainer, podForObject, podOrTypeName } from '../verbs/podfor';
import { FOREVER_LIMIT_MS } from '../watch';
import type { IO } from '../io';
import { type Verb, verbAction } from '../verb';

const DEFAULT_POD_TIMEOUT_MS = 60_000;

interface AttachOptions {
  /** POD, TYPE/NAME or TYPE NAME. */
  resources: string[];
  container?: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** --pod-running-timeout in milliseconds. */
  podRunningTimeout: number;
  /** --request-timeout as given: how long (cluster time) the process is followed. */
  requestTimeout?: string;
}

/** The pod a command line names: POD, TYPE/NAME or TYPE NAME (a workload gives one of its pods). */
function attachablePod(cluster: Cluster, namespace: string, o: AttachOptions): Pod {
  const t = o.resources.length === 2 ? { type: resourceTypeOf(o.resources[0]), name: o.resources[1] } : podOrTypeName(o.resources[0], resourceTypeOf);
  // attach names no pod it picked (only logs says "Found N pods").
  return podForObject(cluster.client, t.type, namespace, t.name, { write: () => undefined });
}

/** FindOrDefaultContainerByName, worded as attach reports it. */
function containerOf(pod: Pod, o: AttachOptions, io: IO): Container {
  const all = [...pod.spec.containers, ...((pod.spec.ephemeralContainers ?? []) as Container[]), ...(pod.spec.initContainers ?? [])];
  if (o.container) {
    const found = all.find((c) => c.name === o.container);
    if (!found) throw new CliError(`cannot attach to the container: container ${o.container} not found in pod ${pod.metadata.name}`);
    return found;
  }
  const name = defaultContainer(pod, io.err, o.quiet);
  return all.find((c) => c.name === name)!;
}

/** Prints what the process writes while the cluster runs, until it ends or time is up. */
function follow(cluster: Cluster, stream: AttachStream, io: IO, deadline: number | undefined): void {
  const done = () => {
    const r = stream.read();
    io.out.write(r.stdout);
    io.err.write(r.stderr);
    return stream.ended();
  };
  cluster.converge();
  if (done()) return;
  if (deadline !== undefined) {
    cluster.advanceTo(deadline, done);
    return;
  }
  const start = cluster.now();
  for (;;) {
    const next = cluster.nextTimer();
    if (next === undefined || next > start + FOREVER_LIMIT_MS) return;
    if (cluster.advanceTo(next, done)) return;
  }
}

const attachVerb: Verb<AttachOptions> = {
  complete(c, args, f) {
    // GetPodRunningTimeoutFlag's refusal is Complete's, and a usage error.
    if (f.podRunningTimeout <= 0) throw new CliError('--pod-running-timeout must be higher than zero', 'attach');
    return {
      resources: args,
      container: f.container,
      stdin: !!f.stdin,
      tty: !!f.tty,
      quiet: !!f.quiet,
      podRunningTimeout: f.podRunningTimeout,
      requestTimeout: f.requestTimeout,
    };
  },

  validate(o) {
    if (!o.resources.length) throw new CliError('at least 1 argument is required for attach');
    if (o.resources.length > 2) throw new CliError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${o.resources.length}: [${o.resources.join(' ')}]`);
  },

  async run(c, o) {
    // Read after Validate, as before: an unreadable kubeconfig is reported after the argument
    // checks (kubectl reads the namespace in Complete, before them).
    const namespace = c.namespace();
    const cluster = c.cluster('write');
    const pod = attachablePod(cluster, namespace, o);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot attach a container in a completed pod; current phase is ${phase}`);
    const container = containerOf(pod, o, c.io);
    let tty = o.tty;
    if (tty && !container.tty) {
      tty = false;
      if (!o.quiet) c.io.err.write(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
    } else if (!tty && container.tty) tty = true;
    // SetupTTY: without -i there is no terminal; with it, standard input here is never one.
    if (o.stdin && tty && !o.quiet) c.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    if (!o.quiet) c.io.err.write("If you don't see a command prompt, try pressing enter.\n");
    const input = o.stdin ? await c.io.readStdin() : '';
    let stream: AttachStream;
    try {
      stream = cluster.client.attach(namespace, pod.metadata.name!, { container: container.name, stdin: o.stdin, tty: false });
    } catch (e) {
      if (e instanceof NodeProxyError) throw new CliError(`unable to upgrade connection: ${e.message}`);
      if (isStatusError(e, 'InternalError')) throw new CliError(e.status.message);
      throw e;
    }
    // The runtime drops input for a container created without stdin; with it, a real one would
    // pass it on, which the simulated main processes cannot take.
    if (input && container.stdin) c.io.err.write(`pocketkube: the simulated container ${container.name} does not read its standard input; ${Buffer.byteLength(input)} bytes were not delivered\n`);
    follow(cluster, stream, c.io, requestDeadline(o.requestTimeout, cluster.now()));
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('attach')
      .description('Attach to a running container')
      .argument('[args...]')
      .option('-c, --container <name>', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen')
      .option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', durationFlag(), DEFAULT_POD_TIMEOUT_MS)
      .option('-q, --quiet', 'Only print output from the remote session')
      .option('-i, --stdin', 'Pass stdin to the container')
      .option('-t, --tty', 'Stdin is a TTY'),
  ).action(verbAction(ctx, attachVerb));
}
