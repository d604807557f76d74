// cobra's `__complete` (spf13/cobra v1.8 completions.go, getCompletions): find the command the
// words name, tell a flag's value from an argument, then complete subcommands, flag names, flag
// values or arguments. Pure over the tree (tree-view.ts) and a read-only source of names.
import type { Command } from '../command';
import { type CompletionNode, type FlagSpec, POCKETKUBE_ONLY, nodeFor } from './tree-view';
import { type CompletionSource, Directive } from './types';
import type { SourceFlags } from './source';
import { ARGUMENTS, FLAG_VALUES, PREFIX_FILTERED, VALID_ARGS } from './values';

export interface CompletionResult {
  /** The command completed for ("" the root, "rollout status"); undefined when none was found. */
  path?: string;
  /** "candidate" or "candidate\tdescription", in order. */
  comps: string[];
  directive: number;
  /** cobra's debug lines for standard error ("[Debug] [Error] ..."), before its directive line. */
  errors: string[];
}

/** The words of the line as one command's flags parse them. */
interface Parsed {
  args: string[];
  /** Long names of the flags given. */
  changed: Set<string>;
  /** The last value given to each flag, by long name. */
  values: Record<string, string>;
  error?: string;
}

function lookup(node: CompletionNode, word: string): FlagSpec | undefined {
  // The command's own flag shadows an inherited one of the same name.
  const own = (f: FlagSpec) => !f.inherited;
  if (word.startsWith('--')) {
    const name = word.slice(2);
    return node.flags.find((f) => own(f) && f.long === name) ?? node.flags.find((f) => f.long === name);
  }
  const short = word.slice(1);
  return node.flags.find((f) => own(f) && f.short === short) ?? node.flags.find((f) => f.short === short);
}

/** Whether the word is a flag whose value is the next word (cobra's stripFlags rules: an unknown flag takes one too). */
function takesNextWord(node: CompletionNode, word: string): boolean {
  if (word.includes('=')) return false;
  if (word.startsWith('--')) return lookup(node, word)?.kind !== 'b';
  return word.startsWith('-') && word.length === 2 && lookup(node, word)?.kind !== 'b';
}

/** cobra's Find: the subcommand path the words name, and the words left to it. */
function find(root: Command | undefined, words: string[]): { node: CompletionNode; cmd?: Command; args: string[] } | undefined {
  let node = nodeFor('', root)!;
  let cmd = root;
  let rest = words;
  for (;;) {
    // The first word that is neither a flag nor a flag's value names the subcommand.
    let next: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i];
      if (w === '--') break;
      if (w.startsWith('-') && takesNextWord(node, w)) {
        // cobra stops at a value-taking flag among the last two words.
        if (rest.length - i - 1 <= 1) break;
        i++;
        continue;
      }
      if (w !== '' && !w.startsWith('-')) {
        next = w;
        break;
      }
    }
    const sub = next === undefined ? undefined : node.commands.find((c) => c.name === next || c.aliases.includes(next!));
    if (!sub) break;
    const at = firstPlainIndex(node, rest, next!);
    rest = at < 0 ? rest : [...rest.slice(0, at), ...rest.slice(at + 1)];
    cmd = cmd?.commands.find((c) => c.name() === sub.name);
    const path = node.path ? `${node.path} ${sub.name}` : sub.name;
    const child = nodeFor(path, cmd);
    if (!child) return undefined;
    node = child;
  }
  // legacyArgs: the root takes no arguments of its own.
  if (node.path === '' && rest.some((w, i) => w !== '' && !w.startsWith('-') && !isFlagValue(node, rest, i))) return undefined;
  return { node, cmd, args: rest };
}

function isFlagValue(node: CompletionNode, words: string[], i: number): boolean {
  return i > 0 && words[i - 1].startsWith('-') && takesNextWord(node, words[i - 1]);
}

/** cobra's argsMinusFirstX: where the subcommand's word stands (not a flag's value). */
function firstPlainIndex(node: CompletionNode, words: string[], x: string): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') return -1;
    if (w.startsWith('-') && takesNextWord(node, w)) {
      i++;
      continue;
    }
    if (!w.startsWith('-') && w === x) return i;
  }
  return -1;
}

