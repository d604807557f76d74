// kubectl rollout: status, history, undo, pause, resume and restart of workload rollouts. What
// each kind supports lives in cli/verbs/rollout; these files are the commands' flags and flow.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { commandGroup } from '../../program';
import { registerHistory } from './history';
import { registerPause, registerResume } from './pause';
import { registerRestart } from './restart';
import { registerStatus } from './status';
import { registerUndo } from './undo';

export function register(program: Command, ctx: CommandContext): void {
  const rollout = commandGroup(program, ctx, 'rollout', 'Manage the rollout of a resource', { stream: 'out' });
  registerHistory(rollout, ctx);
  registerPause(rollout, ctx);
  registerRestart(rollout, ctx);
  registerResume(rollout, ctx);
  registerStatus(rollout, ctx);
  registerUndo(rollout, ctx);
}
