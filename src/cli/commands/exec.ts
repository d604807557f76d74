// kubectl exec: runs a command in a container through pods/exec and passes its output and exit
// code through ("command terminated with exit code N"). The command runs on the cluster clock:
// a `sleep 5` in it moves the cluster five seconds on, with everything that happens meanwhile.
import type { Command } from '../command';
import { NodeProxyError } from '../../api/nodeproxy';
import { isStatusError } from '../../api/errors';
import type { CommandContext } from '../context';
import { CliError, RawError } from '../errors';
import { splitAtDash } from '../dash';
import { action, addGlobalFlags } from '../program';
import { resourceTypeOf } from '../resolve';
import { defaultContainer, podForObject, podOrTypeName } from '../verbs/podfor';

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('exec')
      .description('Execute a command in a container')
      .argument('[args...]')
      .option('-c, --container <name>', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen')
      .option('-f, --filename <file>', 'to use to exec into the resource')
      .option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running')
      .option('-q, --quiet', 'Only print output from the remote session')
      .option('-i, --stdin', 'Pass stdin to the container')
      .option('-t, --tty', 'Stdin is a TTY'),
  ).action(
    action(ctx, async (c, args, opts, command) => {
      const { before, after } = splitAtDash(command, args);
      if (!before.length) throw new CliError('pod, type/name or --filename must be specified');
      if (after === undefined && before.length > 1) throw new CliError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', 'exec');
      const cmdline = after ?? [];
      if (!cmdline.length) throw new CliError('you must specify at least one command for the container');
      if (opts.tty && !opts.quiet) c.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
      const namespace = c.namespace();
      const cluster = c.cluster('write');
      const t = podOrTypeName(before[0], resourceTypeOf);
      const pod = podForObject(cluster.client, t.type, namespace, t.name, c.io.err);
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
        throw new CliError(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
      const container = opts.container ?? defaultContainer(pod, c.io.err, !!opts.quiet);
      const stdin = opts.stdin ? await c.io.readStdin() : undefined;
      let result;
      try {
        result = cluster.client.exec(namespace, pod.metadata.name!, { container, command: cmdline, stdin });
      } catch (e) {
        if (e instanceof NodeProxyError) throw new CliError(`unable to upgrade connection: ${e.message}`);
        if (isStatusError(e, 'InternalError')) throw new CliError(e.status.message);
        throw e;
      }
      c.io.out.write(result.stdout);
      c.io.err.write(result.stderr);
      // The command took cluster time; let the cluster live through it.
      if (result.finishedAt > cluster.now()) cluster.advanceTo(result.finishedAt);
      if (result.endless) throw new RawError('pocketkube: the command would never end on its own (kubectl would wait until interrupted); it was stopped\ncommand terminated with exit code 130\n', 130);
      if (result.exitCode !== 0) throw new RawError(`command terminated with exit code ${result.exitCode}\n`, result.exitCode);
    }),
  );
}
