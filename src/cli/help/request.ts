// Whether a command line asks for help (kept apart from the texts, which load only then).
import { parseGoBool } from '../command';
import { commandWords } from '../program';

/** --help/-h as pflag reads it, a boolean: true, false, or undefined when the word is no help flag. */
function helpFlag(word: string): boolean | undefined {
  const m = /^(?:--help|-h)(?:=(.*))?$/.exec(word);
  if (!m) return undefined;
  return m[1] === undefined ? true : parseGoBool(m[1]);
}

/** The flags before `--` (the words after it are operands). */
function flagPart(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

/** The command line without `--help=false`-style words, which ask for no help and are otherwise ignored. */
export function withoutHelpFalse(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv.filter((a, i) => (end >= 0 && i >= end) || helpFlag(a) !== false);
}

/** Which help a command line asks for, if any: --help/-h anywhere before `--`, or `help WORDS`. */
export function helpRequest(argv: readonly string[]): { words: string[]; viaHelpVerb: boolean } | undefined {
  if (argv[0] === 'help') return { words: commandWords(argv.slice(1)), viaHelpVerb: true };
  const flags = flagPart(argv);
  if (!flags.some((a) => helpFlag(a) === true)) return undefined;
  return { words: commandWords(flags), viaHelpVerb: false };
}

/** The first --help/-h value before `--` that is no boolean to pflag (`--help=maybe`), if any. */
export function invalidHelpValue(argv: readonly string[]): string | undefined {
  for (const a of flagPart(argv)) {
    const m = /^(?:--help|-h)=(.*)$/s.exec(a);
    if (m && parseGoBool(m[1]) === undefined) return m[1];
  }
  return undefined;
}
