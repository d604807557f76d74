// config current-context | get-contexts | set-context | use-context | rename-context | delete-context.
import { compareCodePoints } from '../../../api/meta/codepoint';
import { GET_TABWRITER, tabwrite } from '../../../printers/tabwriter';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import type { NamedContext } from '../../kubeconfig';
import { action, addGlobalFlags } from '../../program';
import { chainOf, configFileName, helpAnd, upsertEntry } from './shared';
import { outputOption } from '../../flags/groups';

export function registerContexts(config: Command, ctx: CommandContext): void {
  addGlobalFlags(config.command('current-context').description('Display the current-context')).action(
    action(ctx, (c) => {
      const current = chainOf(c).merged().currentContext;
      if (!current) throw new CliError('current-context is not set');
      c.io.out.write(current + '\n');
    }),
  );

  addGlobalFlags(
    config
      .command('get-contexts')
      .description('Describe one or many contexts')
      .argument('[names...]')
      .option('--no-headers', "When using the default or custom-column output format, don't print headers (default print headers).")
      .addOption(outputOption('Output format. One of: (name).')),
  ).action(
    action(ctx, (c, args, opts) => {
      if (opts.output !== undefined && opts.output !== 'name') throw new CliError(`output must be one of '' or 'name': ${opts.output}`);
      const kc = chainOf(c).merged();
      const found: NamedContext[] = [];
      const missing: string[] = [];
      for (const name of args) {
        const x = kc.context(name);
        if (x) found.push(x);
        else missing.push(name);
      }
      // kubectl prints them sorted by name (sort.Strings).
      const shown = (args.length ? found : [...kc.data.contexts]).sort((a, b) => compareCodePoints(a.name, b.name));
      if (opts.output === 'name') {
        for (const x of shown) c.io.out.write(`${x.name}\n`);
      } else {
        const rows = opts.headers === false ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE'];
        for (const x of shown) rows.push([x.name === kc.currentContext ? '*' : '', x.name, x.context.cluster, x.context.user, x.context.namespace ?? ''].join('\t'));
        if (rows.length) c.io.out.write(tabwrite(rows.join('\n') + '\n', GET_TABWRITER));
      }
      const notFound = missing.map((n) => `context ${n} not found`);
      if (notFound.length) throw new CliError(notFound.length === 1 ? notFound[0] : `[${notFound.join(', ')}]`);
    }),
  );

  const setContext = addGlobalFlags(
    config
      .command('set-context')
      .description('Set a context entry in kubeconfig')
      .argument('[name]')
      .option('--current', 'Modify the current context')
      .option('--cluster <cluster>', 'cluster for the context entry in kubeconfig')
      .option('--user <user>', 'user for the context entry in kubeconfig')
      .option('--namespace <namespace>', 'namespace for the context entry in kubeconfig'),
  );
  setContext.action(
    action(ctx, (c, args, opts) => {
      const chain = chainOf(c);
      const next = chain.editable();
      if (opts.current && args.length) throw new CliError('you cannot specify both a context name and --current');
      const name = opts.current ? next['current-context'] : args[0];
      if (!name) throw new CliError(opts.current ? 'no current context is set' : 'you must specify a non-empty context name or --current');
      const existing = next.contexts.find((x) => x.name === name);
      const entry = { ...(existing?.context ?? { cluster: '', user: '' }) };
      if (opts.cluster !== undefined) entry.cluster = opts.cluster;
      if (opts.user !== undefined) entry.user = opts.user;
      if (opts.namespace !== undefined) entry.namespace = opts.namespace;
      upsertEntry(next.contexts, { name, context: entry });
      chain.save(next);
      c.io.out.write(`Context ${JSON.stringify(name)} ${existing ? 'modified' : 'created'}.\n`);
    }),
  );

  const use = addGlobalFlags(config.command('use-context').alias('use').description('Set the current-context in a kubeconfig file').argument('[name]'));
  use.action(
    action(ctx, (c, args) => {
      if (args.length !== 1) helpAnd(c, use, 'unexpected-args');
      const chain = chainOf(c);
      const next = chain.editable();
      const name = args[0];
      if (!next.contexts.some((x) => x.name === name)) throw new CliError(`no context exists with the name: ${JSON.stringify(name)}`);
      next['current-context'] = name;
      chain.save(next);
      c.io.out.write(`Switched to context ${JSON.stringify(name)}.\n`);
    }),
  );

  const rename = addGlobalFlags(config.command('rename-context').description('Rename a context from the kubeconfig file').argument('[names...]'));
  rename.action(
    action(ctx, (c, args) => {
      if (args.length !== 2) helpAnd(c, rename, 'unexpected-args');
      const [from, to] = args;
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
    }),
  );

  const del = addGlobalFlags(config.command('delete-context').description('Delete the specified context from the kubeconfig').argument('[name]'));
  del.action(
    action(ctx, (c, args) => {
      if (!args.length) helpAnd(c, del, 'ok');
      const name = args[0];
      const chain = chainOf(c);
      const next = chain.editable();
      const file = configFileName(chain);
      if (!next.contexts.some((x) => x.name === name)) throw new CliError(`cannot delete context ${name}, not in ${file}`);
      if (next['current-context'] === name) c.io.err.write('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
      next.contexts = next.contexts.filter((x) => x.name !== name);
      chain.save(next);
      c.io.out.write(`deleted context ${name} from ${file}\n`);
    }),
  );
}
