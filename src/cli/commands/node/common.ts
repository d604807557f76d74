// What every `pocketkube node` subcommand shares: finding the node (kubectl's NotFound when there
// is none), its simulated machine, and cordon-style usage errors.
import { node as nodeKind } from '../../../api/kinds/node';
import type { Node } from '../../../api/types';
import type { Cluster, CommandContext, MachineFacts } from '../../context';
import { CliError } from '../../errors';

export interface Machine {
  cluster: Cluster;
  name: string;
  facts: MachineFacts;
  save(facts: MachineFacts): void;
}

/** The named node's machine; fails as the API would for a node that does not exist. */
export function machineOf(c: CommandContext, name: string | undefined, usage: string): Machine {
  if (!name) throw new CliError(`USAGE: ${usage} [flags]`, usage.split(' NODE')[0]);
  const cluster = c.cluster('write');
  cluster.client.get<Node>(nodeKind.type, undefined, name);
  const machines = cluster.machines();
  return { cluster, name, facts: machines.get(name), save: (facts) => machines.set(name, facts) };
}
