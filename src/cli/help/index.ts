// --help, `kubectl help [command]` and `kubectl options`: kubectl v1.32's own texts (recorded,
// see texts.ts) for kubectl's commands; for pocketkube's own commands, a text made from their
// declared flags in the same layout, under the name `pocketkube`.
import type { Command, Option } from '../command';
import { HOME_MARKER, TEXTS } from './texts';

export { helpRequest } from './request';

/** The longest command path the words name in the tree ("config view"), and its command. */
export function commandFor(root: Command, words: readonly string[]): { path: string; cmd: Command; unknown?: string } {
  let cmd = root;
  const names: string[] = [];
  for (const w of words) {
    const sub = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (!sub) return { path: names.join(' '), cmd, unknown: cmd === root ? w : undefined };
    cmd = sub;
    names.push(sub.name());
  }
  return { path: names.join(' '), cmd };
}

/** Plugins' names as the root's help lists them ("kubectl-foo_bar-x" is "foo-bar"). */
function pluginLines(plugins: readonly string[]): string {
  const names = [...new Set(plugins.map((p) => p.replace(/^kubectl-/, '').split('-')[0].replace(/_/g, '-')))].sort();
  return names.map((n) => `  ${n.padEnd(11)}   The command ${n} is a plugin installed by the user\n`).join('');
}

export interface HelpEnv {
  home: string;
  /** kubectl-* executables on PATH (for the root's plugin group). */
  plugins: () => string[];
}

/** The help of a command path, kubectl's where it has one. */
export function helpText(path: string, cmd: Command, env: HelpEnv): string {
  const recorded = TEXTS[path];
  if (recorded === undefined) return ownHelp(path, cmd);
  let text = recorded.split(HOME_MARKER).join(env.home);
  if (path === '') text = text.replace('Subcommands provided by plugins:\n', () => `Subcommands provided by plugins:\n${pluginLines(env.plugins())}`);
  return text;
}

/** `kubectl help nosuch`: the topic, then the root's usage. */
export function unknownTopicText(topic: string, env: HelpEnv): string {
  const root = helpText('', undefined as never, env);
  return `Unknown help topic [\`${topic}\`]\n\n\n${root.slice(root.indexOf('Basic Commands'))}`;
}

export function optionsText(env: HelpEnv): string {
  return TEXTS.options.split(HOME_MARKER).join(env.home);
}

/** A flag as kubectl's help shows it: "    -o, --output='':\n\tdescription". */
function flagLines(o: Option): string {
  const name = o.long!.slice(2);
  const d = o.defaultValue;
  const value = o.isBoolean() ? String(d ?? false) : Array.isArray(d) ? `[${d.join(',')}]` : `'${d ?? ''}'`;
  return `    ${o.short ? `${o.short}, ` : ''}--${name}=${value}:\n\t${o.description}\n`;
}

/** pocketkube's own commands' help, in kubectl's layout. */
function ownHelp(path: string, cmd: Command): string {
  const global = new Set(['--namespace', '--context', '--kubeconfig', '--as', '--as-group', '--request-timeout', '--v', '--cluster', '--user', '--server', '--token']);
  let text = `${cmd.description()}.\n\n`;
  if (cmd.commands.length) {
    const width = Math.max(11, ...cmd.commands.map((c) => c.name().length));
    text += 'Available Commands:\n';
    for (const c of cmd.commands) text += `  ${c.name().padEnd(width)}   ${c.description()}\n`;
    text += '\n';
  }
  const own = cmd.options.filter((o) => o.long && !o.hidden && !o.negate && !global.has(o.long));
  if (own.length) text += `Options:\n${own.sort((a, b) => (a.long! < b.long! ? -1 : 1)).map(flagLines).join('\n')}\n`;
  const args = cmd.usageArguments() ? ' ' + cmd.usageArguments() : '';
  text += `Usage:\n  pocketkube ${path}${cmd.commands.length ? ' [command]' : args} [options]\n\n`;
  if (cmd.commands.length) text += `Use "pocketkube ${path} <command> --help" for more information about a given command.\n`;
  text += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return text;
}
