// kubectl create: -f manifests, and the imperative generators (deployment, job, cronjob, poddisruptionbudget, namespace, configmap).
import type { Command } from '../../command';
import { isStatusError } from '../../../api/errors';
import { kindDef, resolveResource } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import type { CommandContext } from '../../context';
import { CliError, MultiError } from '../../errors';
import { splitAtDash } from '../../dash';
import { checkRequiredFlags } from '../../klog';
import { type DryRun, MutationPrinter, type OutputFormat, parseDryRun, parseOutput } from '../../flags/output';
import { fieldValidation } from '../../flags/validate';
import { addGlobalFlags, collect, collectSlice, intFlag } from '../../program';
import { addRecordFlag, recordOption, withChangeCause } from '../../record';
import { withLastApplied, withLastAppliedTyped } from '../../../api/patch/apply';
import { jobFromCronJob } from './fromcronjob';
import * as gen from './generators';
import { dryRunOption, filenameFlagsOf, filenameOption, kustomizeOption, outputOption, recursiveOption, selectorOption } from '../../flags/groups';
import { checkFilenameFlags, select } from '../../resource/builder';
import { type Verb, verbAction } from '../../verb';
import type { FileWriteOptions } from '../../verbs/writeoptions';
import { runRawWrite, validateRawWrite } from '../../verbs/raw';

