// kubectl create: -f manifests, and the imperative generators (deployment, namespace, configmap).
import type { Command } from 'commander';
import { isStatusError } from '../../../api/errors';
import { resolveResource } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import type { CommandContext } from '../../context';
import { CliError, MultiError } from '../../errors';
import { readManifests, validateManifest } from '../../flags/filenames';
import { MutationPrinter, parseDryRun, parseOutput } from '../../flags/output';
import { fieldValidation } from '../../flags/validate';
import { action, addGlobalFlags, collect, collectSlice } from '../../program';
import { namespaceOfManifest, typeOfManifest } from '../../resolve';
import { withLastApplied } from '../apply';
import * as gen from './generators';

function withOutputFlags(cmd: Command): Command {
  return addGlobalFlags(
    cmd
      .option('-o, --output <format>', 'Output format. One of: (json, yaml, name).')
      .option('--dry-run [strategy]', 'Must be "none", "server", or "client".')
      .option('--save-config', 'If true, the configuration of current object will be saved in its annotation.')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
}

/** Sends (or, with --dry-run=client, only prints) one generated object. */
async function createGenerated(c: CommandContext, obj: KubeObject, opts: Record<string, any>): Promise<void> {
  const dryRun = parseDryRun(opts.dryRun);
  const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false), dryRun);
  const type = resolveResource(`${obj.kind}.${obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : ''}`) ?? resolveResource(obj.kind)!;
  const toSend = opts.saveConfig ? withLastApplied(obj) : obj;
  if (dryRun === 'client') {
    if (type.namespaced) toSend.metadata.namespace = undefined;
    return printer.print(toSend, 'created', true);
  }
  const client = c.cluster('write').client;
  const sent = type.namespaced ? { ...toSend, metadata: { ...toSend.metadata, namespace: c.namespace() } } : toSend;
  printer.print(client.create(type, sent, { dryRun: dryRun === 'server', fieldValidation: fieldValidation(opts.validate) }), 'created');
}

function requireName(cmd: string, args: string[]): string {
  if (!args.length) throw new CliError('exactly one NAME is required, got 0', `create ${cmd}`);
  if (args.length > 1) throw new CliError(`exactly one NAME is required, got ${args.length}`, `create ${cmd}`);
  return args[0];
}

export function register(program: Command, ctx: CommandContext): void {
  const create = withOutputFlags(
    program
      .command('create')
      .description('Create a resource from a file or from stdin')
      .option('-f, --filename <file>', 'Filename, directory, or URL to files to use to create the resource', collectSlice)
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.'),
  ).action(
    action(ctx, async (c, args, opts) => {
      if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]`, 'create');
      if (!opts.filename?.length) throw new CliError('must specify one of -f and -k');
      const dryRun = parseDryRun(opts.dryRun);
      const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false), dryRun);
      const manifests = await readManifests(opts.filename, !!opts.recursive, c.io);
      const client = c.cluster(dryRun === 'client' ? 'read' : 'write').client;
      const namespace = c.namespace();
      const errors: Error[] = [];
      for (const m of manifests) {
        try {
          validateManifest(m);
          const type = typeOfManifest(m, namespace);
          const ns = namespaceOfManifest(m.obj, type, namespace, c.namespaceExplicit);
          let obj: KubeObject = { ...m.obj, metadata: { ...m.obj.metadata, ...(ns ? { namespace: ns } : {}) } };
          if (opts.saveConfig) obj = withLastApplied(obj);
          if (dryRun === 'client') {
            printer.print(m.obj, 'created');
            continue;
          }
          try {
            printer.print(client.create(type, obj, { dryRun: dryRun === 'server', fieldValidation: fieldValidation(opts.validate) }), 'created');
          } catch (e) {
            throw isStatusError(e) ? e.withSource('creating', m.source) : e;
          }
        } catch (e) {
          errors.push(e as Error);
        }
      }
      for (const w of client.takeWarnings()) c.io.err.write(`Warning: ${w}\n`);
      if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    }),
  );

  withOutputFlags(
    create
      .command('deployment')
      .alias('deploy')
      .description('Create a deployment with the specified name')
      .argument('[name]')
      .option('--image <image>', 'Image names to run. A deployment can have multiple images set for multi-container pod.', collect)
      .option('-r, --replicas <n>', 'Number of replicas to create. Default is 1.', '1')
      .option('--port <port>', 'The containerPort that this deployment exposes.'),
  ).action(
    action(ctx, async (c, args, opts) => {
      const name = requireName('deployment', args);
      if (!opts.image?.length) throw new CliError('required flag(s) "image" not set');
      const replicas = Number(opts.replicas);
      if (!Number.isInteger(replicas)) throw new CliError(`invalid argument ${JSON.stringify(opts.replicas)} for "-r, --replicas" flag: strconv.ParseInt: parsing ${JSON.stringify(opts.replicas)}: invalid syntax`);
      const port = opts.port === undefined ? undefined : Number(opts.port);
      await createGenerated(c, gen.deployment(name, opts.image, replicas, port), opts);
    }),
  );

  withOutputFlags(create.command('namespace').alias('ns').description('Create a namespace with the specified name').argument('[name]')).action(
    action(ctx, async (c, args, opts) => {
      await createGenerated(c, gen.namespace(requireName('namespace', args)), opts);
    }),
  );

  withOutputFlags(
    create
      .command('configmap')
      .alias('cm')
      .description('Create a config map from a local file, directory or literal value')
      .argument('[name]')
      .option('--from-literal <key=value>', 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)', collect)
      .option('--from-file <source>', 'Key file can be specified using its file path, in which case file basename will be used as configmap key', collect)
      .option('--from-env-file <file>', 'Specify the path to a file to read lines of key=val pairs to create a configmap.', collect)
      .option('--append-hash', 'Append a hash of the configmap to its name.'),
  ).action(
    action(ctx, async (c, args, opts) => {
      const name = requireName('configmap', args);
      const cm = gen.configMap(name, opts.fromLiteral ?? [], opts.fromFile ?? [], opts.fromEnvFile ?? [], (k) => c.env[k]);
      if (opts.appendHash) cm.metadata.name = `${name}-${gen.configMapHash(cm)}`;
      await createGenerated(c, cm, opts);
    }),
  );
}
