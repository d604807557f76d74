// pocketkube clock: the simulated cluster's time. `clock show` prints it; `clock advance 5m`
// moves it forward, firing every timer on the way (back-offs, deadlines, minReadySeconds), as if
// that much time had passed. Not a kubectl verb: the simulation's own control.
import type { Command } from '../command';
import { rfc3339 } from '../../api/time';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { durationFlag } from '../flags/duration';
import { addGlobalFlags } from '../program';
import { type Verb, verbAction } from '../verb';

const showVerb: Verb<void> = {
  complete() {},
  run: (c) => void c.io.out.write(`${rfc3339(c.cluster('read').now())}\n`),
};

export interface AdvanceOptions {
  /** How far to move the clock, in milliseconds (a Go duration on the command line). */
  ms: number;
}

const advanceVerb: Verb<AdvanceOptions> = {
  complete: (_c, args) => ({ ms: durationFlag()(args[0]) }),
  validate(o) {
    if (o.ms < 0) throw new CliError('the cluster clock cannot go backwards');
  },
  run(c, o) {
    const cluster = c.cluster('write');
    cluster.advanceTo(cluster.now() + o.ms);
    c.io.out.write(`${rfc3339(cluster.now())}\n`);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const clock = program.command('clock').description('Show or advance the simulated cluster clock (pocketkube only)');
  addGlobalFlags(clock.command('show').description('Print the cluster time')).action(verbAction(ctx, showVerb));
  addGlobalFlags(clock.command('advance').description('Move the cluster time forward, running what falls due').argument('<duration>', 'How far, e.g. 90s, 5m, 1h30m')).action(
    verbAction(ctx, advanceVerb),
  );
}
