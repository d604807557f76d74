// kubectl exec: runs a command in a container through pods/exec and passes its output and exit
// code through ("command terminated with exit code N"). The command runs on the cluster clock:
// a `sleep 5` in it moves the cluster five seconds on, with everything that happens meanwhile.
import type { Command } from '../command';
import { NodeProxyError } from '../../api/nodeproxy';
import { isStatusError } from '../../api/errors';
import type { CommandContext } from '../context';
import { CliError, RawError } from '../errors';
import { splitAtDash } from '../dash';
import { addGlobalFlags } from '../program';
import { filenameOption } from '../flags/groups';
import { select } from '../resource/builder';
import { type Verb, verbAction } from '../verb';
import type { Pod } from '../../api/types';
import type { Client } from '../../client/client';
import { resourceTypeOf } from '../resolve';
import { attachablePod, defaultContainer, podForObject, podOrTypeName } from '../verbs/podfor';

export interface ExecOptions {
  /** POD or TYPE/NAME (unless -f names the object). */
  resource?: string;
  filenames: string[];
  /** The command after "--". */
  command: string[];
  container?: string;
  quiet: boolean;
  stdin: boolean;
  tty: boolean;
  namespace: string;
}

const execVerb: Verb<ExecOptions> = {
  complete(c, args, f, cmd) {
    const { before, after } = splitAtDash(cmd, args);
    if (after === undefined && (before.length > 1 || (before.length > 0 && f.filename?.length)))
      throw new CliError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', 'exec');
    return { resource: before[0], filenames: f.filename ?? [], command: after ?? [], container: f.container, quiet: !!f.quiet, stdin: !!f.stdin, tty: !!f.tty, namespace: c.namespace() };
  },

  validate(o) {
    if (!o.resource && !o.filenames.length) throw new CliError('pod, type/name or --filename must be specified');
    if (!o.command.length) throw new CliError('you must specify at least one command for the container');
  },

  async run(c, o) {
    if (o.tty && !o.quiet) c.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    const { namespace } = o;
    const cluster = c.cluster('write');
    const pod = await podToExecIn(c, cluster.client, o);
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
      throw new CliError(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
    const container = o.container ?? defaultContainer(pod, c.io.err, o.quiet);
    const stdin = o.stdin ? await c.io.readStdin() : undefined;
    let result;
    try {
      result = cluster.client.exec(namespace, pod.metadata.name!, { container, command: o.command, stdin });
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
  },
};

/** The pod: POD or TYPE/NAME, or the first object -f names (kubectl's builder, then AttachablePodForObject). */
async function podToExecIn(c: CommandContext, client: Client, o: ExecOptions): Promise<Pod> {
  if (!o.filenames.length) {
    const t = podOrTypeName(o.resource!, resourceTypeOf);
    return podForObject(client, t.type, o.namespace, t.name, c.io.err);
  }
  const selection = await select(c, [], { filename: o.filenames }, { latest: true });
  const infos = selection.infos(client);
  selection.throwErrors();
  if (infos.length !== 1) throw new CliError('cannot exec into multiple objects at a time');
  return attachablePod(client, infos[0].type, infos[0].obj, c.io.err);
}

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('exec')
      .description('Execute a command in a container')
      .argument('[args...]')
      .option('-c, --container <name>', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen')
      .addOption(filenameOption('to use to exec into the resource'))
      .option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running')
      .option('-q, --quiet', 'Only print output from the remote session')
      .option('-i, --stdin', 'Pass stdin to the container')
      .option('-t, --tty', 'Stdin is a TTY'),
  ).action(verbAction(ctx, execVerb));
}
