// pocketkube addons list|enable|disable: optional cluster components, installed as the objects
// they are made of (pocketkube's own, like `clock` and `node`). An add-on is enabled while all of
// its objects exist; enabling creates the missing ones, disabling deletes them (a Deployment's
// ReplicaSets and pods then go the way of any deleted Deployment's).
import { isStatusError } from '../../../api/errors';
import type { KubeObject } from '../../../api/types';
import { GET_TABWRITER, tabwrite } from '../../../printers/tabwriter';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { action, addGlobalFlags, commandGroup } from '../../program';
import { ADDONS, type Addon } from './catalog';

const HELP = `Enable or disable optional cluster components (pocketkube only).

Available Commands:
  disable       Remove an add-on's objects from the cluster
  enable        Install an add-on's objects in the cluster
  list          List the add-ons and whether each is enabled

Usage:
  pocketkube addons SUBCOMMAND [ADDON] [options]

Examples:
  pocketkube addons list
  pocketkube addons enable metrics-server
  pocketkube addons disable metrics-server
`;

function addonOf(name: string | undefined, verb: string): Addon {
  if (!name) throw new CliError(`USAGE: addons ${verb} ADDON [flags]`, `addons ${verb}`);
  const addon = ADDONS.find((a) => a.name === name);
  if (!addon) throw new CliError(`unknown add-on ${JSON.stringify(name)}; pocketkube has: ${ADDONS.map((a) => a.name).join(', ')}`);
  return addon;
}

export function register(program: Command, ctx: CommandContext): void {
  const group = commandGroup(program, ctx, 'addons', 'Enable or disable optional cluster components (pocketkube only)', { text: HELP, stream: 'out' });
  addGlobalFlags(group.command('list').description('List the add-ons and whether each is enabled')).action(
    action(ctx, async (c) => {
      const cluster = c.cluster('read');
      let text = 'NAME\tSTATUS\tDESCRIPTION\n';
      for (const addon of ADDONS) {
        const all = addon.objects().every((o) => !!cluster.client.tryGet<KubeObject>(o.type, o.object.metadata.namespace, o.object.metadata.name!));
        text += `${addon.name}\t${all ? 'enabled' : 'disabled'}\t${addon.description}\n`;
      }
      c.io.out.write(tabwrite(text, GET_TABWRITER));
    }),
  );
  addGlobalFlags(group.command('enable').description('Install an add-on\'s objects in the cluster').argument('[addon]')).action(
    action(ctx, async (c, args) => {
      const addon = addonOf(args[0], 'enable');
      const cluster = c.cluster('write');
      for (const o of addon.objects()) {
        const m = o.object.metadata;
        if (cluster.client.tryGet<KubeObject>(o.type, m.namespace, m.name!)) continue;
        cluster.client.create(o.type, o.object);
      }
      c.io.out.write(`The '${addon.name}' addon is enabled\n`);
    }),
  );
  addGlobalFlags(group.command('disable').description("Remove an add-on's objects from the cluster").argument('[addon]')).action(
    action(ctx, async (c, args) => {
      const addon = addonOf(args[0], 'disable');
      const cluster = c.cluster('write');
      for (const o of [...addon.objects()].reverse()) {
        const m = o.object.metadata;
        try {
          cluster.client.delete(o.type, m.namespace, m.name!);
        } catch (e) {
          if (!isStatusError(e, 'NotFound')) throw e;
        }
      }
      c.io.out.write(`The '${addon.name}' addon is disabled\n`);
    }),
  );
}
