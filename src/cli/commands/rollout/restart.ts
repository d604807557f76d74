// kubectl rollout restart: stamps the pod template with kubectl.kubernetes.io/restartedAt, so the
// controller rolls out new pods.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { registerPatchVerb } from './patchverb';

export function registerRestart(rollout: Command, ctx: CommandContext): void {
  registerPatchVerb(rollout, ctx, {
    name: 'restart',
    description: 'Restart a resource',
    done: 'restarted',
    // The same second's stamp again changes nothing.
    noChange: { fail: (name) => `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another` },
  });
}
