// The command tree's wiring: kubectl's global flags on every command, pflag's flag syntax, and
// cobra's wording for flag and command errors.
import { type Command, CommandLineError, InvalidArgumentError, Option } from './command';
import { klogCommandFailed } from './klog';
import type { CommandContext, GlobalFlags } from './context';
import { CliError, ExitCode, RawError } from './errors';
import { durationFlag } from './flags/duration';

export type Action = (ctx: CommandContext, args: string[], opts: Record<string, any>, cmd: Command) => Promise<void> | void;

/** Flags every kubectl command accepts (a command's own flag of the same name shadows one, as in cobra). */
const GLOBAL_FLAGS: readonly Option[] = [
  new Option('-n, --namespace <namespace>', 'If present, the namespace scope for this CLI request'),
  new Option('--context <name>', 'The name of the kubeconfig context to use'),
  new Option('--cluster <name>', 'The name of the kubeconfig cluster to use'),
  new Option('--user <name>', 'The name of the kubeconfig user to use'),
  new Option('-s, --server <url>', 'The address and port of the Kubernetes API server'),
  new Option('--token <token>', 'Bearer token for authentication to the API server'),
  new Option('--kubeconfig <path>', 'Path to the kubeconfig file to use for CLI requests.'),
  new Option('--as <user>', 'Username to impersonate for the operation.'),
  new Option('--as-group <group>', 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.').argParser(collect),
  new Option('--request-timeout <duration>', 'The length of time to wait before giving up on a single server request.'),
  new Option('-v, --v <level>', 'number for the log level verbosity').hideHelp(),
  new Option('--warnings-as-errors', 'Treat warnings received from the server as errors and exit with a non-zero exit code'),
  // kubectl's other global flags: an impersonated UID (authorization here looks at the user and
  // groups only), transport, klog and profiling settings that the in-process API server has no use
  // for; they are accepted (a duration checked) so scripts that pass them run.
  new Option('--as-uid <uid>', 'UID to impersonate for the operation.'),
  new Option('--cache-dir <dir>', 'Default cache directory'),
  new Option('--certificate-authority <path>', 'Path to a cert file for the certificate authority'),
  new Option('--client-certificate <path>', 'Path to a client certificate file for TLS'),
  new Option('--client-key <path>', 'Path to a client key file for TLS'),
  new Option('--disable-compression', 'If true, opt-out of response compression for all requests to the server'),
  new Option('--insecure-skip-tls-verify', "If true, the server's certificate will not be checked for validity."),
  new Option('--tls-server-name <name>', 'Server name to use for server certificate validation.'),
  new Option('--match-server-version', 'Require server version to match client version'),
  new Option('--username <name>', 'Username for basic authentication to the API server'),
  new Option('--password <password>', 'Password for basic authentication to the API server'),
  // Registered through Go's flag package, whose value errors say only "parse error".
  new Option('--log-flush-frequency <duration>', 'Maximum number of seconds between log flushes').argParser((v: string) => {
    try {
      return durationFlag()(v);
    } catch {
      throw new InvalidArgumentError('parse error');
    }
  }),
  new Option('--vmodule <settings>', 'comma-separated list of pattern=N settings for file-filtered logging').argParser(vmodule),
  new Option('--profile <name>', 'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)'),
  new Option('--profile-output <file>', 'Name of the file to write the profile to'),
];

/** klog's -vmodule: comma-separated pattern=N, N a 32-bit integer. */
function vmodule(value: string): string {
  for (const pat of value.split(',')) {
    if (!pat) continue;
    const parts = pat.split('=');
    const ok = parts.length === 2 && parts[0] !== '' && /^[+-]?\d+$/.test(parts[1]) && Math.abs(Number(parts[1])) < 2 ** 31;
    if (!ok) throw new InvalidArgumentError('syntax error: expect comma-separated list of filename=N');
  }
  return value;
}

/** The profiles --profile names (Go's runtime/pprof), "none" first. */
const PROFILES = ['none', 'cpu', 'heap', 'goroutine', 'threadcreate', 'block', 'mutex', 'allocs'];

/** Global flags that take a value as the next word (so the words of a command line can be found without parsing it). */
export const GLOBAL_VALUE_FLAGS: ReadonlySet<string> = new Set(GLOBAL_FLAGS.filter((o) => o.required).flatMap((o) => [o.short, o.long].filter((f): f is string => !!f)));

/** The words of a command line before `--` that are not flags or global flags' values. */
export function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (GLOBAL_VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words;
}

export function addGlobalFlags(cmd: Command): Command {
  for (const global of GLOBAL_FLAGS) {
    if (cmd.options.some((o) => o.long === global.long)) continue;
    // A command's own flag with the same letter keeps it; the global one is then long-only.
    const shortTaken = !!global.short && cmd.options.some((o) => o.short === global.short);
    const copy = new Option(shortTaken ? global.flags.replace(/^-\w, /, '') : global.flags, global.description);
    if (global.parseArg) copy.argParser(global.parseArg);
    if (global.hidden) copy.hideHelp();
    cmd.addOption(copy);
  }
  return cmd;
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** pflag's StringSlice: repeatable and comma-separated. */
export function collectSlice(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').filter((v) => v !== '')];
}

/**
 * pflag's integer flags (strconv.ParseInt with base 0): decimal, 0x/0o/0b or a leading 0 for
 * octal, underscores between digits when a prefix is given; out of range for the flag's size.
 */
export function intFlag(bits: 32 | 64 = 64) {
  const syntax = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;
  const limit = 1n << BigInt(bits - 1);
  return (value: string): number => {
    const quoted = JSON.stringify(value);
    if (!syntax.test(value)) throw new InvalidArgumentError(`strconv.ParseInt: parsing ${quoted}: invalid syntax`);
    const digits = value.replace(/^[+-]/, '').replace(/_/g, '');
    const n = BigInt(/^0[0-7]/.test(digits) ? '0o' + digits.slice(1) : digits);
    const signed = value.startsWith('-') ? -n : n;
    if (signed < -limit || signed >= limit) throw new InvalidArgumentError(`strconv.ParseInt: parsing ${quoted}: value out of range`);
    return Number(signed);
  };
}

export { parseGoBool } from './command';

/** The command path kubectl prints in hints: "get", "rollout status". */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function globalFlags(opts: Record<string, any>): GlobalFlags {
  return {
    namespace: opts.namespace,
    context: opts.context,
    kubeconfig: opts.kubeconfig,
    cluster: opts.cluster,
    user: opts.user,
    server: opts.server,
    token: opts.token,
    requestTimeout: opts.requestTimeout,
    as: opts.as,
    asGroup: opts.asGroup,
    v: opts.v,
    warningsAsErrors: !!opts.warningsAsErrors,
  };
}

/** Wraps a command's action with context creation. */
export function action(ctx: CommandContext, fn: Action) {
  return async (...params: unknown[]) => {
    const cmd = params[params.length - 1] as Command;
    const opts = cmd.optsWithGlobals();
    const c = ctx.withFlags({ ...globalFlags(opts), command: commandPath(cmd) });
    // kubectl's PersistentPreRunE starts profiling first: an unknown profile fails the command
    // (pocketkube writes no profile for the others: it has no Go runtime to sample).
    if (opts.profile !== undefined && !PROFILES.includes(opts.profile)) {
      klogCommandFailed(c, `unknown profile '${opts.profile}'`);
      throw new ExitCode(1);
    }
    await fn(c, cmd.args, opts, cmd);
    // kubectl's PersistentPostRunE: a command that succeeded fails if the server warned.
    const warned = c.serverWarnings;
    if (c.flags.warningsAsErrors && warned) throw new CliError(`${warned} warning${warned === 1 ? '' : 's'} received`);
  };
}

/**
 * A command group (set, rollout): alone it prints its help text (kubectl's, unless one is given)
 * and fails, as cobra's DefaultSubCommandRun does (to the stream each group gives it); an unknown
 * subcommand is reported as cobra does.
 */
export function commandGroup(program: Command, ctx: CommandContext, name: string, description: string, help: { text?: string; stream: 'out' | 'err' }): Command {
  const group = addGlobalFlags(program.command(name).description(description).argument('[args...]'));
  group.action((args: string[]) => {
    if (args.length) throw new RawError(unknownCommandText(program, group, args[0]));
    const text = help.text ?? (require('./help') as typeof import('./help')).helpText(commandPath(group), group, ctx.helpEnv());
    ctx.io[help.stream].write(text);
    throw new ExitCode(1);
  });
  return group;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** cobra's suggestions: close by edit distance, or the typed word is a prefix. */
function suggestions(root: Command, typed: string): string[] {
  const t = typed.toLowerCase();
  return root.commands
    .map((c) => c.name())
    .filter((n) => levenshtein(t, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(t));
}

function unknownCommandText(root: Command, parent: Command, typed: string): string {
  if (parent !== root) return `error: unknown command ${JSON.stringify(typed)}\nSee 'kubectl ${commandPath(parent)} -h' for help and examples\n`;
  const s = suggestions(root, typed);
  let text = `Error: unknown command ${JSON.stringify(typed)} for "kubectl"\n`;
  if (s.length) text += `\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}\n`;
  return text;
}

/** Rewrites pflag syntax the parser does not know: -o=yaml (a short flag's value after "="). */
export function normalizeArgv(argv: string[], root: Command): string[] {
  const out: string[] = [];
  let cmd = root;
  let afterDashDash = false;
  for (const arg of argv) {
    if (afterDashDash) {
      out.push(arg);
      continue;
    }
    if (arg === '--') {
      afterDashDash = true;
      out.push(arg);
      continue;
    }
    if (!arg.startsWith('-')) {
      const sub = cmd.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
      if (sub) cmd = sub;
      out.push(arg);
      continue;
    }
    const short = /^-([a-zA-Z])=(.*)$/s.exec(arg);
    const opt = short ? [...cmd.options, ...root.options].find((o) => o.short === `-${short[1]}`) : undefined;
    // Booleans keep "=" (the parser reads -A=false as one word).
    if (short && opt && (opt.required || opt.optional)) out.push(`-${short[1]}`, short[2]);
    else out.push(arg);
  }
  return out;
}

/** The subcommand an argv selects (for error hints). */
function selectedCommand(root: Command, argv: string[]): Command {
  let cmd = root;
  // A global flag's value (--kubeconfig FILE config view) names no command.
  for (const a of commandWords(argv)) {
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) break;
    cmd = sub;
  }
  return cmd;
}

/** Commands that report flag errors their own way (cobra's SetFlagErrorFunc), e.g. diff. */
const flagErrorHandlers = new WeakMap<Command, (message: string) => Error>();

export function onFlagError(cmd: Command, handler: (message: string) => Error): void {
  flagErrorHandlers.set(cmd, handler);
}

/** pflag's message for a flag the parser rejected, without cobra's "Error: " and hint. */
function flagErrorMessage(e: CommandLineError): string | undefined {
  switch (e.code) {
    case 'unknownOption':
      if (/^-[^-]/.test(e.word)) return `unknown shorthand flag: '${e.word[1]}' in ${e.word}`;
      return `unknown flag: ${e.word.split('=')[0]}`;
    case 'optionMissingArgument':
      if (/^-[^-]$/.test(e.word)) return `flag needs an argument: '${e.word[1]}' in ${e.word}`;
      return `flag needs an argument: ${e.word}`;
    case 'invalidArgument':
      return `invalid argument ${JSON.stringify(e.word)} for "${e.option!.spelling()}" flag: ${e.reason}`;
  }
  return undefined;
}

/** Words the parser's failures as cobra does. */
export function translateParseError(e: CommandLineError, root: Command, argv: string[]): Error {
  const cmd = selectedCommand(root, argv);
  const hint = `See '${['kubectl', commandPath(cmd)].filter(Boolean).join(' ')} --help' for usage.\n`;
  const flagMessage = flagErrorMessage(e);
  if (flagMessage !== undefined) return flagErrorHandlers.get(cmd)?.(flagMessage) ?? new RawError(`Error: ${flagMessage}\n${hint}`);
  switch (e.code) {
    case 'unknownCommand':
      return new RawError(unknownCommandText(root, cmd, e.word));
    case 'excessArguments':
      return new CliError(`Unexpected args: [${cmd.args.join(' ')}]`, commandPath(cmd));
    case 'help':
      return new RawError('', 0);
    default:
      return new CliError(e.message.replace(/^error: /, ''));
  }
}
