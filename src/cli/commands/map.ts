// pocketkube map: the whole cluster on one screen — a box per node with its conditions, taints,
// requests against allocatable and pods coloured by state, and the pods no node has taken with
// the scheduler's reason. Not a kubectl verb: pocketkube's own view. Colour only on a terminal,
// never with NO_COLOR set (any value, as no-color.org's readers differ on the empty one).
import type { Command } from '../command';
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import type { Node, Pod } from '../../api/types';
import { renderMap } from '../../printers/map';
import type { CommandContext } from '../context';
import { addGlobalFlags } from '../program';
import { type Verb, verbAction } from '../verb';

export interface MapOptions {
  color: boolean;
}

const mapVerb: Verb<MapOptions> = {
  complete: (c) => ({ color: c.io.out.isTTY && c.env.NO_COLOR === undefined }),
  run(c, o) {
    const cluster = c.cluster('read');
    const nodes = cluster.client.list<Node>(nodeKind.type);
    const pods = cluster.client.list<Pod>(podKind.type);
    c.io.out.write(renderMap({ nodes, pods }, { now: cluster.now(), color: o.color }));
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(program.command('map').description('Draw the cluster: nodes, their pods and the pods not scheduled (pocketkube only)')).action(verbAction(ctx, mapVerb));
}
