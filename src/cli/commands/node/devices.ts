// pocketkube node devices NODE [RESOURCE=COUNT | RESOURCE=0 | RESOURCE- ...]: device plugins on
// the node advertise extended resources (nvidia.com/gpu=2), which its kubelet reports in
// capacity and allocatable. A plugin that goes away leaves its resource at 0, as the kubelet
// does. Without assignments, lists what the node's plugins advertise.
import type { Command } from '../../command';
import { isQualifiedName } from '../../../api/validation/names';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { action, addGlobalFlags } from '../../program';
import { machineOf } from './common';

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

export function registerDevices(group: Command, ctx: CommandContext): void {
  addGlobalFlags(group.command('devices').description('Advertise extended resources from device plugins on a node').argument('[node]').argument('[assignments...]'))
    .action(
      action(ctx, async (c, args) => {
        const [name, ...rest] = args;
        const assignments = rest.map(parseAssignment);
        const m = machineOf(c, name, 'node devices NODE');
        const devices = { ...(m.facts.devices ?? {}) };
        if (!assignments.length) {
          for (const k of Object.keys(devices).sort()) c.io.out.write(`${k}=${devices[k]}\n`);
          return;
        }
        for (const [k, v] of assignments) devices[k] = v;
        m.save({ ...m.facts, devices });
        for (const [k, v] of assignments) c.io.out.write(`node/${m.name} ${k}=${v}\n`);
      }),
    );
}
