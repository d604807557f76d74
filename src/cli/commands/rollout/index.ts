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

/** kubectl's help for the group, printed (to standard output) when no subcommand is given. */
const HELP = `Manage the rollout of one or many resources.
${' '.repeat(8)}
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
${' '.repeat(2)}
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
${' '.repeat(2)}
  # Restart a deployment
  kubectl rollout restart deployment/abc
${' '.repeat(2)}
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export function register(program: Command, ctx: CommandContext): void {
  const rollout = commandGroup(program, ctx, 'rollout', 'Manage the rollout of a resource', { text: HELP, stream: 'out' });
  registerHistory(rollout, ctx);
  registerPause(rollout, ctx);
  registerRestart(rollout, ctx);
  registerResume(rollout, ctx);
  registerStatus(rollout, ctx);
  registerUndo(rollout, ctx);
}
