// The command tree and its parser. Commands are declared with the builder vocabulary the verbs
// use (command, argument, option, action) and parsed by cobra's and pflag's rules: the first word
// that is no flag names the subcommand (a parent's own flags are not its subcommands'), a
// command's flags are recognised wherever they stand, booleans take a value only after "=", and
// `--` ends the flags. It replaced the commander library, which on every
// command cost about 3 ms to load and run (its source is a sixth of the startup bundle) for the
// few rules kept here; what kubectl's syntax adds on top (pflag's `-o=yaml`, `--flag=false`,
// cobra's messages) stays in program.ts.

/** What went wrong, for program.ts to word as cobra does. */
export type CommandLineErrorCode =
  | 'unknownOption'
  | 'optionMissingArgument'
  | 'invalidArgument'
  | 'unknownCommand'
  | 'missingArgument'
  | 'excessArguments'
  /** Help was printed (asked for, or a command group run without a subcommand). */
  | 'help';

export class CommandLineError extends Error {
  constructor(
    readonly code: CommandLineErrorCode,
    message: string,
    /** The word at fault: the flag as typed, the unknown command, the missing argument's name. */
    readonly word = '',
    /** The option concerned (a missing or invalid value). */
    readonly option?: Option,
    /** Why a value was refused (the parser's own message). */
    readonly reason = '',
  ) {
    super(message);
  }
}

/** Thrown by a flag's value parser: the value is refused, for the reason given. */
export class InvalidArgumentError extends Error {}

type Parser = (value: any, previous: any) => unknown;

/** A flag: `-n, --namespace <namespace>` (a value), `--dry-run [strategy]` (maybe one), `--all` (none), `--no-headers` (false). */
export class Option {
  readonly short?: string;
  readonly long?: string;
  /** A value must follow. */
  readonly required: boolean;
  /** A value may follow. */
  readonly optional: boolean;
  /** `--no-x`: sets x to false. */
  readonly negate: boolean;
  defaultValue?: unknown;
  parseArg?: Parser;
  hidden = false;
  /** Made once: attributeName() is asked for every flag given. */
  private readonly key: string;

  constructor(
    readonly flags: string,
    readonly description = '',
  ) {
    this.required = flags.includes('<');
    this.optional = flags.includes('[');
    // "-n, --namespace <namespace>": words apart by spaces, the flags' ended by commas.
    for (const part of flags.split(' ')) {
      const word = part.endsWith(',') ? part.slice(0, -1) : part;
      if (word.length === 2 && word[0] === '-' && word[1] !== '-') this.short ??= word;
      else if (word.startsWith('--')) this.long ??= word;
    }
    if (!this.short && !this.long) throw new Error(`option '${flags}' names no flag`);
    this.negate = this.long?.startsWith('--no-') ?? false;
    this.key = camel(this.negate ? this.name().slice(3) : this.name());
  }

  default(value: unknown): this {
    this.defaultValue = value;
    return this;
  }

  argParser(fn: Parser): this {
    this.parseArg = fn;
    return this;
  }

  hideHelp(): this {
    this.hidden = true;
    return this;
  }

  /** The flag's name: its long form without dashes, else its short one. */
  name(): string {
    return this.long ? this.long.slice(2) : this.short!.slice(1);
  }

  /** The key of its value: `--as-group` -> asGroup, `--no-headers` -> headers. */
  attributeName(): string {
    return this.key;
  }

  /** A flag that takes no value and sets true. */
  isBoolean(): boolean {
    return !this.required && !this.optional && !this.negate;
  }

  /** The flag as help and messages show it, without its value: "-r, --replicas". */
  spelling(): string {
    return this.flags.replace(/ <[^>]*>$/, '');
  }
}

/** Go's strconv.ParseBool; undefined when the text is not a boolean. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** "as-group" -> "asGroup" (each dash dropped, the character after it in upper case). */
function camel(name: string): string {
  if (!name.includes('-')) return name;
  let out = '';
  for (let i = 0; i < name.length; i++) out += name[i] === '-' && i + 1 < name.length && name[i + 1] !== '-' ? name[++i].toUpperCase() : name[i];
  return out;
}

/** A declared operand: `<file>` (required), `[name]` (optional), `[args...]` (the rest). */
interface Argument {
  name: string;
  required: boolean;
  variadic: boolean;
  display: string;
  description: string;
}

type Action = (...params: any[]) => unknown;

interface Output {
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
}

const HELP_FLAGS = new Set(['-h', '--help']);
const HELP_LINE = { flags: '-h, --help', description: 'display help for command' };
/** The help flag as pflag names it in its errors ("-h, --help"); the parser declares it on no command. */
const HELP_OPTION = new Option('-h, --help', 'help for the command');
const NEGATIVE_NUMBER = /^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/;

