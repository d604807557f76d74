// Whether a command line asks for help (kept apart from the texts, which load only then).
import { commandWords } from '../program';

/** Which help a command line asks for, if any: --help/-h anywhere before `--`, or `help WORDS`. */
export function helpRequest(argv: readonly string[]): { words: string[]; viaHelpVerb: boolean } | undefined {
  if (argv[0] === 'help') return { words: commandWords(argv.slice(1)), viaHelpVerb: true };
  const end = argv.indexOf('--');
  const flags = end < 0 ? argv : argv.slice(0, end);
  if (!flags.some((a) => a === '-h' || a === '--help' || a === '--help=true')) return undefined;
  return { words: commandWords(flags), viaHelpVerb: false };
}
