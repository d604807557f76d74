// pocketkube node devices NODE [RESOURCE=COUNT | RESOURCE=0 | RESOURCE- ...]: device plugins on
// the node advertise extended resources (nvidia.com/gpu=2), which its kubelet reports in
// capacity and allocatable. A plugin that goes away leaves its resource at 0, as the kubelet
// does. Without assignments, lists what the node's plugins advertise.
import type { Command } from '../../command';
import { isQualifiedName } from '../../../api/validation/names';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { type NodeOptions, checkNode, machineOf } from './common';

/** IsExtendedResourceName: domain-qualified, outside kubernetes.io, and not a quota "requests." name. */
function checkResourceName(name: string): void {
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  if (native || name.startsWith('requests.') || isQualifiedName(`requests.${name}`).length)
    throw new CliError(`${JSON.stringify(name)} is not an extended resource name: it must be a domain-qualified name outside kubernetes.io, e.g. example.com/gpu`);
}

function parseAssignment(arg: string): [string, string] {
  const eq = arg.indexOf('=');
  const name = eq >= 0 ? arg.slice(0, eq) : arg.endsWith('-') ? arg.slice(0, -1) : arg;
  const value = eq >= 0 ? arg.slice(eq + 1) : arg.endsWith('-') ? '-' : undefined;
  if (value === undefined) throw new CliError(`invalid device assignment ${JSON.stringify(arg)}: expected RESOURCE=COUNT or RESOURCE-`);
  checkResourceName(name);
  if (value === '-') return [name, '0'];
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new CliError(`invalid count ${JSON.stringify(value)} for ${name}: must be a non-negative integer`);
  return [name, String(Number(value))];
}

export interface DevicesOptions extends NodeOptions {
  /** [resource, count] in the order given (a removal, RESOURCE-, counts 0); none lists the node's. */
  assignments: [string, string][];
}

const devicesVerb: Verb<DevicesOptions> = {
  complete: (_c, [node, ...rest]) => ({ node, assignments: rest.map(parseAssignment) }),
  validate: (o) => checkNode(o, 'node devices NODE'),
  run(c, o) {
    const m = machineOf(c, o.node!);
    const devices = { ...(m.facts.devices ?? {}) };
    if (!o.assignments.length) {
      for (const k of Object.keys(devices).sort()) c.io.out.write(`${k}=${devices[k]}\n`);
      return;
    }
    for (const [k, v] of o.assignments) devices[k] = v;
    m.save({ ...m.facts, devices });
    for (const [k, v] of o.assignments) c.io.out.write(`node/${m.name} ${k}=${v}\n`);
  },
};

export function registerDevices(group: Command, ctx: CommandContext): void {
  addGlobalFlags(group.command('devices').description('Advertise extended resources from device plugins on a node').argument('[node]').argument('[assignments...]')).action(
    verbAction(ctx, devicesVerb),
  );
}
