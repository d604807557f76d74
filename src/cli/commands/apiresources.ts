// kubectl api-resources: the served resource types, as discovery lists them.
import type { Command } from '../command';
import { allTypes, apiVersionOf } from '../../api/registry';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { addGlobalFlags, collectSlice } from '../program';
import { type Verb, verbAction } from '../verb';
import { outputOption } from '../flags/groups';

export interface ApiResourcesOptions {
  output: '' | 'wide' | 'name';
  /** Set when --namespaced was given (kubectl filters only then). */
  namespaced?: boolean;
  apiGroup?: string;
  verbs: string[];
  categories: string[];
  sortBy?: string;
  headers: boolean;
}

const apiResourcesVerb: Verb<ApiResourcesOptions> = {
  complete(_c, _args, f, cmd) {
    const output = f.output ?? '';
    if (output && output !== 'wide' && output !== 'name') throw new CliError(`--output ${output} is not available`);
    return {
      output,
      namespaced: cmd.getOptionValueSource('namespaced') === 'cli' ? !!f.namespaced : undefined,
      apiGroup: f.apiGroup,
      verbs: f.verbs ?? [],
      categories: f.categories ?? [],
      sortBy: f.sortBy,
      headers: f.headers !== false,
    };
  },

  run(c, o) {
    c.cluster('read');
    let types = allTypes();
    if (o.namespaced !== undefined) types = types.filter((t) => t.namespaced === o.namespaced);
    if (o.apiGroup !== undefined) types = types.filter((t) => t.group === o.apiGroup);
    if (o.verbs.length) types = types.filter((t) => o.verbs.every((v) => t.verbs.includes(v)));
    if (o.categories.length) types = types.filter((t) => o.categories.every((v) => t.categories?.includes(v)));
    if (o.sortBy === 'name') types = [...types].sort((a, b) => (a.resource < b.resource ? -1 : 1));
    else if (o.sortBy === 'kind') types = [...types].sort((a, b) => (a.kind < b.kind ? -1 : 1));
    else if (o.sortBy) throw new CliError(`--sort-by accepts only name or kind`);
    if (o.output === 'name') {
      for (const t of types) c.io.out.write(`${t.resource}${t.group ? '.' + t.group : ''}\n`);
      return;
    }
    const wide = o.output === 'wide';
    const rows: string[] = [];
    if (o.headers) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
    for (const t of types) {
      const cells = [t.resource, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
      if (wide) cells.push(t.verbs.join(','), (t.categories ?? []).join(','));
      rows.push(cells.join('\t'));
    }
    c.io.out.write(tabwrite(rows.join('\n') + '\n', GET_TABWRITER));
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('api-resources')
      .description('Print the supported API resources on the server')
      .addOption(outputOption("Output format. One of: (wide, name)."))
      .option('--no-headers', "When using the default or custom-column output format, don't print headers (default print headers).")
      .option('--namespaced', 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.', true)
      .option('--api-group <group>', 'Limit to resources in the specified API group.')
      .option('--verbs <verbs>', 'Limit to resources that support the specified verbs.', collectSlice)
      .option('--categories <categories>', 'Limit to resources that belong to the specified categories.', collectSlice)
      .option('--sort-by <field>', "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.")
      .option('--cached', 'Use the cached list of resources if available.'),
  ).action(verbAction(ctx, apiResourcesVerb));
}
