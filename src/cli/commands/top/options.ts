// What `top node` and `top pod` check of their flags before asking the server, with kubectl's
// words: --sort-by (Validate), and the selectors as labels.Parse and fields.ParseSelector read
// them (RunTopNode/RunTopPod parse them before discovery).
import { FieldSelectorParseError, parseFieldSelector } from '../../../api/meta/fieldselector';
import { SelectorParseError, parseSelector } from '../../../api/meta/selector';
import type { TopSortBy } from '../../../printers/top';
import { CliError } from '../../errors';

/** Fails unless --sort-by names what kubectl can sort by. */
export function sortByOf(value: string): TopSortBy {
  if (value && value !== 'cpu' && value !== 'memory') throw new CliError('--sort-by accepts only cpu or memory');
  return value as TopSortBy;
}

export function checkLabelSelector(text: string): void {
  if (!text) return;
  try {
    parseSelector(text);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new CliError(e.inRequirement ? `unable to parse requirement: ${e.message}` : e.message);
    throw e;
  }
}

export function checkFieldSelector(text: string): void {
  if (!text) return;
  try {
    parseFieldSelector(text);
  } catch (e) {
    if (e instanceof FieldSelectorParseError) throw new CliError(e.message);
    throw e;
  }
}
