// kubectl rollout undo: back to the previous revision or --to-revision.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { MutationPrinter, parseDryRun, parseOutput } from '../../flags/output';
import { action, intFlag } from '../../program';
import { rollbackerFor } from '../../verbs/rollout';
import { requireResources, throwCollected, visitObjects, withSelectionFlags } from './common';
import { dryRunOption, outputOption } from '../../flags/groups';

export function registerUndo(rollout: Command, ctx: CommandContext): void {
  withSelectionFlags(rollout.command('undo').description('Undo a previous rollout'))
    .option('--to-revision <n>', 'The revision to rollback to. Default to 0 (last revision).', intFlag(), 0)
    .addOption(dryRunOption('Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.'))
    .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
    .action(
      action(ctx, async (c, args, opts) => {
        const dryRun = parseDryRun(c, opts.dryRun);
        requireResources(args, opts);
        const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false, opts), dryRun);
        const client = c.cluster(dryRun === 'client' ? 'read' : 'write').client;
        const errors: Error[] = [];
        await visitObjects(c, client, args, opts, errors, ({ type, obj }) => {
          const result = rollbackerFor(type)(client, obj, opts.toRevision, dryRun);
          // kubectl prints the object as it was fetched (typed), before the rollback.
          printer.print(obj, result, true);
        });
        throwCollected(errors);
      }),
    );
}
