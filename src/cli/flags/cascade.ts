// --cascade, as kubectl's GetCascadingStrategy reads it for delete and for apply's pruning.
import type { PropagationPolicy } from '../../client/client';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { parseGoBool } from '../program';

/** A policy name, or a deprecated boolean (with kubectl's warning). */
export function parseCascade(c: CommandContext, value: string | true): PropagationPolicy {
  if (value === true) return 'Background';
  const b = parseGoBool(value);
  if (b !== undefined) {
    const replacement = b ? 'background' : 'orphan';
    c.io.err.write(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`);
    return b ? 'Background' : 'Orphan';
  }
  switch (value) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
  }
  throw new CliError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}
