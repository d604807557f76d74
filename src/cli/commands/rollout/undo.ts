// kubectl rollout undo: back to the previous revision or --to-revision.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { type DryRun, MutationPrinter, type OutputFormat, parseDryRun, parseOutput } from '../../flags/output';
import { intFlag } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { rollbackerFor } from '../../verbs/rollout';
import { type RolloutTarget, requireResources, rolloutTarget, throwCollected, visitObjects, withSelectionFlags } from './common';

export interface UndoOptions extends RolloutTarget {
  toRevision: number;
  dryRun: DryRun;
  output: OutputFormat;
}

const undoVerb: Verb<UndoOptions> = {
  complete: (c, args, f) => ({ ...rolloutTarget(args, f), toRevision: f.toRevision, dryRun: parseDryRun(c, f.dryRun), output: parseOutput(f.output, false, f) }),
  validate: (o) => requireResources(o.args, o.selection),
  async run(c, o) {
    const printer = new MutationPrinter(c.io.out, o.output, o.dryRun);
    const client = c.cluster(o.dryRun === 'client' ? 'read' : 'write').client;
    const errors: Error[] = [];
    await visitObjects(c, client, o.args, o.selection, errors, ({ type, obj }) => {
      const result = rollbackerFor(type)(client, obj, o.toRevision, o.dryRun);
      // kubectl prints the object as it was fetched (typed), before the rollback.
      printer.print(obj, result, true);
    });
    throwCollected(errors);
  },
};
import { dryRunOption, outputOption } from '../../flags/groups';

export function registerUndo(rollout: Command, ctx: CommandContext): void {
  withSelectionFlags(rollout.command('undo').description('Undo a previous rollout'))
    .option('--to-revision <n>', 'The revision to rollback to. Default to 0 (last revision).', intFlag(), 0)
    .addOption(dryRunOption('Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.'))
    .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
    .action(verbAction(ctx, undoVerb));
}
