// The flow pause, resume and restart share (kubectl's set.CalculatePatches): change the object
// client-side, send the difference as a strategic merge patch, print "<kind>/<name> <done>".
import type { Command } from '../../command';
import { kindDef } from '../../../api/registry';
import { createTwoWayPatch } from '../../../api/patch/strategic';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { MutationPrinter, type OutputFormat, parseOutput } from '../../flags/output';
import { type Verb, verbAction } from '../../verb';
import { RefusedError, mutatorFor } from '../../verbs/rollout';
import { type RolloutTarget, requireResources, rolloutTarget, selectObjects, throwCollected, withSelectionFlags } from './common';
import { outputOption } from '../../flags/groups';

type JsonMap = Record<string, unknown>;

export interface PatchVerb {
  name: 'pause' | 'resume' | 'restart';
  description: string;
  /** The operation printed after a patch: "paused". */
  done: string;
  /** An empty patch is reported as an operation ("already paused") or as an error. */
  noChange: { print: string } | { fail: (name: string) => string };
}

export interface RolloutPatchOptions extends RolloutTarget {
  /** The printer's format, made when run (kubectl's ToPrinter). */
  output: () => OutputFormat;
}

function patchVerb(verb: PatchVerb): Verb<RolloutPatchOptions> {
  return {
    complete: (_c, args, f) => ({ ...rolloutTarget(args, f), output: () => parseOutput(f.output, false, f) }),
    validate: (o) => requireResources(o.args, o.selection),
    async run(c, o) {
    const printer = new MutationPrinter(c.io.out, o.output(), 'none');
    const client = c.cluster('write').client;
    const errors: Error[] = [];
    const picked = await selectObjects(c, client, o.args, o.selection, errors);
    if (!picked.length && !errors.length) {
      c.io.err.write(`No resources found in ${c.namespace()} namespace.\n`);
      return;
    }
    for (const { type, obj } of picked) {
      let patch: JsonMap;
      try {
        const changed = mutatorFor(type, verb.name)(obj, c.io.wallTime());
        patch = createTwoWayPatch(obj as unknown as JsonMap, changed as unknown as JsonMap, kindDef(type).strategy.schemaType);
      } catch (e) {
        if (!(e instanceof RefusedError)) throw e;
        const resource = type.group ? `${type.resource}.${type.group}` : type.resource;
        errors.push(new CliError(`error: ${resource} ${JSON.stringify(obj.metadata.name)} ${e.message}`));
        continue;
      }
      if (!Object.keys(patch).length) {
        if ('print' in verb.noChange) printer.print(obj, verb.noChange.print, true);
        else errors.push(new CliError(verb.noChange.fail(obj.metadata.name!)));
        continue;
      }
      try {
        printer.print(client.patch(type, obj.metadata.namespace, obj.metadata.name!, 'strategic', patch), verb.done, true);
      } catch (e) {
        errors.push(new CliError(`failed to patch: ${(e as Error).message}`));
      }
    }
    throwCollected(errors);
    },
  };
}

export function registerPatchVerb(rollout: Command, ctx: CommandContext, verb: PatchVerb): void {
  withSelectionFlags(rollout.command(verb.name).description(verb.description))
    .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
    .option('--field-manager <name>', 'Name of the manager used to track field ownership.', 'kubectl-rollout')
    .action(verbAction(ctx, patchVerb(verb)));
}