/** pflag's parse of the words left to the command: its arguments and which flags were given. */
function parse(node: CompletionNode, words: string[]): Parsed {
  const parsed: Parsed = { args: [], changed: new Set(), values: {} };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      parsed.args.push(...words.slice(i + 1));
      break;
    }
    if (w.length < 2 || w[0] !== '-') {
      parsed.args.push(w);
      continue;
    }
    if (w.startsWith('--')) {
      const name = w.slice(2).split('=')[0];
      const f = lookup(node, `--${name}`);
      if (!f) return { ...parsed, error: `unknown flag: --${name}` };
      parsed.changed.add(f.long);
      if (w.includes('=')) parsed.values[f.long] = w.slice(w.indexOf('=') + 1);
      else if (f.kind !== 'b') {
        if (i + 1 >= words.length) return { ...parsed, error: `flag needs an argument: ${w}` };
        parsed.values[f.long] = words[++i];
      }
      continue;
    }
    // -abc: shorthands, the last of which may take the rest or the next word as its value.
    for (let j = 1; j < w.length; j++) {
      const f = lookup(node, `-${w[j]}`);
      if (!f) return { ...parsed, error: `unknown shorthand flag: '${w[j]}' in ${w}` };
      parsed.changed.add(f.long);
      if (f.kind === 'b') continue;
      if (j + 1 === w.length && i + 1 >= words.length) return { ...parsed, error: `flag needs an argument: '${w[j]}' in ${w}` };
      const rest = w.slice(j + 1);
      parsed.values[f.long] = j + 1 === w.length ? words[++i] : rest.startsWith('=') ? rest.slice(1) : rest;
      break;
    }
  }
  return parsed;
}

/** checkIfFlagCompletion: the flag whose value is being completed, if any. */
function flagBeingCompleted(node: CompletionNode, words: string[], toComplete: string): { flag?: FlagSpec; words: string[]; toComplete: string; error?: string } {
  let name: string | undefined;
  let rest = words;
  let value = toComplete;
  let withEqual = false;
  if (toComplete.startsWith('-')) {
    const eq = toComplete.indexOf('=');
    if (eq < 0) return { words, toComplete };
    name = toComplete.startsWith('--') ? toComplete.slice(2, eq) : toComplete.slice(eq - 1, eq);
    value = toComplete.slice(eq + 1);
    withEqual = true;
  } else if (words.length) {
    const prev = words[words.length - 1];
    if (prev.length > 1 && prev[0] === '-' && prev !== '--' && !prev.includes('=')) {
      name = prev.startsWith('--') ? prev.slice(2) : prev.slice(-1);
      rest = words.slice(0, -1);
    }
  }
  if (!name) return { words: rest, toComplete: value };
  // cobra's findFlag: a one-letter name is a shorthand, however many dashes it came with.
  const flag = lookup(node, name.length === 1 ? `-${name}` : `--${name}`);
  if (!flag) return { words, toComplete, error: `Subcommand '${node.path.split(' ').pop() || 'kubectl'}' does not support flag '${name}'` };
  if (!withEqual && flag.kind === 'b') return { words, toComplete };
  return { flag, words: rest, toComplete: value };
}

/** getFlagNameCompletions: --long, then -s, each with its usage, when the word typed begins them. */
function flagNames(f: FlagSpec, toComplete: string): string[] {
  const out: string[] = [];
  if (`--${f.long}`.startsWith(toComplete)) out.push(`--${f.long}\t${f.usage}`);
  if (f.short && `-${f.short}`.startsWith(toComplete)) out.push(`-${f.short}\t${f.usage}`);
  return out;
}

function requiredFlags(node: CompletionNode, changed: Set<string>, toComplete: string): string[] {
  return node.flags.filter((f) => node.required.includes(f.long) && !changed.has(f.long)).flatMap((f) => flagNames(f, toComplete));
}

/** Completes a command line (the words after `__complete`, the last one being completed). */
export function complete(root: Command | undefined, line: string[], sourceFor: (flags: SourceFlags) => CompletionSource, plugins: readonly string[] = []): CompletionResult {
  const words = line.slice(0, -1);
  const last = line[line.length - 1] ?? '';
  const found = find(root, words);
  // kubectl takes an unknown first word for a plugin's, and says it drops the global flags for it.
  const plugin = words.length && !words[0].startsWith('-') && !nodeFor('', root)!.commands.some((c) => c.name === words[0]) ? ['[Debug] Cleared global flags for plugin completion'] : [];
  if (!found) return { comps: [], directive: Directive.Default, errors: [...plugin, `[Debug] [Error] unable to find a command for arguments: [${words.join(' ')}]`] };
  const { node } = found;
  const result = completeFor(root, node, found.args, last, sourceFor, plugins);
  return { ...result, path: node.path };
}

