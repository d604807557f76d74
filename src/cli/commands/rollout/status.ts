// kubectl rollout status: prints a line for the object as it is and for every change after, until
// the rollout is done, fails, or --timeout runs out (simulated time is fast-forwarded).
import { timeoutOption } from '../../flags/groups';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { intFlag } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { statusViewerFor } from '../../verbs/rollout';
import { TIMED_OUT, untilWithSync } from '../../watch';
import { type RolloutTarget, requireResources, rolloutTarget, throwCollected, visitObjects, withSelectionFlags } from './common';

export interface StatusOptions extends RolloutTarget {
  watch: boolean;
  revision: number;
  /** --timeout in milliseconds (0: never). */
  timeout: number;
}

const statusVerb: Verb<StatusOptions> = {
  complete: (_c, args, f) => ({ ...rolloutTarget(args, f), watch: f.watch !== false, revision: f.revision, timeout: f.timeout }),
  validate(o) {
    requireResources(o.args, o.selection);
    if (o.revision < 0) throw new CliError(`revision must be a positive integer: ${o.revision}`);
  },
  async run(c, o) {
    const cluster = c.cluster(o.watch ? 'write' : 'read');
    const errors: Error[] = [];
    const visited = await visitObjects(c, cluster.client, o.args, o.selection, errors, ({ type, obj }) => {
      const status = statusViewerFor(type);
      const ns = obj.metadata.namespace;
      const list = { fieldSelector: `metadata.name=${obj.metadata.name}` };
      const initial = cluster.client.list(type, ns, list);
      const deadline = o.timeout > 0 ? cluster.now() + o.timeout : undefined;
      const done = untilWithSync(cluster, type, ns, list, { deadline, initial }, (event) => {
        // A deleted object is not followed: a new one of that name would be another rollout.
        if (event.type === 'DELETED') throw new CliError('object has been deleted');
        const s = status(event.object, o.revision);
        c.io.out.write(s.message);
        return s.done || !o.watch;
      });
      if (!done) throw new CliError(TIMED_OUT);
    });
    throwCollected(errors);
    if (!visited && !errors.length) c.io.err.write(`No resources found in ${c.namespace()} namespace.\n`);
  },
};

export function registerStatus(rollout: Command, ctx: CommandContext): void {
  withSelectionFlags(rollout.command('status').description('Show the status of the rollout'))
    .option('-w, --watch', "Watch the status of the rollout until it's done.", true)
    .option('--revision <n>', 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).', intFlag(), 0)
    .addOption(timeoutOption('The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).'))
    .action(verbAction(ctx, statusVerb));
}
