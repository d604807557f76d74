// kubectl rollout pause|resume: sets or clears spec.paused through a strategic merge patch.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { registerPatchVerb } from './patchverb';

export function registerPause(rollout: Command, ctx: CommandContext): void {
  registerPatchVerb(rollout, ctx, {
    name: 'pause',
    description: 'Mark the provided resource as paused',
    done: 'paused',
    noChange: { print: 'already paused' },
  });
}

export function registerResume(rollout: Command, ctx: CommandContext): void {
  registerPatchVerb(rollout, ctx, {
    name: 'resume',
    description: 'Resume a paused resource',
    done: 'resumed',
    noChange: { print: 'already resumed' },
  });
}
