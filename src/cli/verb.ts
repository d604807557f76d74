// kubectl's Options pattern, which every verb follows: Complete turns the parsed flags and words
// into the verb's typed options (reading the context: namespace, dry-run, printers), Validate
// checks them without touching the cluster, Run acts. A verb's flags reach nothing but Complete.
import type { Command } from './command';
import type { CommandContext } from './context';
import { action } from './program';

export interface Verb<O> {
  complete(c: CommandContext, args: string[], flags: Record<string, any>, cmd: Command): O;
  validate?(o: O): void;
  run(c: CommandContext, o: O): Promise<void> | void;
  /** How the verb reports a failure of any step (diff exits one higher than other verbs). */
  failure?(e: unknown): unknown;
}

/** The command's action for a verb: complete, validate, run. */
export function verbAction<O>(ctx: CommandContext, verb: Verb<O>) {
  return action(ctx, async (c, args, flags, cmd) => {
    try {
      const o = verb.complete(c, args, flags, cmd);
      verb.validate?.(o);
      await verb.run(c, o);
    } catch (e) {
      throw verb.failure ? verb.failure(e) : e;
    }
  });
}