function withOutputFlags(cmd: Command): Command {
  return addGlobalFlags(
    cmd
      .addOption(outputOption())
      .addOption(dryRunOption())
      .option('--save-config', 'If true, the configuration of current object will be saved in its annotation.')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
}

/** What a generator subcommand sends: the object it made and how to send and print it. */
export interface GeneratedOptions {
  /** The object, or how to make it from what the server holds (create job --from). */
  obj: KubeObject | ((c: CommandContext) => Promise<KubeObject>);
  dryRun: DryRun;
  output: OutputFormat;
  saveConfig: boolean;
  validation: ReturnType<typeof fieldValidation>;
  /**
   * The words kubectl's generator puts before the server's error ("failed to create deployment"),
   * which then prints as a plain error; without it (create namespace) the server's error prints as it is.
   */
  failure?: string;
}

/** A generator subcommand: `make` builds the object from the words and flags (and checks them). */
function generatorVerb(make: (c: CommandContext, args: string[], f: Record<string, any>, cmd: Command) => GeneratedOptions['obj'], failure?: string): Verb<GeneratedOptions> {
  return {
    complete(c, args, f, cmd) {
      const obj = make(c, args, f, cmd);
      // kubectl's generators read the namespace (so the kubeconfig files) once the name is checked.
      c.namespace();
      return { obj, dryRun: parseDryRun(c, f.dryRun), output: parseOutput(f.output, false, f), saveConfig: !!f.saveConfig, validation: fieldValidation(f.validate), failure };
    },
    run: createGenerated,
  };
}

/** Sends (or, with --dry-run=client, only prints) one generated object. */
async function createGenerated(c: CommandContext, o: GeneratedOptions): Promise<void> {
  const { dryRun } = o;
  const obj = typeof o.obj === 'function' ? await o.obj(c) : o.obj;
  const printer = new MutationPrinter(c.io.out, o.output, dryRun);
  const type = resolveResource(`${obj.kind}.${obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : ''}`) ?? resolveResource(obj.kind)!;
  // The generators hold typed objects: the annotation is their Go encoding.
  const toSend = o.saveConfig ? withLastAppliedTyped(obj, kindDef(type).strategy.schemaType) : obj;
  if (dryRun === 'client') {
    // The generators name the namespace only when -n gave it (kubectl's EnforceNamespace).
    if (type.namespaced) toSend.metadata.namespace = c.namespaceExplicit ? c.namespace() : undefined;
    return printer.print(toSend, 'created', true);
  }
  const client = c.cluster('write').client;
  const sent = type.namespaced ? { ...toSend, metadata: { ...toSend.metadata, namespace: c.namespace() } } : toSend;
  let created: KubeObject;
  try {
    created = client.create(type, sent, { dryRun: dryRun === 'server', fieldValidation: o.validation });
  } catch (e) {
    throw o.failure && isStatusError(e) ? new CliError(`${o.failure}: ${e.message}`) : e;
  }
  printer.print(created, 'created', true);
}

function requireName(cmd: string, args: string[]): string {
  if (!args.length) throw new CliError('exactly one NAME is required, got 0', `create ${cmd}`);
  if (args.length > 1) throw new CliError(`exactly one NAME is required, got ${args.length}`, `create ${cmd}`);
  return args[0];
}

export interface CreateOptions extends FileWriteOptions {
  args: string[];
  selector: string;
  /** --raw: the path the one file's bytes are POSTed to, as they are. */
  raw?: string;
  /** -o as given: --raw refuses any; with --edit, the editor's format. */
  outputGiven?: string;
  /** --edit: each object in the editor before it is created (kubectl's EditBeforeCreate mode). */
  edit: boolean;
}

/** create -f/-k: every object the files hold, created as it is (a generator is a subcommand). */
const createFromFiles: Verb<CreateOptions> = {
  complete(c, args, f, cmd) {
    const changeCause = recordOption(c, cmd, f.record);
    if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]`, 'create');
    const files = filenameFlagsOf(f);
    checkFilenameFlags(files);
    if (!files.filenames.length && !files.kustomize) throw new CliError('must specify one of -f and -k');
    const dryRun = parseDryRun(c, f.dryRun);
    return {
      args,
      files,
      selector: f.selector ?? '',
      dryRun,
      output: parseOutput(f.output, false, f),
      validation: fieldValidation(f.validate),
      saveConfig: !!f.saveConfig,
      changeCause,
      raw: f.raw || undefined,
      outputGiven: f.output || undefined,
      edit: !!f.edit,
    };
  },

  validate(o) {
    if (o.raw !== undefined && o.edit) throw new CliError('--raw and --edit are mutually exclusive');
    if (o.raw !== undefined) validateRawWrite(o.raw, { filenames: o.files.filenames, recursive: o.files.recursive, selector: o.selector, output: o.outputGiven });
  },

  async run(c, o) {
    if (o.raw !== undefined) return runRawWrite(c, 'POST', { uri: o.raw, file: o.files.filenames[0] });
    if (o.edit) return editBeforeCreate(c, o);
    const { dryRun } = o;
    const printer = new MutationPrinter(c.io.out, o.output, dryRun);
    const selection = await select(c, [], { files: o.files, selector: o.selector }, { validate: o.validation !== 'Ignore' });
    const client = c.cluster(dryRun === 'client' ? 'read' : 'write').client;
    const errors = selection.errors;
    let created = 0;
    selection.visit(client, ({ type, obj: read, source }) => {
      let obj = withChangeCause(read, o.changeCause);
      if (o.saveConfig) obj = withLastApplied(obj);
      if (dryRun !== 'client') {
        try {
          obj = client.create(type, obj, { dryRun: dryRun === 'server', fieldValidation: o.validation });
        } catch (e) {
          throw isStatusError(e) ? e.withSource('creating', source!) : e;
        }
      }
      created++;
      printer.print(obj, 'created');
    });
    c.serverWarning(...client.takeWarnings());
    if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    if (!created) throw new CliError('no objects passed to create');
  },
};

/**
 * create --edit: each object of the files, one at a time, in the user's editor under edit's header;
 * what is saved is created (with --save-config's annotation and --record's cause) and printed as
 * created. A failure keeps the file, as kubectl's edit does.
 */
async function editBeforeCreate(c: CommandContext, o: CreateOptions): Promise<void> {
  const { EDIT_HEADER } = require('../edit') as typeof import('../edit');
  const { editFormat, runEdit } = require('../../verbs/editloop') as typeof import('../../verbs/editloop');
  const format = editFormat(o.outputGiven);
  const printer = new MutationPrinter(c.io.out, o.output, 'none');
  // kubectl's edit-on-create reads the files alone: -l filters nothing here.
  const selection = await select(c, [], { files: o.files }, { validate: o.validation !== 'Ignore' });
  const client = c.cluster('write').client;
  const objects = selection.infos(client).map(({ type, obj }) => ({ type, obj }));
  selection.throwErrors();
  for (const one of objects)
    runEdit(
      c,
      [one],
      format,
      {
        header: EDIT_HEADER,
        save(updated) {
          for (const u of updated) {
            let obj = withChangeCause(u.obj, o.changeCause);
            if (o.saveConfig) obj = withLastApplied(obj);
            printer.print(client.create(u.type, obj, { fieldValidation: o.validation }), 'created');
            c.serverWarning(...client.takeWarnings());
          }
        },
      },
      // kubectl v1.32 declares --windows-line-endings on create but never hands it to the editor.
      {},
    );
}

export function register(program: Command, ctx: CommandContext): void {
  const create = addRecordFlag(
    withOutputFlags(
      program
        .command('create')
        .description('Create a resource from a file or from stdin')
        .addOption(filenameOption('Filename, directory, or URL to files to use to create the resource'))
        .addOption(recursiveOption())
        .addOption(kustomizeOption())
        .addOption(selectorOption('Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.'))
        .option('--raw <uri>', 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.')
        .option('--edit', 'Edit the API resource before creating')
        .option('--windows-line-endings', 'Only relevant if --edit=true. Defaults to the line ending native to your platform.'),
    ),
  ).action(verbAction(ctx, createFromFiles));

  withOutputFlags(
    create
      .command('deployment')
      .alias('deploy')
      .description('Create a deployment with the specified name')
      .argument('[name...]')
      .option('--image <image>', 'Image names to run. A deployment can have multiple images set for multi-container pod.', collectSlice)
      .option('-r, --replicas <n>', 'Number of replicas to create. Default is 1.', intFlag(32), 1)
      .option('--port <port>', 'The containerPort that this deployment exposes.', intFlag(32), -1),
  ).action(
    verbAction(
      ctx,
      generatorVerb((c, args, f, cmd) => {
        checkRequiredFlags(c, f, ['image']);
        // NAME, then the containers' command after "--" (kubectl's ArgsLenAtDash).
        const { before, after } = splitAtDash(cmd, args);
        const name = requireName('deployment', before);
        const command = after ?? [];
        if (f.image.length > 1 && command.length) throw new CliError('cannot specify multiple --image options and command');
        return gen.deployment(name, f.image, f.replicas, f.port >= 0 ? f.port : undefined, command);
      }, 'failed to create deployment'),
    ),
  );

  withOutputFlags(
    create
      .command('job')
      .description('Create a job with the specified name')
      .argument('[name...]')
      .option('--image <image>', 'Image name to run.')
      .option('--from <resource>', "The name of the resource to create a Job from (only cronjob is supported)."),
  ).action(
    verbAction(
      ctx,
      generatorVerb((_c, args, f, cmd) => {
        const { before, after } = splitAtDash(cmd, args);
        const name = requireName('job', before);
        if ((f.image === undefined) === (f.from === undefined)) throw new CliError('either --image or --from must be specified');
        if (f.from !== undefined && after?.length) throw new CliError('cannot specify --from and command');
        if (f.from !== undefined) return (c) => jobFromCronJob(c, name, String(f.from));
        return gen.job(name, f.image, after ?? []);
      }, 'failed to create job'),
    ),
  );

  withOutputFlags(
    create
      .command('cronjob')
      .alias('cj')
      .description('Create a cron job with the specified name')
      .argument('[name...]')
      .option('--image <image>', 'Image name to run.')
      .option('--schedule <schedule>', 'A schedule in the Cron format the job should be run with.')
      .option('--restart <policy>', "job's restart policy. supported values: OnFailure, Never", ''),
  ).action(
    verbAction(
      ctx,
      generatorVerb((c, args, f, cmd) => {
        checkRequiredFlags(c, f, ['image', 'schedule']);
        const { before, after } = splitAtDash(cmd, args);
        return gen.cronJob(requireName('cronjob', before), f.image, f.schedule, f.restart, after ?? []);
      }, 'failed to create cronjob'),
    ),
  );

  withOutputFlags(
    create
      .command('poddisruptionbudget')
      .alias('pdb')
      .description('Create a pod disruption budget with the specified name')
      .argument('[name...]')
      .option('--selector <selector>', 'A label selector to use for this budget. Only equality-based selector requirements are supported.', '')
      .option('--min-available <n>', 'The minimum number or percentage of available pods this budget requires.', '')
      .option('--max-unavailable <n>', 'The maximum number or percentage of unavailable pods this budget requires.', ''),
  ).action(
    verbAction(
      ctx,
      generatorVerb((_c, args, f) => {
        const name = requireName('poddisruptionbudget', args);
        const { selector, minAvailable: min, maxUnavailable: max } = f as Record<string, string>;
        if (!selector) throw new CliError('a selector must be specified');
        if (!min && !max) throw new CliError('one of min-available or max-unavailable must be specified');
        if (min && max) throw new CliError('min-available and max-unavailable cannot be both specified');
        if (min && !/^[0-9]+%?$/.test(min)) throw new CliError('invalid format specified for min-available');
        if (max && !/^[0-9]+%?$/.test(max)) throw new CliError('invalid format specified for max-unavailable');
        return gen.podDisruptionBudget(name, selector, min, max);
      }, 'failed to create poddisruptionbudgets'),
    ),
  );

  withOutputFlags(create.command('namespace').alias('ns').description('Create a namespace with the specified name').argument('[name...]')).action(
    verbAction(
      ctx,
      generatorVerb((_c, args) => gen.namespace(requireName('namespace', args))),
    ),
  );

  withOutputFlags(
    create
      .command('configmap')
      .alias('cm')
      .description('Create a config map from a local file, directory or literal value')
      .argument('[name...]')
      .option('--from-literal <key=value>', 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)', collect)
      .option('--from-file <source>', 'Key file can be specified using its file path, in which case file basename will be used as configmap key', collect)
      .option('--from-env-file <file>', 'Specify the path to a file to read lines of key=val pairs to create a configmap.', collect)
      .option('--append-hash', 'Append a hash of the configmap to its name.'),
  ).action(
    verbAction(
      ctx,
      generatorVerb((c, args, f) => {
        const name = requireName('configmap', args);
        const cm = gen.configMap(name, f.fromLiteral ?? [], f.fromFile ?? [], f.fromEnvFile ?? [], (k) => c.env[k]);
        if (f.appendHash) cm.metadata.name = `${name}-${gen.configMapHash(cm)}`;
        return cm;
      }, 'failed to create configmap'),
    ),
  );
}