export class Command {
  parent: Command | null = null;
  readonly commands: Command[] = [];
  readonly options: Option[] = [];
  /** After parsing: the words left to this command (its operands, then whatever it did not recognise). */
  args: string[] = [];
  /** On the root, after parsing: the command line as given. */
  rawArgs: string[] = [];
  private readonly byFlag = new Map<string, Option>();
  private readonly declared: Argument[] = [];
  private readonly values: Record<string, unknown> = {};
  private readonly sources: Record<string, 'default' | 'cli'> = {};
  private readonly aliasList: string[] = [];
  private about = '';
  private handler?: Action;
  private output?: Output;
  /** cobra's rule for a command with flags and subcommands (apply): its subcommand is found first and parses every flag. */
  private routesFirst = false;

  constructor(private commandName = '') {}

  /** A subcommand, returned for its own declarations. */
  command(name: string): Command {
    const sub = new Command(name);
    sub.parent = this;
    this.commands.push(sub);
    return sub;
  }

  name(): string {
    return this.commandName;
  }

  alias(alias: string): this {
    this.aliasList.push(alias);
    return this;
  }

  aliases(): string[] {
    return this.aliasList;
  }

  description(): string;
  description(text: string): this;
  description(text?: string): this | string {
    if (text === undefined) return this.about;
    this.about = text;
    return this;
  }

  /** The declared operands as usage shows them ("[name] [args...]"). */
  usageArguments(): string {
    return this.declared.map((a) => a.display).join(' ');
  }

  argument(spec: string, description = ''): this {
    const variadic = spec.endsWith('...>') || spec.endsWith('...]');
    const name = spec.slice(1, variadic ? -4 : -1);
    this.declared.push({ name, required: spec.startsWith('<'), variadic, display: spec, description });
    return this;
  }

  /** A flag; the third argument is its value parser (then the fourth its default) or its default. */
  option(flags: string, description?: string, parserOrDefault?: unknown, defaultValue?: unknown): this {
    const opt = new Option(flags, description);
    if (typeof parserOrDefault === 'function') opt.argParser(parserOrDefault as Parser).default(defaultValue);
    else opt.default(parserOrDefault);
    return this.addOption(opt);
  }

  addOption(opt: Option): this {
    for (const flag of [opt.short, opt.long])
      if (flag && this.byFlag.has(flag)) throw new Error(`option '${opt.flags}' of command '${this.commandName}' repeats the flag '${flag}'`);
    if (opt.short) this.byFlag.set(opt.short, opt);
    if (opt.long) this.byFlag.set(opt.long, opt);
    this.options.push(opt);
    const key = opt.attributeName();
    // `--no-x` alone makes x default to true; beside `--x`, x keeps that option's default.
    if (opt.negate) {
      if (!this.byFlag.has(`--${opt.long!.slice(5)}`)) this.setValue(key, opt.defaultValue ?? true, 'default');
    } else if (opt.defaultValue !== undefined) this.setValue(key, opt.defaultValue, 'default');
    return this;
  }

  action(fn: Action): this {
    this.handler = fn;
    return this;
  }

  /**
   * Finds the subcommand before parsing any flag, as cobra does, so that a command and its
   * subcommands may declare the same flags (`apply -f` and `apply set-last-applied -f`).
   */
  subcommandsFirst(): this {
    this.routesFirst = true;
    return this;
  }

  /** Where help goes; subcommands use their root's. */
  configureOutput(output: Output): this {
    this.output = output;
    return this;
  }

  /** This command's flag values, by attribute name. */
  opts(): Record<string, any> {
    return this.values;
  }

  /** This command's flag values with its ancestors' (an ancestor's value wins, as it was parsed first). */
  optsWithGlobals(): Record<string, any> {
    // The subcommand parsed the line (its ancestors kept only their defaults), so its values win.
    const chain: Command[] = [];
    for (let c: Command | null = this; c; c = c.parent) chain.unshift(c);
    return Object.assign({}, ...chain.map((c) => c.values));
  }

  /** Whether a flag's value came from the command line or its default. */
  getOptionValueSource(key: string): 'default' | 'cli' | undefined {
    return this.sources[key];
  }

  /** Parses the command line (without the program's name) and runs the selected command's action. */
  async parseAsync(argv: string[]): Promise<this> {
    this.rawArgs = argv.slice();
    await this.parseCommand([], argv);
    return this;
  }

