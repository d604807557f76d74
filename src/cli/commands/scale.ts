// kubectl scale: sets the replicas of scalable kinds through their scale subresource, with
// --current-replicas and --resource-version as preconditions.
import type { Command } from '../command';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { type DryRun, MutationPrinter, type OutputFormat, parseDryRun, parseOutput } from '../flags/output';
import { CHANGE_CAUSE, addRecordFlag, recordOption } from '../record';
import { addGlobalFlags, intFlag } from '../program';
import { type FilenameFlags, select } from '../resource/builder';
import { scalable } from '../verbs/scaler';
import { addFilenameFlags, addWaitFlags, dryRunOption, filenameFlagsOf, outputOption, selectorOption } from '../flags/groups';
import { type Verb, verbAction } from '../verb';

export interface ScaleOptions {
  args: string[];
  files: FilenameFlags;
  selector: string;
  all: boolean;
  replicas: number;
  /** -1 when not given. */
  currentReplicas: number;
  resourceVersion?: string;
  dryRun: DryRun;
  output: OutputFormat;
  /** --record's change-cause, when recording. */
  changeCause?: string;
}

/** Go's int32(n) of the replica count (kubectl passes it as a uint): the low 32 bits, signed. */
function int32(n: number): number {
  return Number(BigInt.asIntN(32, BigInt(n)));
}

const scaleVerb: Verb<ScaleOptions> = {
  complete(c, args, f, cmd) {
    // --record's deprecation warning comes before any other complaint about the flags.
    const changeCause = recordOption(c, cmd, f.record);
    if (f.replicas === undefined) throw new CliError('required flag(s) "replicas" not set');
    return {
      args,
      files: filenameFlagsOf(f),
      selector: f.selector ?? '',
      all: !!f.all,
      replicas: f.replicas,
      currentReplicas: f.currentReplicas,
      resourceVersion: f.resourceVersion || undefined,
      dryRun: parseDryRun(c, f.dryRun),
      output: parseOutput(f.output, false, f),
      changeCause,
    };
  },

  validate(o) {
    if (o.replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (!o.args.length && !o.files.filenames.length && !o.files.kustomize) throw new CliError('required resource not specified', 'scale');
  },

  /**
   * kubectl's RunScale: every object is fetched first; none found is "no objects passed to scale";
   * a failure to scale stops the command, and lookup failures are reported at the end. What is
   * printed is the object as fetched, before scaling.
   */
  async run(c, o) {
    const selection = await select(c, o.args, { files: o.files, selector: o.selector }, { allowEmptySelector: o.all });
    const client = c.cluster(o.dryRun === 'client' ? 'read' : 'write').client;
    const infos = selection.infos(client);
    const lookup = selection.errors;
    if (o.resourceVersion && infos.length > 1) throw new CliError('cannot use --resource-version with multiple resources');
    if (!infos.length) {
      // Go's %w of an aggregate: one error's text, or several's in brackets.
      const reason = lookup.length === 1 ? ' ' + lookup[0].message : lookup.length ? ` [${lookup.map((e) => e.message).join(', ')}]` : '';
      throw new CliError(`no objects passed to scale${reason}`);
    }
    const printer = new MutationPrinter(c.io.out, o.output, o.dryRun);
    // Without a precondition a merge patch of the Scale; with one, the Scale is read, checked and
    // written back, its replicas converted to int32 as Go converts.
    const precondition = o.currentReplicas >= 0 || !!o.resourceVersion;
    for (const { type, obj } of infos) {
      scalable(type);
      if (o.dryRun !== 'client') {
        const { namespace: ns, name } = obj.metadata as { namespace?: string; name: string };
        const write = { dryRun: o.dryRun === 'server' };
        if (precondition) {
          const scale = client.getScale(type, ns, name);
          const have = scale.spec?.replicas ?? 0;
          if (o.currentReplicas >= 0 && have !== o.currentReplicas) throw new CliError(`Expected replicas to be ${o.currentReplicas}, was ${have}`);
          if (o.resourceVersion && scale.metadata.resourceVersion !== o.resourceVersion)
            throw new CliError(`Expected resource version to be ${o.resourceVersion}, was ${scale.metadata.resourceVersion}`);
          client.updateScale(type, { ...scale, spec: { replicas: int32(o.replicas) } }, write);
        } else client.patchScale(type, ns, name, { spec: { replicas: o.replicas } }, write);
        // --record: a second patch, of the annotation alone (its failure is only logged by kubectl).
        if (o.changeCause !== undefined && obj.metadata.annotations?.[CHANGE_CAUSE] !== o.changeCause) {
          try {
            client.patch(type, ns, name, 'merge', { metadata: { annotations: { [CHANGE_CAUSE]: o.changeCause } } }, write);
          } catch {
            // kubectl: klog.V(4) "error recording reason"
          }
        }
      }
      printer.print(obj as KubeObject, 'scaled');
    }
    if (lookup.length) throw lookup.length === 1 ? lookup[0] : new MultiError(lookup);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('scale')
    .description('Set a new size for a deployment, replica set, replication controller, or stateful set')
    .argument('[args...]')
    .option('--replicas <count>', 'The new desired number of replicas. Required.', intFlag())
    .option('--current-replicas <count>', 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.', intFlag(), -1)
    .option('--resource-version <version>', 'Precondition for resource version.')
    .addOption(selectorOption())
    .option('--all', 'Select all resources in the namespace of the specified resource types')
    .addOption(dryRunOption())
    .addOption(outputOption());
  addWaitFlags(cmd, { timeout: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' });
  addFilenameFlags(cmd, { filename: 'Filename, directory, or URL to files identifying the resource to set a new size', kustomize: true });
  addRecordFlag(addGlobalFlags(cmd)).action(verbAction(ctx, scaleVerb));
}
