// kubectl rollout history: the revisions of a rollout with their change-causes, one revision's
// pod template (--revision), or the objects that record them (-o).
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { MutationPrinter, parseOutput } from '../../flags/output';
import { klogWarning } from '../../klog';
import { action, intFlag } from '../../program';
import { objectName } from '../../../printers/name';
import { historyViewerFor } from '../../verbs/rollout';
import { requireResources, throwCollected, visitObjects, withSelectionFlags } from './common';
import { outputOption } from '../../flags/groups';

export function registerHistory(rollout: Command, ctx: CommandContext): void {
  withSelectionFlags(rollout.command('history').description('View rollout history'))
    .option('--revision <n>', 'See the details, including podTemplate of the revision specified', intFlag(), 0)
    .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
    .action(
      action(ctx, async (c, args, opts) => {
        requireResources(args, opts);
        const revision: number = opts.revision;
        if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
        const printer = opts.output === undefined ? undefined : new MutationPrinter(c.io.out, parseOutput(opts.output, false, opts), 'none');
        const client = c.cluster('read').client;
        const errors: Error[] = [];
        const warn = (m: string) => klogWarning(c, 'history.go:116', m);
        await visitObjects(c, client, args, opts, errors, ({ type, obj }) => {
          const viewer = historyViewerFor(type);
          if (printer) {
            // The recording objects themselves: one revision, or all in revision order.
            const history = viewer.history(client, obj, warn);
            const revisions = revision > 0 ? [revision] : [...history.keys()].sort((a, b) => a - b);
            for (const r of revisions) {
              const recorded = history.get(r);
              if (recorded) printer.print(recorded, '', true);
            }
            return;
          }
          const text = viewer.view(client, obj, revision, warn);
          c.io.out.write(`${objectName(obj)} ${revision > 0 ? `with revision #${revision}` : ''}\n${text}\n`);
        });
        throwCollected(errors);
      }),
    );
}
