// The command tree completion walks: kubectl's, as recorded (tree.ts), with pocketkube's own
// commands (clock, node, store, ...) taken from the registered Command tree and listed after
// kubectl's. Nodes are made only along the path a command line names.
import type { Command } from '../command';
import { GLOBAL, TREE } from './tree';
import type { RecordedFlag } from './types';

export interface FlagSpec {
  long: string;
  short: string;
  /** 'b': takes no separate value (booleans, optional values); 'v': a value; 's': a repeatable value. */
  kind: 'b' | 'v' | 's';
  usage: string;
  /** Recorded value completion: [directive, ...candidates]. */
  values?: readonly (number | string)[];
  /** Inherited from the root (kubectl's global flags), as opposed to the command's own. */
  inherited: boolean;
}

export interface CompletionNode {
  /** "rollout status"; "" the root. */
  path: string;
  commands: { name: string; short: string; aliases: readonly string[] }[];
  required: readonly string[];
  /** Inherited first, then the command's own, in the order kubectl lists them. */
  flags: FlagSpec[];
}

const asSpec = (f: RecordedFlag, inherited: boolean): FlagSpec => ({ long: f[0], short: f[1], kind: f[2], usage: f[3], values: f[4], inherited });
const globalSpecs = () => GLOBAL.map((f) => asSpec(f, true));

/** A flag's usage as cobra prints it: its first line. */
const firstLine = (s: string) => s.split('\n')[0];

export const POCKETKUBE_ONLY = ' (pocketkube only)';

/** cobra lists a command's subcommands sorted by name. */
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A pocketkube command's description, said to be pocketkube's own (kubectl has no such command). */
function ownShort(cmd: Command): string {
  const short = firstLine(cmd.description());
  return short.endsWith(POCKETKUBE_ONLY) ? short : short + POCKETKUBE_ONLY;
}

/** pocketkube's own flags of a command (not kubectl's global ones), sorted as pflag sorts them. */
function ownFlags(cmd: Command): FlagSpec[] {
  const globals = new Set(GLOBAL.map((g) => `--${g[0]}`));
  const specs: FlagSpec[] = cmd.options
    .filter((o) => o.long && !o.hidden && !o.negate && !globals.has(o.long))
    .map((o) => ({
      long: o.long!.slice(2),
      short: o.short?.slice(1) ?? '',
      kind: o.required ? (Array.isArray(o.defaultValue) ? 's' : 'v') : 'b',
      usage: firstLine(o.description),
      inherited: false,
    }));
  specs.push({ long: 'help', short: 'h', kind: 'b', usage: `help for ${cmd.name()}`, inherited: false });
  return specs.sort((a, b) => (a.long < b.long ? -1 : a.long > b.long ? 1 : 0));
}

/** The node for a command path, given pocketkube's command at that path (if it has one). */
export function nodeFor(path: string, cmd: Command | undefined): CompletionNode | undefined {
  // cobra's own help command: kubectl's tree lists it, and it completes command names.
  if (path === 'help') return { path, commands: [], required: [], flags: [...globalSpecs(), { long: 'help', short: 'h', kind: 'b', usage: 'help for help', inherited: false }] };
  const recorded = TREE[path];
  if (recorded) {
    const commands = (recorded.commands ?? []).map(([name, short]) => ({ name, short, aliases: cmd?.commands.find((c) => c.name() === name)?.aliases() ?? [] }));
    // pocketkube's own subcommands of a kubectl command come after kubectl's.
    const extra = (cmd?.commands ?? []).filter((sub) => !commands.some((c) => c.name === sub.name()));
    commands.push(...extra.map((sub) => ({ name: sub.name(), short: ownShort(sub), aliases: sub.aliases() })).sort(byName));
    const inheritedUsage = new Map(GLOBAL.map((g) => [g[0], g[3]]));
    const flags = recorded.own
      ? recorded.flags.map((f) => asSpec(f, inheritedUsage.get(f[0]) === f[3] && f[0] !== 'help'))
      : [...globalSpecs(), ...recorded.flags.map((f) => asSpec(f, false))];
    return { path, commands, required: recorded.required ?? [], flags };
  }
  if (!cmd) return undefined;
  return {
    path,
    commands: cmd.commands.map((c) => ({ name: c.name(), short: ownShort(c), aliases: c.aliases() })).sort(byName),
    required: [],
    flags: [...globalSpecs(), ...ownFlags(cmd)],
  };
}
