// Flags many verbs share, declared once: kubectl's FileNameFlags (-f, -R), the label selector,
// --dry-run and PrintFlags' -o. Each verb gives its own usage text where kubectl's differs; the
// spelling, value parsing and defaults live here.
import { Option } from '../command';
import { collectSlice } from '../program';

/** -f, --filename: repeatable and comma-separated, as pflag's StringSlice. */
export function filenameOption(usage: string): Option {
  return new Option('-f, --filename <file>', usage).argParser(collectSlice);
}

/** -R, --recursive (wait's defaults to true). */
export function recursiveOption(usage = 'Process the directory used in -f, --filename recursively.', defaultValue?: boolean): Option {
  return new Option('-R, --recursive', usage).default(defaultValue);
}

/** -l, --selector: a label query, checked where it is used. */
export function selectorOption(usage = 'Selector (label query) to filter on.'): Option {
  return new Option('-l, --selector <selector>', usage);
}

/** --dry-run[=none|client|server], read by flags/output.ts's parseDryRun. */
export function dryRunOption(usage = 'Must be "none", "server", or "client".'): Option {
  return new Option('--dry-run [strategy]', usage);
}

/** -o, --output: parsed by flags/output.ts's parseOutput. */
export function outputOption(usage = 'Output format. One of: (json, yaml, name).', defaultValue?: string): Option {
  return new Option('-o, --output <format>', usage).default(defaultValue);
}
