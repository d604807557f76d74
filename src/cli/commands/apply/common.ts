// What apply's subcommands share.
import type { Verb } from '../../verb';

/**
 * A subcommand's verb whose complete reads its own flags over apply's (whose defaults, such as
 * --validate, would otherwise shadow the subcommand's flags of the same name); global flags come
 * from above. Wired with verbAction as any verb is.
 */
export function subcommandVerb<O>(verb: Verb<O>): Verb<O> {
  return {
    complete: (c, args, _flags, cmd) => verb.complete(c, args, { ...cmd.optsWithGlobals(), ...cmd.opts() }, cmd),
    validate: verb.validate && ((o) => verb.validate!(o)),
    run: (c, o) => verb.run(c, o),
    failure: verb.failure && ((e) => verb.failure!(e)),
  };
}
