// pocketkube node: what a simulated node experiences, beyond the API (pocketkube's own, like
// `clock`). The facts live on the node's machine (sim/kubelet/nodestate.ts); the simulated
// kubelet and the node lifecycle controller react when the command's changes converge.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { commandGroup } from '../../program';
import { registerDevices } from './devices';
import { registerPower } from './power';
import { registerPressure } from './pressure';

const HELP = `Change what a simulated node experiences (pocketkube only).

Available Commands:
  devices       Advertise extended resources from device plugins on a node
  pressure      Force or release memory and disk pressure on a node
  start         Start the node's kubelet again
  stop          Stop the node's kubelet: it stops posting node status

Usage:
  pocketkube node SUBCOMMAND NODE [options]

Examples:
  pocketkube node pressure pocket-worker --memory=on
  pocketkube node pressure pocket-worker --disk-available=2Gi
  pocketkube node stop pocket-worker
  pocketkube node devices pocket-worker nvidia.com/gpu=2
`;

export function register(program: Command, ctx: CommandContext): void {
  const node = commandGroup(program, ctx, 'node', 'Change what a simulated node experiences (pocketkube only)', { text: HELP, stream: 'out' });
  registerDevices(node, ctx);
  registerPressure(node, ctx);
  registerPower(node, ctx);
}
