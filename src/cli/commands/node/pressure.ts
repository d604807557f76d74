// pocketkube node pressure NODE: forces what the node's eviction manager observes.
//   --memory=on|off            memory.available forced to 50Mi (under the 100Mi hard threshold), or measured again
//   --disk=on|off              nodefs.available forced to 4Gi (under 10% of the disk), or measured again
//   --memory-available=QTY     memory.available forced to QTY ("-" measures it again)
//   --disk-available=QTY       nodefs.available likewise
// Measured, a signal is the node's capacity minus what its running pods use.
import type { Command } from '../../command';
import { parseQuantity, quantityError } from '../../../api/meta/quantity';
import type { CommandContext, MachineFacts } from '../../context';
import { CliError } from '../../errors';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { type NodeOptions, checkNode, machineOf } from './common';

/** fact: the MachineFacts field forced; toggle and amount: the flags; key: --amount's name among the parsed flags. */
const SIGNALS = [
  { signal: 'memory.available', fact: 'memoryAvailable', toggle: 'memory', amount: 'memory-available', key: 'memoryAvailable', forced: '50Mi' },
  { signal: 'nodefs.available', fact: 'diskAvailable', toggle: 'disk', amount: 'disk-available', key: 'diskAvailable', forced: '4Gi' },
] as const;

type Signal = (typeof SIGNALS)[number];

/** What a signal's flags ask: the quantity it is forced to; null to measure it again; undefined when not asked. */
function wanted(opts: Record<string, string | undefined>, s: Signal): string | null | undefined {
  const toggle = opts[s.toggle];
  const amount = opts[s.key];
  if (toggle !== undefined && amount !== undefined) throw new CliError(`--${s.toggle} and --${s.amount} cannot be used together`);
  if (toggle !== undefined) {
    if (toggle !== 'on' && toggle !== 'off') throw new CliError(`--${s.toggle} must be "on" or "off", not ${JSON.stringify(toggle)}`);
    return toggle === 'on' ? s.forced : null;
  }
  if (amount === undefined) return undefined;
  if (amount === '-') return null;
  const err = quantityError(amount);
  if (err) throw new CliError(`invalid --${s.amount} ${JSON.stringify(amount)}: ${err}`);
  const q = parseQuantity(amount);
  if (q.nano < 0n) throw new CliError(`--${s.amount} must not be negative`);
  return q.toString();
}

export interface PressureOptions extends NodeOptions {
  /** The signals asked about, in SIGNALS' order: forced to a quantity, or null to measure it again. */
  changes: { s: Signal; to: string | null }[];
}

const pressureVerb: Verb<PressureOptions> = {
  complete(_c, args, f) {
    const changes = SIGNALS.flatMap((s) => {
      const to = wanted(f, s);
      return to === undefined ? [] : [{ s, to }];
    });
    return { node: args[0], changes };
  },
  validate(o) {
    if (!o.changes.length) throw new CliError('at least one of --memory, --memory-available, --disk or --disk-available is required');
    checkNode(o, 'node pressure NODE');
  },
  run(c, o) {
    const m = machineOf(c, o.node!);
    const facts: MachineFacts = { ...m.facts };
    for (const { s, to } of o.changes) facts[s.fact] = to ?? undefined;
    m.save(facts);
    for (const { s, to } of o.changes) c.io.out.write(to ? `node/${m.name} ${s.signal} forced to ${to}\n` : `node/${m.name} ${s.signal} measured\n`);
  },
};

export function registerPressure(group: Command, ctx: CommandContext): void {
  addGlobalFlags(
    group
      .command('pressure')
      .description('Force or release memory and disk pressure on a node')
      .argument('[node]')
      .option('--memory <on|off>', 'Force memory.available under the eviction threshold (on), or measure it again (off)')
      .option('--disk <on|off>', 'Force nodefs.available under the eviction threshold (on), or measure it again (off)')
      .option('--memory-available <quantity>', 'Force memory.available to this quantity ("-" measures it again)')
      .option('--disk-available <quantity>', 'Force nodefs.available to this quantity ("-" measures it again)'),
  ).action(verbAction(ctx, pressureVerb));
}
