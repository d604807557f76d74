// kubectl set image|env|resources: change pod templates through strategic merge patches.
import type { Command } from '../../command';
import type { ConfigMap } from '../../../api/types';
import type { Secret } from '../../../api/kinds/secret';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { addGlobalFlags, collect, collectSlice, commandGroup } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { addRecordFlag, recordOption } from '../../record';
import { checkNoOverwrites, envFromSource, envRefString, parseEnv, splitEnvArgs, updateEnv } from './env';
import { parseImages, setImages } from './image';
import { type Container, type SetOptions, podSpecOf, runSet, selectForSet, selectName } from './podspec';
import type { DryRun } from '../../flags/output';
import { parseResourceList } from './resources';
import { dryRunOption, filenameOption, kustomizeOption, outputOption, recursiveOption, selectorOption } from '../../flags/groups';

/** The flags every set subcommand shares. */
function withSetFlags(cmd: Command, what: string): Command {
  return addRecordFlag(
    addGlobalFlags(
      cmd
        .argument('[args...]')
        .option('--all', 'Select all resources, in the namespace of the specified resource types')
        .addOption(selectorOption())
        .addOption(filenameOption(`Filename, directory, or URL to files identifying the resource to ${what}`))
        .addOption(recursiveOption())
        .addOption(kustomizeOption())
        .option('--local', `If true, set ${what} will NOT contact api-server but run locally.`)
        .addOption(dryRunOption())
        .addOption(outputOption())
        .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
    ),
  );
}

const selected = (spec: { containers: Container[]; initContainers?: Container[] }, selector: string): Container[] => [
  ...spec.containers.filter((c) => selectName(c.name, selector)),
  ...(spec.initContainers ?? []).filter((c) => selectName(c.name, selector)),
];

/** What every set subcommand's options start with. */
interface SetRun {
  flags: SetOptions & Record<string, any>;
  changeCause?: string;
}

const setRun = (c: CommandContext, f: Record<string, any>, cmd: Command): SetRun => ({ flags: f as SetOptions, changeCause: recordOption(c, cmd, f.record) });

const noResources = 'one or more resources must be specified as <resource> <name> or <resource>/<name>';
const localServerDryRun = 'cannot specify --local and --dry-run=server - did you mean --dry-run=client?';

interface ImageOptions extends SetRun {
  resources: string[];
  images: Record<string, string>;
}

