// config view: the merged kubeconfig (or the one file with --merge=false), minified, flattened,
// redacted unless --raw or --flatten, in any of kubectl's structured formats.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goJsonCompact } from '../../../api/meta/canonical';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { type OutputFormat, parseOutput, printGoTemplate, printJsonPath } from '../../flags/output';
import { Kubeconfig, type KubeconfigData } from '../../kubeconfig';
import { configDocument, configJson, configYaml } from '../../kubeconfig/serialize';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { chainOf } from './shared';
import { outputOption } from '../../flags/groups';

/** kubectl's ShortenConfig: certificate data omitted, secrets redacted. */
function redact(data: KubeconfigData): KubeconfigData {
  const hide = (o: Record<string, unknown>, keys: string[], text: string) => {
    const copy = { ...o };
    for (const k of keys) if (copy[k] !== undefined && copy[k] !== '') copy[k] = text;
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

/** kubectl's MinifyConfig: the current (or --context) context alone, with its cluster and user. */
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

/** kubectl's FlattenConfig: files the config names are read into their -data fields. */
function flatten(data: KubeconfigData, baseDir: string): KubeconfigData {
  const inline = (o: Record<string, unknown>, key: string) => {
    const file = o[key];
    if (typeof file !== 'string' || !file) return o;
    const full = path.isAbsolute(file) ? file : path.join(baseDir, file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(full);
    } catch {
      throw new CliError(`open ${full}: no such file or directory`);
    }
    const { [key]: _gone, ...rest } = o;
    return { ...rest, [`${key}-data`]: bytes.toString('base64') };
  };
  return {
    ...data,
    clusters: data.clusters.map((c) => ({ ...c, cluster: inline(c.cluster, 'certificate-authority') as never })),
    users: data.users.map((u) => ({ ...u, user: inline(inline(u.user, 'client-certificate'), 'client-key') })),
  };
}

export interface ViewOptions {
  output: OutputFormat;
  /** --merge=false: the one file writes go to, as it is. */
  merge: boolean;
  minify: boolean;
  flatten: boolean;
  raw: boolean;
}

const viewVerb: Verb<ViewOptions> = {
  complete(_c, args, f) {
    // kubectl's Complete refuses arguments before it reads any flag or file.
    if (args.length) throw new CliError(`unexpected arguments: [${args.join(' ')}]`, 'config view');
    return {
      output: parseOutput(f.output, false, { template: f.template, allowMissingTemplateKeys: f.allowMissingTemplateKeys }),
    merge: f.merge !== false,
    minify: !!f.minify,
    flatten: !!f.flatten,
    raw: !!f.raw,
    };
  },

  run(c, o) {
    const chain = chainOf(c);
    let data = o.merge ? chain.merged().data : (Kubeconfig.load(chain.defaultFile) ?? Kubeconfig.empty(chain.defaultFile)).data;
    if (o.minify) data = minify(data, c.flags.context);
    if (o.flatten) data = flatten(data, path.dirname(chain.defaultFile));
    else if (!o.raw) data = redact(data);
    const format = o.output;
    switch (format.kind) {
      case 'yaml':
        return c.io.out.write(configYaml(data));
      case 'json':
        return c.io.out.write(configJson(data));
      case 'name':
        return c.io.out.write('config/<unknown>\n');
      case 'jsonpath':
        return printJsonPath(c.io.out, format.printer, configDocument(data));
      case 'go-template': {
        const doc = configDocument(data);
        return printGoTemplate(c.io.out, format.printer, doc, goJsonCompact(doc));
      }
    }
  },
};

export function registerView(config: Command, ctx: CommandContext): void {
  addGlobalFlags(
    config
      .command('view')
      .description('Display merged kubeconfig settings or a specified kubeconfig file')
      .argument('[args...]')
      .option('--minify', 'Remove all information not used by current-context from the output')
      .option('--raw', 'Display raw byte data and sensitive data')
      .option('--flatten', 'Flatten the resulting kubeconfig file into self-contained output')
      .option('--merge', 'Merge the full hierarchy of kubeconfig files', true)
      .addOption(outputOption('Output format.', 'yaml')),
  ).action(verbAction(ctx, viewVerb));
}
