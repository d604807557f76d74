// kubectl api-resources: the served resource types, as discovery lists them.
import type { Command } from '../command';
import { allTypes, apiVersionOf } from '../../api/registry';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { action, addGlobalFlags, collectSlice } from '../program';
import { outputOption } from '../flags/groups';

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('api-resources')
      .description('Print the supported API resources on the server')
      .addOption(outputOption("Output format. One of: (wide, name)."))
      .option('--no-headers', "When using the default or custom-column output format, don't print headers (default print headers).")
      .option('--namespaced <bool>', 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.')
      .option('--api-group <group>', 'Limit to resources in the specified API group.')
      .option('--verbs <verbs>', 'Limit to resources that support the specified verbs.', collectSlice)
      .option('--categories <categories>', 'Limit to resources that belong to the specified categories.', collectSlice)
      .option('--sort-by <field>', "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.")
      .option('--cached', 'Use the cached list of resources if available.'),
  ).action(
    action(ctx, (c, _args, opts) => {
      const output = opts.output ?? '';
      if (output && output !== 'wide' && output !== 'name') throw new CliError(`--output ${output} is not available`);
      c.cluster('read');
      let types = allTypes();
      if (opts.namespaced !== undefined) types = types.filter((t) => t.namespaced === (String(opts.namespaced) === 'true'));
      if (opts.apiGroup !== undefined) types = types.filter((t) => t.group === opts.apiGroup);
      if (opts.verbs?.length) types = types.filter((t) => opts.verbs.every((v: string) => t.verbs.includes(v)));
      if (opts.categories?.length) types = types.filter((t) => opts.categories.every((v: string) => t.categories?.includes(v)));
      if (opts.sortBy === 'name') types = [...types].sort((a, b) => (a.resource < b.resource ? -1 : 1));
      else if (opts.sortBy === 'kind') types = [...types].sort((a, b) => (a.kind < b.kind ? -1 : 1));
      else if (opts.sortBy) throw new CliError(`--sort-by accepts only name or kind`);
      if (output === 'name') {
        for (const t of types) c.io.out.write(`${t.resource}${t.group ? '.' + t.group : ''}\n`);
        return;
      }
      const wide = output === 'wide';
      const rows: string[] = [];
      if (opts.headers !== false) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
      for (const t of types) {
        const cells = [t.resource, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
        if (wide) cells.push(t.verbs.join(','), (t.categories ?? []).join(','));
        rows.push(cells.join('\t'));
      }
      c.io.out.write(tabwrite(rows.join('\n') + '\n', GET_TABWRITER));
    }),
  );
}
