// -l as cli-runtime's resource builder parses it to filter objects it read itself (from files),
// with the builder's wording for a selector that does not parse.
import { type Selector, SelectorParseError, parseSelector } from '../../api/meta/selector';
import { CliError } from '../errors';

/** undefined for an empty selector (no filter). */
export function parseBuilderSelector(text: string): Selector | undefined {
  if (!text) return undefined;
  try {
    return parseSelector(text);
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    const reason = e.inRequirement ? `unable to parse requirement: ${e.message}` : e.message;
    throw new CliError(`the provided selector ${JSON.stringify(text)} is not valid: ${reason}`);
  }
}