function completeFor(
  root: Command | undefined,
  node: CompletionNode,
  words: string[],
  last: string,
  sourceFor: (flags: SourceFlags) => CompletionSource,
  plugins: readonly string[],
): CompletionResult {
  const check = flagBeingCompleted(node, words, last);
  const toComplete = check.toComplete;
  const withDash = parse(node, [...check.words, '--']);
  const parsed = parse(node, check.words);
  if (parsed.error) return { comps: [], directive: Directive.Default, errors: [`[Debug] [Error] Error while parsing flags from args [${check.words.join(' ')}]: ${parsed.error}`] };
  // After `--` nothing is a flag (cobra counts the arguments with and without one more `--`).
  const flagCompletion = withDash.args.length <= parsed.args.length;
  if (check.error && flagCompletion) return { comps: [], directive: Directive.Default, errors: [`[Debug] [Error] ${check.error}`] };
  if (parsed.changed.has('help')) return { comps: [], directive: Directive.NoFileComp, errors: [] };
  const flag = flagCompletion ? check.flag : undefined;
  const v = parsed.values;
  const source = () => sourceFor({ namespace: v.namespace, context: v.context, cluster: v.cluster, user: v.user, kubeconfig: v.kubeconfig });
  const args = parsed.args;
  if (flag) return flagValues(node, flag, args, toComplete, source);

  if (toComplete.startsWith('-') && !toComplete.includes('=') && flagCompletion) {
    let comps = requiredFlags(node, parsed.changed, toComplete);
    if (!comps.length) comps = node.flags.filter((f) => !parsed.changed.has(f.long) || f.kind === 's').flatMap((f) => flagNames(f, toComplete));
    return { comps, directive: Directive.NoFileComp, errors: [] };
  }
  let comps: string[] = [];
  let directive: number = Directive.Default;
  const localGiven = node.flags.some((f) => !f.inherited && parsed.changed.has(f.long));
  if (node.path === '') addPlugins(node, plugins);
  if (!args.length && !localGiven) {
    const subs = node.commands;
    for (const c of subs) if (c.name.startsWith(toComplete)) comps.push(`${c.name}\t${c.short}`);
    if (subs.length) directive = Directive.NoFileComp;
  }
  comps.push(...requiredFlags(node, parsed.changed, toComplete));
  const valid = VALID_ARGS[node.path];
  if (valid) {
    if (!args.length) {
      comps.push(...valid.filter((v) => v.startsWith(toComplete)));
      directive = Directive.NoFileComp;
    }
    return { comps, directive, errors: [] };
  }
  const fn = node.path === 'help' ? helpTopics(root) : ARGUMENTS[node.path];
  if (fn) {
    const r = fn(source(), args, toComplete);
    comps.push(...r.comps);
    directive = r.directive;
  }
  return { comps, directive, errors: [] };
}

/** cobra's help command: the subcommands of the command its words name. */
function helpTopics(root: Command | undefined) {
  return (_src: CompletionSource, args: readonly string[], toComplete: string) => {
    const found = find(root, [...args]);
    const comps = found ? found.node.commands.filter((c) => c.name.startsWith(toComplete)).map((c) => `${c.name}\t${c.short}`) : [];
    return { comps, directive: Directive.NoFileComp };
  };
}

function flagValues(node: CompletionNode, flag: FlagSpec, args: string[], toComplete: string, source: () => CompletionSource): CompletionResult {
  const recorded = flag.values;
  if (recorded && recorded[0] === Directive.FilterFileExt) return { comps: recorded.slice(1) as string[], directive: Directive.FilterFileExt, errors: [] };
  const fn = FLAG_VALUES[`${node.path} --${flag.long}`] ?? (flag.inherited ? FLAG_VALUES[`--${flag.long}`] : undefined);
  if (fn) {
    const r = fn(source(), args, toComplete);
    return { comps: r.comps, directive: r.directive, errors: [] };
  }
  if (recorded) {
    const values = recorded.slice(1) as string[];
    return { comps: PREFIX_FILTERED.has(flag.long) ? values.filter((v) => v.startsWith(toComplete)) : values, directive: recorded[0] as number, errors: [] };
  }
  return { comps: [], directive: Directive.Default, errors: [] };
}

/**
 * kubectl's plugins as root commands while the first word is completed (SetupPluginCompletion):
 * kubectl-foo_bar-baz is "foo-bar", unless a command has that name; cobra sorts them in with
 * kubectl's commands (pocketkube's own stay last).
 */
function addPlugins(node: CompletionNode, plugins: readonly string[]): void {
  for (const file of plugins) {
    const name = file.split('-')[1]?.replace(/_/g, '-');
    if (!name || node.commands.some((c) => c.name === name)) continue;
    const at = node.commands.findIndex((c) => c.name > name || c.short.endsWith(POCKETKUBE_ONLY));
    node.commands.splice(at < 0 ? node.commands.length : at, 0, { name, short: `The command ${name} is a plugin installed by the user`, aliases: [] });
  }
}
