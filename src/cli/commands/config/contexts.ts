// config current-context | get-contexts | set-context | use-context | rename-context | delete-context.
import { compareCodePoints } from '../../../api/meta/codepoint';
import { GET_TABWRITER, tabwrite } from '../../../printers/tabwriter';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError, MultiError } from '../../errors';
import type { NamedContext } from '../../kubeconfig';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { type EntryOptions, chainOf, configFileName, exactArgs, helpAnd, unexpectedArgs, upsertEntry } from './shared';
import { outputOption } from '../../flags/groups';

const currentContextVerb: Verb<void> = {
  complete() {},

  run(c) {
    const current = chainOf(c).merged().currentContext;
    if (!current) throw new CliError('current-context is not set');
    c.io.out.write(current + '\n');
  },
};

export interface GetContextsOptions {
  /** The contexts asked for; none is all of them. */
  names: string[];
  /** -o as given: name, or the table. */
  output?: string;
  noHeaders: boolean;
}

const getContextsVerb: Verb<GetContextsOptions> = {
  complete: (_c, names, f) => ({ names, output: f.output, noHeaders: f.headers === false }),

  validate(o) {
    if (o.output !== undefined && o.output !== 'name') throw new CliError(`output must be one of '' or 'name': ${o.output}`);
  },

  run(c, o) {
    const kc = chainOf(c).merged();
    const found: NamedContext[] = [];
    const missing: string[] = [];
    for (const name of o.names) {
      const x = kc.context(name);
      if (x) found.push(x);
      else missing.push(name);
    }
    // kubectl prints them sorted by name (sort.Strings).
    const shown = (o.names.length ? found : [...kc.data.contexts]).sort((a, b) => compareCodePoints(a.name, b.name));
    if (o.output === 'name') {
      for (const x of shown) c.io.out.write(`${x.name}\n`);
    } else {
      const rows = o.noHeaders ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE'];
      for (const x of shown) rows.push([x.name === kc.currentContext ? '*' : '', x.name, x.context.cluster, x.context.user, x.context.namespace ?? ''].join('\t'));
      if (rows.length) c.io.out.write(tabwrite(rows.join('\n') + '\n', GET_TABWRITER));
    }
    // An aggregate: one error prints as "error: ...", several one per line, bare.
    if (missing.length) throw new MultiError(missing.map((n) => new CliError(`context ${n} not found`)));
  },
};

export interface SetContextOptions {
  /** The context's name, if given. */
  args: string[];
  current: boolean;
  /** The fields to set; undefined ones are kept. */
  cluster?: string;
  user?: string;
  namespace?: string;
}

const setContextVerb: Verb<SetContextOptions> = {
  complete(c, args, f, cmd) {
    if (args.length > 1) unexpectedArgs(c, cmd, args);
    return { args, current: !!f.current, cluster: f.cluster, user: f.user, namespace: f.namespace };
  },

  // Its checks follow reading the kubeconfig (whose failure is reported first).
  run(c, o) {
    const chain = chainOf(c);
    const next = chain.editable();
    if (o.current && o.args.length) throw new CliError('you cannot specify both a context name and --current');
    const name = o.current ? next['current-context'] : o.args[0];
    if (!name) throw new CliError(o.current ? 'no current context is set' : 'you must specify a non-empty context name or --current');
    const existing = next.contexts.find((x) => x.name === name);
    const entry = { ...(existing?.context ?? { cluster: '', user: '' }) };
    if (o.cluster !== undefined) entry.cluster = o.cluster;
    if (o.user !== undefined) entry.user = o.user;
    if (o.namespace !== undefined) entry.namespace = o.namespace;
    upsertEntry(next.contexts, { name, context: entry });
    chain.save(next);
    c.io.out.write(`Context ${JSON.stringify(name)} ${existing ? 'modified' : 'created'}.\n`);
  },
};

