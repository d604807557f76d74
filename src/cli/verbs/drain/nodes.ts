// What cordon, uncordon and drain share (kubectl's DrainCmdOptions): the nodes named or selected
// with -l, looked up before anything changes, and marking them (un)schedulable with the
// "cordoned" / "already cordoned" lines.
import { node as nodeKind } from '../../../api/kinds/node';
import type { Node } from '../../../api/types';
import type { Client } from '../../../client/client';
import { CliError } from '../../errors';
import { type DryRun, dryRunSuffix } from '../../flags/output';
import type { IO } from '../../io';
import { buildFromNames } from '../../resource/names';

/** kubectl's Complete: a node name or -l, not both, not neither. */
export function checkNodeArgs(verb: string, args: readonly string[], selector: string | undefined): void {
  if (!args.length && selector === undefined) throw new CliError(`USAGE: ${verb} NODE [flags]`, verb);
  if (args.length && selector) throw new CliError('error: cannot specify both a node name and a --selector option', verb);
}

/**
 * The nodes to act on (kubectl's ResourceNames("nodes", args) or -l over nodes), each fetched;
 * the first that cannot be is the command's error (nothing is changed then). Arguments may be
 * names or node/NAME; another type is refused once fetched.
 */
export function resolveNodes(c: { namespace(): string }, client: Client, args: readonly string[], selector: string | undefined): Node[] {
  const selection = buildFromNames({
    namespace: c.namespace(),
    enforceNamespace: false,
    resourceNames: { type: 'nodes', names: args },
    resourceTypes: selector ? ['nodes'] : undefined,
    labelSelector: selector,
  });
  const nodes: Node[] = [];
  selection.visit(
    client,
    ({ type, obj }) => {
      if (type !== nodeKind.type) {
        const gv = type.group ? `${type.group}/${type.version}` : `/${type.version}`;
        throw new CliError(`error: expected resource of type node, got ${JSON.stringify(`${gv}, Resource=${type.resource}`)}`);
      }
      nodes.push(obj as Node);
    },
    { failFast: true },
  );
  return nodes;
}

/** RunCordonOrUncordon: patches spec.unschedulable where it differs and says what it did. */
export function cordonNodes(client: Client, io: IO, nodes: readonly Node[], desired: boolean, dryRun: DryRun): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const name = node.metadata.name!;
    if (!!node.spec?.unschedulable === desired) {
      io.out.write(`node/${name} already ${verb}ed${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        client.patch(nodeKind.type, undefined, name, 'strategic', { spec: { unschedulable: desired ? true : null } }, { dryRun: dryRun === 'server' });
      } catch (e) {
        io.err.write(`error: unable to ${verb} node ${JSON.stringify(name)}: ${(e as Error).message}\n`);
        continue;
      }
    }
    io.out.write(`node/${name} ${verb}ed${dryRunSuffix(dryRun)}\n`);
  }
}
