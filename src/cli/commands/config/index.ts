// kubectl config: the kubeconfig files' clusters, users and contexts, read merged and written
// back where each entry came from (see cli/kubeconfig/chain.ts).
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { commandGroup } from '../../program';
import { registerContexts } from './contexts';
import { registerEntries } from './entries';
import { registerProperty } from './property';
import { registerView } from './view';

export function register(program: Command, ctx: CommandContext): void {
  const config = commandGroup(program, ctx, 'config', 'Modify kubeconfig files', { stream: 'err' });
  registerContexts(config, ctx);
  registerEntries(config, ctx);
  registerProperty(config, ctx);
  registerView(config, ctx);
}
