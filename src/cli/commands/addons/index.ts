// pocketkube addons list|enable|disable: optional cluster components, installed as the objects
// they are made of (pocketkube's own, like `clock` and `node`). An add-on is enabled while all of
// its objects exist; enabling creates the missing ones, disabling deletes them (a Deployment's
// ReplicaSets and pods then go the way of any deleted Deployment's).
import { isStatusError } from '../../../api/errors';
import type { KubeObject } from '../../../api/types';
import type { Client } from '../../../client/client';
import { GET_TABWRITER, tabwrite } from '../../../printers/tabwriter';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { addGlobalFlags, commandGroup } from '../../program';
import { type Verb, verbAction } from '../../verb';
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

/** The add-on named, from the catalog: a usage error without a name, a plain one for a name it lacks. */
function addonOf(name: string | undefined, verb: string): Addon {
  if (!name) throw new CliError(`USAGE: addons ${verb} ADDON [flags]`, `addons ${verb}`);
  const addon = ADDONS.find((a) => a.name === name);
  if (!addon) throw new CliError(`unknown add-on ${JSON.stringify(name)}; pocketkube has: ${ADDONS.map((a) => a.name).join(', ')}`);
  return addon;
}

const listVerb: Verb<void> = {
  complete() {},
  run(c) {
    const cluster = c.cluster('read');
    let text = 'NAME\tSTATUS\tDESCRIPTION\n';
    for (const addon of ADDONS) {
      const all = addon.objects().every((o) => !!cluster.client.tryGet<KubeObject>(o.type, o.object.metadata.namespace, o.object.metadata.name!));
      text += `${addon.name}\t${all ? 'enabled' : 'disabled'}\t${addon.description}\n`;
    }
    c.io.out.write(tabwrite(text, GET_TABWRITER));
  },
};

export interface AddonOptions {
  addon: Addon;
}

/** enable and disable: the same word, then each's change to the cluster, then the same report. */
function changeVerb(verb: 'enable' | 'disable', change: (client: Client, addon: Addon) => void): Verb<AddonOptions> {
  const state = verb === 'enable' ? 'enabled' : 'disabled';
  return {
    complete: (_c, args) => ({ addon: addonOf(args[0], verb) }),
    run(c, o) {
      change(c.cluster('write').client, o.addon);
      c.io.out.write(`The '${o.addon.name}' addon is ${state}\n`);
    },
  };
}

/** Creates the objects missing, so enabling an enabled add-on (or one half there) is no error. */
function install(client: Client, addon: Addon): void {
  for (const o of addon.objects()) {
    const m = o.object.metadata;
    if (client.tryGet<KubeObject>(o.type, m.namespace, m.name!)) continue;
    client.create(o.type, o.object);
  }
}

/** Deletes in reverse order of creation; objects already gone are no error. */
function uninstall(client: Client, addon: Addon): void {
  for (const o of [...addon.objects()].reverse()) {
    const m = o.object.metadata;
    try {
      client.delete(o.type, m.namespace, m.name!);
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
    }
  }
}

export function register(program: Command, ctx: CommandContext): void {
  const group = commandGroup(program, ctx, 'addons', 'Enable or disable optional cluster components (pocketkube only)', { text: HELP, stream: 'out' });
  addGlobalFlags(group.command('list').description('List the add-ons and whether each is enabled')).action(verbAction(ctx, listVerb));
  addGlobalFlags(group.command('enable').description("Install an add-on's objects in the cluster").argument('[addon]')).action(verbAction(ctx, changeVerb('enable', install)));
  addGlobalFlags(group.command('disable').description("Remove an add-on's objects from the cluster").argument('[addon]')).action(verbAction(ctx, changeVerb('disable', uninstall)));
}
