// What every `pocketkube node` subcommand shares: the NODE word (a cordon-style usage error
// without it), and the node's simulated machine (kubectl's NotFound when there is no such node).
import { node as nodeKind } from '../../../api/kinds/node';
import type { Node } from '../../../api/types';
import type { Cluster, CommandContext, MachineFacts } from '../../context';
import { CliError } from '../../errors';

/** The options every subcommand has: the node named, if any. */
export interface NodeOptions {
  node?: string;
}

/** For validate: a node was named. `usage` is the command's own, e.g. "node stop NODE". */
export function checkNode(o: NodeOptions, usage: string): void {
  if (!o.node) throw new CliError(`USAGE: ${usage} [flags]`, usage.split(' NODE')[0]);
}

export interface Machine {
  cluster: Cluster;
  name: string;
  facts: MachineFacts;
  save(facts: MachineFacts): void;
}

/** The named node's machine; fails as the API would for a node that does not exist. */
export function machineOf(c: CommandContext, name: string): Machine {
  const cluster = c.cluster('write');
  cluster.client.get<Node>(nodeKind.type, undefined, name);
  const machines = cluster.machines();
  return { cluster, name, facts: machines.get(name), save: (facts) => machines.set(name, facts) };
}