  /** commander's usage text: usage line, description, flags, subcommands. */
  helpInformation(): string {
    const path: string[] = [];
    for (let c: Command | null = this; c; c = c.parent) path.unshift(c.commandName);
    const usage = [...path, '[options]', ...(this.commands.length ? ['[command]'] : []), ...this.declared.map((a) => a.display)].join(' ');
    const operands = this.declared.filter((a) => a.description).map((a) => [a.name, a.description]);
    const rows = [...this.options.filter((o) => !o.hidden), HELP_LINE].map((o) => [o.flags, o.description]);
    const commands = this.commands.map((c) => [[c.commandName, ...c.declared.map((a) => a.display)].join(' '), c.about]);
    const width = Math.max(...[...operands, ...rows, ...commands].map(([left]) => left.length));
    const list = (title: string, items: string[][]) => (items.length ? `\n${title}:\n${items.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`.trimEnd()).join('\n')}\n` : '');
    return `Usage: ${usage}\n${this.about ? `\n${this.about}\n` : ''}${list('Arguments', operands)}${list('Options', rows)}${list('Commands', commands)}`;
  }

  /** The command at the top of the tree (whose rawArgs hold the command line). */
  root(): Command {
    let c: Command = this;
    while (c.parent) c = c.parent;
    return c;
  }

  private setValue(key: string, value: unknown, source: 'default' | 'cli'): void {
    this.values[key] = value;
    this.sources[key] = source;
  }

  private findCommand(name: string | undefined): Command | undefined {
    return name === undefined ? undefined : this.commands.find((c) => c.commandName === name || c.aliasList.includes(name));
  }

  /** A negative number is an operand unless a flag of this command or an ancestor is a digit. */
  private isNegativeNumber(arg: string): boolean {
    if (!NEGATIVE_NUMBER.test(arg)) return false;
    for (let c: Command | null = this; c; c = c.parent) if (c.options.some((o) => o.short && /^-\d$/.test(o.short))) return false;
    return true;
  }

  private async parseCommand(operands: string[], rest: string[]): Promise<void> {
    // cobra finds the subcommand before any flag is parsed, so a parent's own flags never reach
    // its subcommands (only the global flags every command declares do).
    const routed = this.routesFirst || this.commands.length ? this.route(operands, rest) : undefined;
    if (routed) return routed.sub.parseCommand(routed.operands, routed.rest);
    const parsed = this.parseOptions(rest);
    operands = operands.concat(parsed.operands);
    const unknown = parsed.unknown;
    this.args = operands.concat(unknown);
    const sub = this.findCommand(operands[0]);
    if (sub) return sub.parseCommand(operands.slice(1), unknown);
    if (this.commands.length && !this.args.length && !this.handler) this.help(true);
    if (unknown.some((a) => HELP_FLAGS.has(a))) this.help(false);
    const firstUnknown = () => {
      if (unknown.length) throw new CommandLineError('unknownOption', `error: unknown option '${unknown[0]}'`, unknown[0]);
    };
    if (this.handler) {
      firstUnknown();
      const params = this.operandValues();
      await this.handler(...params, this.values, this);
    } else if (operands.length && this.commands.length) {
      throw new CommandLineError('unknownCommand', `error: unknown command '${this.args[0]}'`, this.args[0]);
    } else {
      firstUnknown();
      if (this.commands.length) this.help(true);
      this.operandValues();
    }
  }

  /**
   * cobra's Find: the first word that is no flag (nor a value of one of this command's flags)
   * names the subcommand, which gets the line without it.
   */
  private route(operands: string[], rest: string[]): { sub: Command; operands: string[]; rest: string[] } | undefined {
    if (operands.length) {
      const sub = this.findCommand(operands[0]);
      return sub && { sub, operands: operands.slice(1), rest };
    }
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i];
      if (arg === '--') return undefined;
      if (arg.length > 1 && arg[0] === '-') {
        if (!arg.includes('=') && this.byFlag.get(arg)?.required) i++;
        continue;
      }
      const sub = this.findCommand(arg);
      return sub && { sub, operands: [], rest: [...rest.slice(0, i), ...rest.slice(i + 1)] };
    }
    return undefined;
  }

  /** Prints help: asked for (to standard output, success) or because a subcommand is missing (to standard error, failure). */
  private help(error: boolean): never {
    const output = this.output ?? this.root().output;
    (error ? output?.writeErr : output?.writeOut)?.(this.helpInformation());
    throw new CommandLineError('help', '(outputHelp)');
  }

  /** The declared operands' values, after checking there are enough and not too many. */
  private operandValues(): unknown[] {
    const args = this.args;
    this.declared.forEach((a, i) => {
      if (a.required && args[i] == null) throw new CommandLineError('missingArgument', `error: missing required argument '${a.name}'`, a.name);
    });
    const last = this.declared[this.declared.length - 1];
    if (!last?.variadic && args.length > this.declared.length) {
      const n = this.declared.length;
      const where = this.parent ? ` for '${this.commandName}'` : '';
      throw new CommandLineError('excessArguments', `error: too many arguments${where}. Expected ${n} argument${n === 1 ? '' : 's'} but got ${args.length}.`);
    }
    return this.declared.map((a, i) => (a.variadic ? args.slice(i) : args[i]));
  }

  /**
   * Takes this command's flags out of `args`: what is left are operands (up to the first word
   * that looks like a flag it does not know) and the unknown rest, which a subcommand parses.
   */
  private parseOptions(args: string[]): { operands: string[]; unknown: string[] } {
    const operands: string[] = [];
    const unknown: string[] = [];
    let dest = operands;
    const maybeFlag = (arg: string) => arg.length > 1 && arg[0] === '-';
    let group: string | undefined;
    let i = 0;
    while (i < args.length || group !== undefined) {
      const arg = group ?? args[i++];
      group = undefined;
      if (arg === '--') {
        if (dest === unknown) dest.push(arg);
        dest.push(...args.slice(i));
        break;
      }
      if (maybeFlag(arg)) {
        const opt = this.byFlag.get(arg);
        if (opt) {
          if (opt.required) {
            if (i >= args.length) throw new CommandLineError('optionMissingArgument', `error: option '${opt.flags}' argument missing`, arg, opt);
            this.given(opt, args[i++]);
          } else if (opt.optional) {
            // An optional value is the next word, unless that looks like a flag.
            const next = args[i];
            this.given(opt, next !== undefined && (!maybeFlag(next) || this.isNegativeNumber(next)) ? args[i++] : null);
          } else this.given(opt, undefined);
          continue;
        }
      }
      // pflag's booleans take a value only after "=": --flag=false, -A=true, --no-headers=false.
      const boolean = /^(--[^=]+|-[^-])=(.*)$/s.exec(arg);
      // -h/--help is every command's boolean flag (cobra adds it). Help was asked for, or not,
      // before parsing (help/request.ts); what is left is a value pflag cannot parse, refused in
      // its turn unless a flag it did not know came first.
      if (boolean && HELP_FLAGS.has(boolean[1]) && !this.byFlag.has(boolean[1]) && dest === operands) {
        if (parseGoBool(boolean[2]) === undefined)
          throw new CommandLineError('invalidArgument', `error: option '-h, --help' argument '${boolean[2]}' is invalid.`, boolean[2], HELP_OPTION, `strconv.ParseBool: parsing ${JSON.stringify(boolean[2])}: invalid syntax`);
        continue;
      }
      const switchOpt = boolean ? this.byFlag.get(boolean[1]) : undefined;
      if (switchOpt && (switchOpt.isBoolean() || switchOpt.negate)) {
        const v = parseGoBool(boolean![2]);
        if (v === undefined)
          throw new CommandLineError('invalidArgument', `error: option '${switchOpt.flags}' argument '${boolean![2]}' is invalid.`, boolean![2], switchOpt, `strconv.ParseBool: parsing ${JSON.stringify(boolean![2])}: invalid syntax`);
        this.setValue(switchOpt.attributeName(), switchOpt.negate ? !v : v, 'cli');
        continue;
      }
      // -abc: -a, then -bc; -nvalue: -n with the value "value".
      if (arg.length > 2 && arg[0] === '-' && arg[1] !== '-') {
        const opt = this.byFlag.get(`-${arg[1]}`);
        if (opt) {
          if (opt.required || opt.optional) this.given(opt, arg.slice(2));
          else {
            this.given(opt, undefined);
            group = `-${arg.slice(2)}`;
          }
          continue;
        }
      }
      // --flag=value
      const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
      if (eq > 2) {
        const opt = this.byFlag.get(arg.slice(0, eq));
        if (opt && (opt.required || opt.optional)) {
          this.given(opt, arg.slice(eq + 1));
          continue;
        }
      }
      // The first flag this command does not know sends it and all after it to the subcommand.
      if (dest === operands && maybeFlag(arg) && !(this.commands.length === 0 && this.isNegativeNumber(arg))) dest = unknown;
      dest.push(arg);
    }
    return { operands, unknown };
  }

  /** A flag given on the command line: its value parsed (undefined: none; null: an optional value left out). */
  private given(opt: Option, value: string | null | undefined): void {
    const key = opt.attributeName();
    let v: unknown = value;
    if (value !== null && opt.parseArg) {
      try {
        v = opt.parseArg(value, this.values[key]);
      } catch (e) {
        if (!(e instanceof InvalidArgumentError)) throw e;
        throw new CommandLineError('invalidArgument', `error: option '${opt.flags}' argument '${value}' is invalid. ${e.message}`, value ?? '', opt, e.message);
      }
    }
    if (v == null) v = opt.negate ? false : opt.isBoolean() || opt.optional ? true : '';
    this.setValue(key, v, 'cli');
  }
}