const useContextVerb: Verb<EntryOptions> = {
  complete(c, args, _f, cmd) {
    exactArgs(c, cmd, args, 1);
    return { name: args[0] };
  },

  run(c, o) {
    const chain = chainOf(c);
    const next = chain.editable();
    if (!next.contexts.some((x) => x.name === o.name)) throw new CliError(`no context exists with the name: ${JSON.stringify(o.name)}`);
    next['current-context'] = o.name;
    chain.save(next);
    c.io.out.write(`Switched to context ${JSON.stringify(o.name)}.\n`);
  },
};

export interface RenameContextOptions {
  from: string;
  to: string;
}

const renameContextVerb: Verb<RenameContextOptions> = {
  complete(c, args, _f, cmd) {
    exactArgs(c, cmd, args, 2);
    return { from: args[0], to: args[1] };
  },

  run(c, { from, to }) {
    const chain = chainOf(c);
    const next = chain.editable();
    const file = configFileName(chain);
    const i = next.contexts.findIndex((x) => x.name === from);
    if (i < 0) throw new CliError(`cannot rename the context ${JSON.stringify(from)}, it's not in ${file}`);
    if (next.contexts.some((x) => x.name === to)) throw new CliError(`cannot rename the context ${JSON.stringify(from)}, the context ${JSON.stringify(to)} already exists in ${file}`);
    next.contexts[i] = { ...next.contexts[i], name: to };
    if (next['current-context'] === from) next['current-context'] = to;
    chain.save(next);
    c.io.out.write(`Context ${JSON.stringify(from)} renamed to ${JSON.stringify(to)}.\n`);
  },
};

const deleteContextVerb: Verb<EntryOptions> = {
  complete(c, args, _f, cmd) {
    // kubectl reads the kubeconfig first, then answers anything but one name with its help.
    chainOf(c).merged();
    if (args.length !== 1) helpAnd(c, cmd, 'ok');
    return { name: args[0] };
  },

  run(c, { name }) {
    const chain = chainOf(c);
    const next = chain.editable();
    const file = configFileName(chain);
    if (!next.contexts.some((x) => x.name === name)) throw new CliError(`cannot delete context ${name}, not in ${file}`);
    if (next['current-context'] === name) c.io.err.write('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    next.contexts = next.contexts.filter((x) => x.name !== name);
    chain.save(next);
    c.io.out.write(`deleted context ${name} from ${file}\n`);
  },
};

export function registerContexts(config: Command, ctx: CommandContext): void {
  // kubectl ignores current-context's arguments.
  addGlobalFlags(config.command('current-context').description('Display the current-context').argument('[names...]')).action(verbAction(ctx, currentContextVerb));

  addGlobalFlags(
    config
      .command('get-contexts')
      .description('Describe one or many contexts')
      .argument('[names...]')
      .option('--no-headers', "When using the default or custom-column output format, don't print headers (default print headers).")
      .addOption(outputOption('Output format. One of: (name).')),
  ).action(verbAction(ctx, getContextsVerb));

  addGlobalFlags(
    config
      .command('set-context')
      .description('Set a context entry in kubeconfig')
      .argument('[names...]')
      .option('--current', 'Modify the current context')
      .option('--cluster <cluster>', 'cluster for the context entry in kubeconfig')
      .option('--user <user>', 'user for the context entry in kubeconfig')
      .option('--namespace <namespace>', 'namespace for the context entry in kubeconfig'),
  ).action(verbAction(ctx, setContextVerb));

  addGlobalFlags(config.command('use-context').alias('use').description('Set the current-context in a kubeconfig file').argument('[names...]')).action(verbAction(ctx, useContextVerb));

  addGlobalFlags(config.command('rename-context').description('Rename a context from the kubeconfig file').argument('[names...]')).action(verbAction(ctx, renameContextVerb));

  addGlobalFlags(config.command('delete-context').description('Delete the specified context from the kubeconfig').argument('[names...]')).action(verbAction(ctx, deleteContextVerb));
}
