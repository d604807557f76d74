// kubectl rollout history: the revisions of a rollout with their change-causes, one revision's
// pod template (--revision), or the objects that record them (-o).
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { MutationPrinter, type OutputFormat, parseOutput } from '../../flags/output';
import { klogWarning } from '../../klog';
import { intFlag } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { objectName } from '../../../printers/name';
import { historyViewerFor } from '../../verbs/rollout';
import { type RolloutTarget, requireResources, rolloutTarget, throwCollected, visitObjects, withSelectionFlags } from './common';
import { outputOption } from '../../flags/groups';

export interface HistoryOptions extends RolloutTarget {
  revision: number;
  /** -o: the recording objects themselves instead of the table (its printer made when run, as kubectl's ToPrinter). */
  output?: () => OutputFormat;
}

const historyVerb: Verb<HistoryOptions> = {
  complete: (_c, args, f) => ({ ...rolloutTarget(args, f), revision: f.revision, output: f.output === undefined ? undefined : () => parseOutput(f.output, false, f) }),
  validate(o) {
    requireResources(o.args, o.selection);
    if (o.revision < 0) throw new CliError(`revision must be a positive integer: ${o.revision}`);
  },
  async run(c, o) {
    const { revision } = o;
    const printer = o.output && new MutationPrinter(c.io.out, o.output(), 'none');
    const client = c.cluster('read').client;
    const errors: Error[] = [];
    const warn = (m: string) => klogWarning(c, 'history.go:116', m);
    await visitObjects(c, client, o.args, o.selection, errors, ({ type, obj }) => {
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
  },
};

export function registerHistory(rollout: Command, ctx: CommandContext): void {
  withSelectionFlags(rollout.command('history').description('View rollout history'))
    .option('--revision <n>', 'See the details, including podTemplate of the revision specified', intFlag(), 0)
    .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
    .action(verbAction(ctx, historyVerb));
}
