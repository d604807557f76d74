// kubectl cp: files and directories to and from a container, through `tar` run by pods/exec as
// kubectl runs it (src/cli/verbs/cp). The container side is the simulated shell's tar over the
// container's files; the local side is the real disk.
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { addGlobalFlags, intFlag } from '../program';
import { copyFromPod, copyToPod } from '../verbs/cp/copy';
import { type FileSpec, extractFileSpec } from '../verbs/cp/filespec';
import { type Verb, verbAction } from '../verb';

interface CpOptions {
  /** SRC and DEST as given. */
  args: string[];
  container?: string;
  /** --no-preserve: the container's tar is not asked to keep ownership and permissions. */
  noPreserve: boolean;
  /** --retries: 0 for none, negative for no limit. */
  maxTries: number;
}

/** Which way the copy goes, or kubectl's refusal (checked in Run, before the cluster is used). */
function plan(o: CpOptions): { src: FileSpec; dest: FileSpec; toPod: boolean } {
  const src = extractFileSpec(o.args[0]);
  const dest = extractFileSpec(o.args[1]);
  if (src.podName && dest.podName) throw new CliError('one of src or dest must be a local file specification');
  if (!src.file || !dest.file) throw new CliError('filepath can not be empty');
  if (src.podName) return { src, dest, toPod: false };
  if (dest.podName) return { src, dest, toPod: true };
  throw new CliError('one of src or dest must be a remote file specification');
}

const cpVerb: Verb<CpOptions> = {
  complete(_c, args, f) {
    return { args, container: f.container, noPreserve: f.preserve === false, maxTries: f.retries };
  },

  validate(o) {
    if (o.args.length !== 2) throw new CliError('source and destination are required');
  },

  run(c, o) {
    const p = plan(o);
    const cluster = c.cluster('write');
    // The namespace read here, as before, after Run's checks (kubectl reads it in Complete).
    const copy = { namespace: c.namespace(), container: o.container, noPreserve: o.noPreserve, maxTries: o.maxTries, out: c.io.out, errOut: c.io.err };
    if (p.toPod) copyToPod(cluster, p.src, p.dest, copy);
    else copyFromPod(cluster, p.src, p.dest, copy);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('cp')
      .description('Copy files and directories to and from containers')
      .argument('[args...]')
      .option('-c, --container <name>', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen')
      .option('--no-preserve', "The copied file/directory's ownership and permissions will not be preserved in the container")
      .option('--retries <n>', 'Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).', intFlag(), 0),
  ).action(verbAction(ctx, cpVerb));
}