/** kubectl's SetImageOptions.Validate, which reports every problem at once (after the objects are read). */
function validateImage({ flags: o, resources, images }: ImageOptions, dryRun: DryRun): void {
  const problems: string[] = [];
  if (o.all && o.selector) problems.push('cannot set --all and --selector at the same time');
  if (!resources.length && !o.filename?.length && !o.kustomize) problems.push(noResources);
  if (!Object.keys(images).length) problems.push('at least one image update is required');
  else if (Object.keys(images).length > 1 && '*' in images) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (o.local && dryRun === 'server') problems.push(localServerDryRun);
  if (problems.length) throw new CliError(problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`);
}

const imageVerb: Verb<ImageOptions> = {
  complete: (c, args, f, cmd) => ({ ...setRun(c, f, cmd), ...parseImages(args) }),
  run: (c, o) =>
    runSet(c, {
      resources: o.resources,
      flags: o.flags,
      operation: 'image updated',
      changeCause: o.changeCause,
      mutate: (spec, _obj, errors) => setImages(spec.containers, spec.initContainers ?? [], o.images, errors),
      failure: 'failed to patch image update to pod template: ',
      validate: (dryRun) => validateImage(o, dryRun),
    }),
};

interface EnvOptions extends SetRun {
  resources: string[];
  envArgs: string[];
}

const envVerb: Verb<EnvOptions> = {
  complete(c, args, f, cmd) {
    const run = setRun(c, f, cmd);
    if (f.all && f.selector) throw new CliError('cannot set --all and --selector at the same time');
    const { resources, env } = splitEnvArgs(args);
    return { ...run, resources, envArgs: env };
  },
  validate({ flags: o, resources }) {
    if (o.local && o.dryRun === 'server') throw new CliError(localServerDryRun);
    if (!o.filename?.length && !o.kustomize && !resources.length) throw new CliError(noResources);
    if (o.list && o.output) throw new CliError('--list and --output may not be specified together');
    if (o.keys?.length && !o.from) throw new CliError('when specifying --keys, a configmap or secret must be provided with --from');
  },
  async run(c, { flags: opts, resources, envArgs, changeCause }) {
    const specs: string[] = [...(opts.env ?? []), ...envArgs];
    // "-" reads KEY=VALUE lines from standard input; nothing else touches it.
    const stdin = specs.includes('-') ? await c.io.readStdin() : '';
    let { env, remove } = parseEnv(specs, () => stdin);
    if (opts.from) {
      // kubectl's builder for --from takes the command's files, selector and --all too.
      const client = opts.local ? undefined : c.cluster('read').client;
      const from = await selectForSet(c, [opts.from], opts);
      const errors = from.errors;
      for (const { obj } of from.infos(client)) {
        const vars = envFromSource(obj as ConfigMap | Secret, opts.keys ?? [], (m) => c.io.err.write(`Warning: ${m}\n`));
        if (!vars) throw new CliError('unsupported resource specified in --from');
        env = [...env, ...vars];
      }
      if (errors.length) throw errors[0];
    }
    if (opts.prefix) env = env.map((e) => ({ ...e, name: `${opts.prefix}${e.name}` }));
    const selector: string = opts.containers;
    if (opts.list) {
      const client = opts.local ? undefined : c.cluster('read').client;
      const listed = await selectForSet(c, resources, opts);
      const errors = listed.errors;
      for (const { obj } of listed.infos(client)) {
        for (const container of selected(podSpecOf(obj), selector)) {
          c.io.out.write(`# ${obj.kind} ${obj.metadata.name}, container ${container.name}\n`);
          for (const e of updateEnv(container.env ?? [], env, remove)) {
            if (e.valueFrom) c.io.out.write(`# ${e.name} from ${envRefString(e.valueFrom)}\n`);
            else c.io.out.write(`${e.name}=${e.value ?? ''}\n`);
          }
        }
      }
      if (errors.length) throw errors[0];
      return;
    }
    await runSet(c, {
      resources,
      flags: opts,
      operation: 'env updated',
      changeCause,
      mutate: (spec, obj) => {
        const containers = selected(spec, selector);
        if (!containers.length) {
          c.io.err.write(`Warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
          return;
        }
        for (const container of containers) {
          if (opts.overwrite === false) checkNoOverwrites(container.env ?? [], env);
          container.env = updateEnv(container.env ?? [], env, remove);
        }
      },
      failure: 'failed to patch env update to pod template: ',
    });
  },
};

interface ResourcesOptions extends SetRun {
  args: string[];
  selector: string;
}

/** kubectl's SetResourcesOptions.Validate (after the objects are read): the first problem, and the parsed lists. */
function validateResources({ flags: o }: ResourcesOptions, dryRun: DryRun): { limits?: Record<string, string>; requests?: Record<string, string> } {
  if (o.local && dryRun === 'server') throw new CliError(localServerDryRun);
  if (o.all && o.selector) throw new CliError('cannot set --all and --selector at the same time');
  if (!o.limits && !o.requests) throw new CliError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  return { limits: parseResourceList(o.limits), requests: parseResourceList(o.requests) };
}

const resourcesVerb: Verb<ResourcesOptions> = {
  complete: (c, args, f, cmd) => ({ ...setRun(c, f, cmd), args, selector: f.containers }),
  async run(c, o) {
    const { selector } = o;
    let limits: Record<string, string> | undefined;
    let requests: Record<string, string> | undefined;
    await runSet(c, {
      resources: o.args,
      flags: o.flags,
      operation: 'resource requirements updated',
      changeCause: o.changeCause,
      mutate: (spec, _obj, errors) => {
        const containers = selected(spec, selector);
        if (!containers.length) {
          errors.push(new CliError(`error: unable to find container named ${selector}`));
          return false;
        }
        for (const container of containers) {
          const r = (container.resources ??= {});
          if (limits) r.limits = { ...(r.limits ?? {}), ...limits };
          if (requests) r.requests = { ...(r.requests ?? {}), ...requests };
        }
      },
      failure: 'failed to patch resources update to pod template ',
      validate: (dryRun) => {
        ({ limits, requests } = validateResources(o, dryRun));
      },
    });
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const set = commandGroup(program, ctx, 'set', 'Set specific features on objects', { stream: 'err' });

  withSetFlags(set.command('image').description('Update the image of a pod template'), 'get').action(verbAction(ctx, imageVerb));

  withSetFlags(set.command('env').description('Update environment variables on a pod template'), 'update the env')
    .option('-c, --containers <names>', 'The names of containers in the selected pod templates to change - may use wildcards', '*')
    .option('-e, --env <pair>', 'Specify a key-value pair for an environment variable to set into each container.', collect)
    .option('--from <resource>', 'The name of a resource from which to inject environment variables')
    .option('--prefix <prefix>', 'Prefix to append to variable names')
    .option('--keys <keys>', 'Comma-separated list of keys to import from specified resource', collectSlice)
    .option('--list', 'If true, display the environment and any changes in the standard format.')
    .option('--resolve', 'If true, show secret or configmap references when listing variables')
    .option('--overwrite', 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.', true)
    .action(verbAction(ctx, envVerb));

  withSetFlags(set.command('resources').description('Update resource requests/limits on objects with pod templates'), 'get')
    .option('-c, --containers <names>', 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards', '*')
    .option('--limits <list>', 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.')
    .option('--requests <list>', 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.')
    .action(verbAction(ctx, resourcesVerb));
}
