// kubectl config: the kubeconfig's contexts and the current namespace.
import type { Command } from '../command';
import { compareCodePoints } from '../../api/meta/codepoint';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter';
import { toJson } from '../../printers/json';
import { toYaml } from '../../printers/yaml';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { type KubeconfigData, Kubeconfig } from '../kubeconfig';
import { action, addGlobalFlags } from '../program';

function loadConfig(c: CommandContext): Kubeconfig {
  return c.homeKubeconfig() ?? Kubeconfig.empty(c.kubeconfigPath);
}

function redact(data: KubeconfigData): KubeconfigData {
  const hide = (o: Record<string, unknown>, keys: string[], text: string) => {
    const copy = { ...o };
    for (const k of keys) if (copy[k] !== undefined) copy[k] = text;
    return copy;
  };
  return {
    ...data,
    clusters: data.clusters.map((c) => ({ ...c, cluster: hide(c.cluster, ['certificate-authority-data'], 'DATA+OMITTED') as never })),
    users: data.users.map((u) => ({
      ...u,
      user: hide(hide(u.user, ['client-certificate-data', 'client-key-data'], 'DATA+OMITTED'), ['token', 'password'], 'REDACTED'),
    })),
  };
}

function minify(data: KubeconfigData, context: string | undefined): KubeconfigData {
  const name = context || data['current-context'];
  if (!name) throw new CliError('current-context must exist in order to minify');
  const ctx = data.contexts.find((x) => x.name === name);
  if (!ctx) throw new CliError(`cannot locate context ${name}`);
  return {
    ...data,
    'current-context': name,
    contexts: [ctx],
    clusters: data.clusters.filter((x) => x.name === ctx.context.cluster),
    users: data.users.filter((x) => x.name === ctx.context.user),
  };
}

export function register(program: Command, ctx: CommandContext): void {
  const config = addGlobalFlags(program.command('config').description('Modify kubeconfig files'));

  addGlobalFlags(
    config
      .command('view')
      .description('Display merged kubeconfig settings or a specified kubeconfig file')
      .option('--minify', 'Remove all information not used by current-context from the output')
      .option('--raw', 'Display raw byte data and sensitive data')
      .option('--flatten', 'Flatten the resulting kubeconfig file into self-contained output')
      .option('-o, --output <format>', 'Output format.', 'yaml'),
  ).action(
    action(ctx, (c, _args, opts) => {
      let data = loadConfig(c).data;
      if (opts.minify) data = minify(data, c.flags.context);
      if (!opts.raw) data = redact(data);
      const doc = { ...data, contexts: data.contexts.length ? data.contexts : null, clusters: data.clusters.length ? data.clusters : null, users: data.users.length ? data.users : null };
      if (opts.output === 'json') c.io.out.write(toJson(doc));
      else if (opts.output === 'yaml') c.io.out.write(toYaml(doc));
      else throw new CliError(`output format ${JSON.stringify(opts.output)} is not supported by pocketkube's config view yet`);
    }),
  );

  addGlobalFlags(config.command('current-context').description('Display the current-context')).action(
    action(ctx, (c) => {
      const current = loadConfig(c).currentContext;
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
      .option('-o, --output <format>', 'Output format. One of: (name).'),
  ).action(
    action(ctx, (c, args, opts) => {
      const kc = loadConfig(c);
      const contexts = args.length ? args.map((n) => kc.context(n) ?? n) : kc.data.contexts;
      const missing = contexts.filter((x): x is string => typeof x === 'string');
      // kubectl prints them sorted by name (sort.Strings).
      const found = (contexts.filter((x) => typeof x !== 'string') as typeof kc.data.contexts).sort((a, b) => compareCodePoints(a.name, b.name));
      if (opts.output === 'name') {
        for (const x of found) c.io.out.write(`${x.name}\n`);
      } else {
        const rows = opts.headers === false ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE'];
        for (const x of found)
          rows.push([x.name === kc.currentContext ? '*' : '', x.name, x.context.cluster, x.context.user, x.context.namespace ?? ''].join('\t'));
        if (rows.length) c.io.out.write(tabwrite(rows.join('\n') + '\n', GET_TABWRITER));
      }
      const notFound = missing.map((n) => `context ${n} not found`);
      if (notFound.length) throw new CliError(notFound.length === 1 ? notFound[0] : `[${notFound.join(', ')}]`);
    }),
  );

  addGlobalFlags(
    config
      .command('set-context')
      .description('Set a context entry in kubeconfig')
      .argument('[name]')
      .option('--current', 'Modify the current context')
      .option('--cluster <cluster>', 'cluster for the context entry in kubeconfig')
      .option('--user <user>', 'user for the context entry in kubeconfig'),
  ).action(
    action(ctx, (c, args, opts) => {
      const kc = loadConfig(c);
      if (opts.current && args.length) throw new CliError('you cannot specify both a context name and --current');
      const name = opts.current ? kc.currentContext : args[0];
      if (!name) throw new CliError(opts.current ? 'no current context is set' : 'you must specify a non-empty context name or --current');
      const existing = kc.context(name);
      const next = { ...(existing?.context ?? { cluster: '', user: '' }) };
      if (opts.cluster !== undefined) next.cluster = opts.cluster;
      if (opts.user !== undefined) next.user = opts.user;
      if (c.flags.namespace !== undefined) next.namespace = c.flags.namespace;
      kc.upsertContext({ name, context: next });
      kc.save();
      c.io.out.write(`Context ${JSON.stringify(name)} ${existing ? 'modified' : 'created'}.\n`);
    }),
  );

  addGlobalFlags(config.command('use-context').alias('use').description('Set the current-context in a kubeconfig file').argument('[name]')).action(
    action(ctx, (c, args) => {
      const kc = loadConfig(c);
      const name = args[0] ?? '';
      if (!kc.context(name)) throw new CliError(`no context exists with the name: ${JSON.stringify(name)}`);
      kc.data['current-context'] = name;
      kc.save();
      c.io.out.write(`Switched to context ${JSON.stringify(name)}.\n`);
    }),
  );
}
