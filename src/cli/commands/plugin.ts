// kubectl's plugins: executables named kubectl-<name> on PATH. `kubectl plugin list` lists them
// with kubectl's warnings (overshadowed, not executable, a builtin command's name); a command line
// whose first word is no kubectl command runs the longest-named plugin that matches it, as
// kubectl's plugin handler does (`kubectl foo bar x` tries kubectl-foo-bar, then kubectl-foo;
// dashes in the words are underscores in the file name), and `kubectl create <x>` runs
// kubectl-create-x when kubectl has no such generator.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { GLOBAL_VALUE_FLAGS, addGlobalFlags, commandGroup } from '../program';
import { type Verb, verbAction } from '../verb';

/** kubectl v1.32's own commands (and aliases): a plugin never replaces one. */
const BUILTIN = new Set([
  'alpha', 'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion',
  'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'get',
  'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set',
  'taint', 'top', 'uncordon', 'version', 'wait',
]);

/** kubectl create's own generators (and aliases): `kubectl create <one of these>` is never a plugin. */
const CREATE_SUBCOMMANDS = new Set([
  'clusterrole', 'clusterrolebinding', 'configmap', 'cm', 'cronjob', 'cj', 'deployment', 'deploy', 'ingress', 'ing', 'job', 'namespace', 'ns',
  'poddisruptionbudget', 'pdb', 'priorityclass', 'pc', 'quota', 'resourcequota', 'role', 'rolebinding', 'secret', 'service', 'svc',
  'serviceaccount', 'sa', 'token',
]);

/** Words the handler never takes for a plugin name. */
const NOT_PLUGINS = new Set(['help', '__complete', '__completeNoDesc']);

/** The directories of PATH, each once, in order. */
function pathDirs(env: CommandContext['env']): string[] {
  return [...new Set((env.PATH ?? '').split(path.delimiter).filter((d) => d !== ''))];
}

function isExecutable(file: string): boolean {
  try {
    return (fs.statSync(file).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** exec.LookPath of kubectl-<name>: the first executable of that name on PATH. */
function lookup(env: CommandContext['env'], name: string): string | undefined {
  for (const dir of pathDirs(env)) {
    const file = path.join(dir, `kubectl-${name}`);
    try {
      if (fs.statSync(file).isFile() && isExecutable(file)) return file;
    } catch {
      // not there
    }
  }
  return undefined;
}

/**
 * Runs the plugin a command line names, if it names one: the exit code, or undefined when the
 * first word is a command (or no plugin matches, and the parser reports the unknown command).
 */
export function runPlugin(argv: readonly string[], ctx: CommandContext): number | undefined {
  let word: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (GLOBAL_VALUE_FLAGS.has(argv[i])) i++;
    else if (!argv[i].startsWith('-')) {
      word = argv[i];
      break;
    }
  }
  if (word === undefined || NOT_PLUGINS.has(word)) return undefined;
  if (BUILTIN.has(word)) {
    // kubectl create <generator it does not have> looks for kubectl-create-<generator>.
    const at = argv.indexOf(word);
    const sub = argv[at + 1];
    if (word !== 'create' || sub === undefined || sub.startsWith('-') || CREATE_SUBCOMMANDS.has(sub)) return undefined;
    return handle(argv, ctx, 2);
  }
  return handle(argv, ctx, 1);
}

/** HandlePluginCommand: the longest plugin name the leading words make, tried down to `minWords`. */
function handle(argv: readonly string[], ctx: CommandContext, minWords: number): number | undefined {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-')) break;
    words.push(a.replaceAll('-', '_'));
  }
  if (!words.length) {
    ctx.io.err.write(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
    return 1;
  }
  for (let n = words.length; n >= minWords; n--) {
    const file = lookup(ctx.env, words.slice(0, n).join('-'));
    if (!file) continue;
    const r = spawnSync(file, argv.slice(n), { stdio: 'inherit', env: ctx.env as NodeJS.ProcessEnv });
    if (r.error) throw new CliError(r.error.message);
    return r.status ?? 1;
  }
  return undefined;
}

/** The names of the executable kubectl-* files on PATH (for the root's help). */
export function pluginFiles(env: CommandContext['env']): string[] {
  const names: string[] = [];
  for (const dir of pathDirs(env)) {
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of entries) if (name.startsWith('kubectl-') && isExecutable(path.join(dir, name))) names.push(name);
  }
  return names;
}

interface PluginListOptions {
  nameOnly: boolean;
  /** The directories of PATH, each once, in order (kubectl's Complete reads PATH). */
  pluginPaths: string[];
}

/** Every file named kubectl-* on PATH, in PATH order (each directory's files in name order), with kubectl's warnings. */
function listPlugins(c: CommandContext, o: PluginListOptions): void {
  const found: { file: string; name: string }[] = [];
  for (const dir of o.pluginPaths) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      c.io.err.write(`Unable to read directory ${JSON.stringify(dir)} from your PATH: ${(e as Error).message}. Skipping...\n`);
      continue;
    }
    for (const e of entries.filter((x) => !x.isDirectory() && x.name.startsWith('kubectl-')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
      found.push({ file: path.join(dir, e.name), name: e.name });
  }
  if (!found.length) throw new CliError('unable to find any kubectl plugins in your PATH');
  c.io.out.write('The following compatible plugins are available:\n\n');
  const firstOf = new Map<string, string>();
  let warnings = 0;
  for (const p of found) {
    c.io.out.write(`${o.nameOnly ? p.name : p.file}\n`);
    const said: string[] = [];
    if (!isExecutable(p.file)) said.push(`${p.file} identified as a kubectl plugin, but it is not executable`);
    const earlier = firstOf.get(p.name);
    if (earlier) said.push(`${p.file} is overshadowed by a similarly named plugin: ${earlier}`);
    else firstOf.set(p.name, p.file);
    const command = p.name.slice('kubectl-'.length).split('-')[0];
    if (BUILTIN.has(command)) said.push(`${p.name} overwrites existing command: "kubectl ${command}"`);
    for (const w of said) c.io.err.write(`  - warning: ${w}\n`);
    warnings += said.length;
  }
  if (warnings) throw new CliError(warnings === 1 ? 'one plugin warning was found' : `${warnings} plugin warnings were found`);
}

const pluginListVerb: Verb<PluginListOptions> = {
  complete: (c, _args, f) => ({ nameOnly: !!f.nameOnly, pluginPaths: pathDirs(c.env) }),
  run: listPlugins,
};

export function register(program: Command, ctx: CommandContext): void {
  const plugin = commandGroup(program, ctx, 'plugin', 'Provides utilities for interacting with plugins', { stream: 'err' });
  addGlobalFlags(
    plugin
      .command('list')
      .description("List all visible plugin executables on a user's PATH")
      .argument('[args...]')
      .option('--name-only', 'If true, display only the binary name of each plugin, rather than its full path'),
  ).action(verbAction(ctx, pluginListVerb));
}
