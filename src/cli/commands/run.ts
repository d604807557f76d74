// kubectl run: creates one Pod from flags, as kubectl's run generator builds it (with --overrides
// applied), and with --expose a ClusterIP Service for it. With --attach (or -i) pocketkube cannot
// hand over a terminal, but it follows a non-interactive container: the cluster runs until the
// container ends, its output is printed, and kubectl's exit code and --rm clean-up follow.
import type { Command } from '../command';
import { withLastAppliedTyped } from '../../api/patch/apply';
import { isImageReference } from '../../api/reference';
import { kindDef, resolveResource, typeForKind } from '../../api/registry';
import { decode, typeMetaError } from '../../api/schema';
import { dropPath } from '../../api/schema/drop';
import type { KubeObject, Pod } from '../../api/types';
import type { PatchType, PropagationPolicy } from '../../client/client';
import type { Cluster, CommandContext } from '../context';
import { CliError, RawError } from '../errors';
import { checkRequiredFlags } from '../klog';
import { splitAtDash } from '../dash';
import { parseCascade } from '../flags/cascade';
import { durationFlag } from '../flags/duration';
import { type DryRun, MutationPrinter, type OutputFormat, parseDryRun, parseOutput } from '../flags/output';
import { addDeleteFlags, dryRunOption, outputOption } from '../flags/groups';
import { decodeProblem } from '../manifest/decode';
import { addGlobalFlags, collect } from '../program';
import { addRecordFlag, recordOption, withChangeCause } from '../record';
import { type Verb, verbAction } from '../verb';
import { applyLocalPatch } from '../verbs/localpatch';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never', ''];
const OVERRIDE_TYPES = ['json', 'merge', 'strategic'] as const;
/** How long an attached container may run in cluster time: kubectl would stream it until it ends. */
const ATTACH_LIMIT_MS = 3_600_000;

export interface RunOptions {
  /** The words before "--" (the name first) and the container's command or arguments. */
  name?: string;
  args: string[];
  image: string;
  /** --restart as given ("" when empty: then Always, or OnFailure with -i). */
  restart: string;
  env: string[];
  labels?: string;
  annotations: string[];
  port?: string;
  imagePullPolicy: string;
  privileged: boolean;
  command: boolean;
  stdin: boolean;
  tty: boolean;
  /** --attach, or -i without --attach given. */
  attach: boolean;
  rm: boolean;
  quiet: boolean;
  leaveStdinOpen: boolean;
  /** --pod-running-timeout in milliseconds. */
  podRunningTimeout: number;
  expose: boolean;
  overrides: string;
  overrideType: string;
  saveConfig: boolean;
  dryRun: DryRun;
  output: OutputFormat;
  /** How --rm deletes what run created: kubectl's DeleteOptions, with its grace period and wait overridden. */
  cascade: PropagationPolicy;
  namespace: string;
  /** -n was given: a client-side dry run names it in the object. */
  enforceNamespace: boolean;
  changeCause?: string;
}

function keyValues(list: string[], what: string): [string, string][] {
  return list.map((kv) => {
    const i = kv.indexOf('=');
    if (i <= 0) throw new CliError(`invalid ${what}: ${kv}`);
    return [kv.slice(0, i), kv.slice(i + 1)];
  });
}

/** strconv.Atoi's reading of a port, with its error text. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** generate.ParseLabels: comma-separated key=value, each with exactly one "=" and a key. */
function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new CliError(`unexpected label spec: ${item}`);
    if (!kv[0]) throw new CliError('unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** The generator's parseEnvs: NAME=VALUE with a valid variable name (an empty value is no value). */
function parseEnvs(specs: string[]): { name: string; value?: string }[] {
  return specs.map((env) => {
    const i = env.indexOf('=');
    const name = i < 0 ? '' : env.slice(0, i);
    if (!name || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new CliError(`invalid env: ${env}`);
    const value = env.slice(i + 1);
    return value ? { name, value } : { name };
  });
}

/** The Pod kubectl's run generator (run-pod/v1) builds, fields in Go struct order. */
export function runPod(o: Pick<RunOptions, 'image' | 'env' | 'labels' | 'annotations' | 'port' | 'imagePullPolicy' | 'privileged' | 'command' | 'stdin' | 'tty'>, name: string, restart: string, args: string[]): KubeObject {
  const labels: Record<string, string> = o.labels ? parseLabels(o.labels) : { run: name };
  const container: Record<string, unknown> = { name, image: o.image };
  if (args.length) container[o.command ? 'command' : 'args'] = args;
  // The generator converts with Go's int32(): out-of-range ports wrap.
  if (o.port) container.ports = [{ containerPort: Number(BigInt.asIntN(32, BigInt(atoi(o.port)))) }];
  // Empty --env and --annotations values are left out, as kubectl leaves them.
  const env = o.env.filter((e) => e !== '');
  if (env.length) container.env = parseEnvs(env);
  container.resources = {};
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  if (o.stdin) {
    container.stdin = true;
    container.stdinOnce = true;
  }
  if (o.tty) container.tty = true;
  if (o.privileged) container.securityContext = { privileged: true };
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  const annotations = o.annotations.filter((a) => a !== '');
  if (annotations.length) metadata.annotations = Object.fromEntries(keyValues(annotations, 'annotations format'));
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as KubeObject;
}

/**
 * --overrides applied as kubectl's Overrider does: the generated object as JSON, patched by the
 * override type, then decoded into its Go type again (fields the type lacks are dropped).
 */
export function applyOverrides(obj: KubeObject, overrides: string, overrideType: string): KubeObject {
  if (!overrides) return obj;
  if (!(OVERRIDE_TYPES as readonly string[]).includes(overrideType)) throw new CliError(`invalid override type: ${overrideType}`);
  const patched = applyLocalPatch(obj, overrideType as PatchType, overrides, kindDef(resolveResource('pods')!).strategy.schemaType);
  // The universal decoder reads the type first, then the object: what it says, in its order.
  if (patched !== null && (typeof patched !== 'object' || Array.isArray(patched))) throw new CliError(typeMetaError(patched));
  const typed = patched as KubeObject;
  // The patched document is quoted as the patch left it (the generated object's field order).
  if (typeof typed?.kind !== 'string' || !typed.kind) throw new CliError(`Object 'Kind' is missing in '${JSON.stringify(typed)}'`);
  const problem = decodeProblem(patched);
  if (problem) throw new CliError(problem);
  const type = typeForKind(String(typed.apiVersion ?? ''), typed.kind);
  if (!type) throw new CliError(`no kind "${typed.kind}" is registered for version "${typed.apiVersion ?? ''}" in scheme "pkg/scheme/scheme.go:28"`);
  const result = decode(typed as unknown as Record<string, unknown>, kindDef(type).strategy.schemaType);
  if (result.typeError) throw new CliError(result.typeError);
  for (const path of result.unknownFields) dropPath(typed, path);
  return typed;
}

const runVerb: Verb<RunOptions> = {
  complete(c, words, f, cmd) {
    const changeCause = recordOption(c, cmd, f.record);
    checkRequiredFlags(c, f, ['image']);
    const { before, after } = splitAtDash(cmd, words);
    const stdin = !!f.stdin;
    return {
      name: before[0],
      args: [...before.slice(1), ...(after ?? [])],
      image: f.image,
      restart: f.restart ?? 'Always',
      env: f.env ?? [],
      labels: f.labels || undefined,
      annotations: f.annotations ?? [],
      port: f.port || undefined,
      imagePullPolicy: f.imagePullPolicy ?? '',
      privileged: !!f.privileged,
      command: !!f.command,
      stdin,
      tty: !!f.tty,
      attach: f.attach === undefined ? stdin : !!f.attach,
      rm: !!f.rm,
      quiet: !!f.quiet,
      leaveStdinOpen: !!f.leaveStdinOpen,
      podRunningTimeout: f.podRunningTimeout,
      expose: !!f.expose,
      overrides: f.overrides ?? '',
      overrideType: f.overrideType ?? 'merge',
      saveConfig: !!f.saveConfig,
      dryRun: parseDryRun(c, f.dryRun),
      output: parseOutput(f.output, false, f),
      cascade: parseCascade(c, f.cascade),
      namespace: c.namespace(),
      enforceNamespace: c.namespaceExplicit,
      changeCause,
    };
  },

  /** RunOptions.Run's checks, in its order, before anything is generated. */
  validate(o) {
    if (!o.name) throw new CliError('NAME is required for run', 'run');
    if (!(o.podRunningTimeout > 0)) throw new CliError('--pod-running-timeout must be higher than zero', 'run');
    if (o.image === '') throw new CliError('--image is required');
    if (!isImageReference(o.image)) throw new CliError(`Invalid image name ${JSON.stringify(o.image)}: invalid reference format`);
    if (o.tty && !o.stdin) throw new CliError('-i/--stdin is required for containers with -t/--tty=true', 'run');
    if (o.expose && !o.port) throw new CliError('--port must be set when exposing a service', 'run');
    if (o.restart !== '' && !RESTART_POLICIES.includes(o.restart)) throw new CliError(`invalid restart policy: ${o.restart}`, 'run');
    if (!o.attach && o.rm) throw new CliError('--rm should only be used for attached containers', 'run');
    if (o.attach && o.dryRun !== 'none') throw new CliError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", 'run');
    if (!PULL_POLICIES.includes(o.imagePullPolicy)) throw new CliError(`invalid image pull policy: ${o.imagePullPolicy}`, 'run');
  },

  async run(c, o) {
    const restart = o.restart || (o.stdin ? 'OnFailure' : 'Always');
    const printer = new MutationPrinter(c.io.out, o.output, o.dryRun);
    let pod = applyOverrides(runPod(o, o.name!, restart, o.args), o.overrides, o.overrideType);
    pod = withChangeCause(pod, o.changeCause);
    const type = resolveResource('pods')!;
    const cluster = o.dryRun === 'client' ? undefined : c.cluster('write');
    let created: KubeObject;
    if (cluster) {
      // kubectl holds the generated pod as its Go type: the annotation is its Go encoding.
      const toSend = o.saveConfig ? withLastAppliedTyped(pod, kindDef(type).strategy.schemaType) : pod;
      created = cluster.client.create(type, { ...toSend, metadata: { ...toSend.metadata, namespace: o.namespace } }, { dryRun: o.dryRun === 'server' });
    } else {
      created = o.enforceNamespace ? { ...pod, metadata: { ...pod.metadata, namespace: o.namespace } } : pod;
    }
    // --expose: the run's Service, made by kubectl's service generator through the API; a server
    // that serves no Services (this one, until it does) has no mapping for the kind.
    const errors: Error[] = [];
    if (o.expose && !typeForKind('v1', 'Service')) errors.push(new CliError('no matches for kind "Service" in version "v1"'));
    if (o.attach) {
      try {
        await attachTo(c, o, cluster!, created, restart);
      } finally {
        if (o.rm) removeCreated(c, o, cluster!, created);
      }
      return;
    }
    printer.print(created, 'created', true);
    if (errors.length) throw errors[0];
  },
};

/**
 * kubectl's attach to the pod run made, then (with Never or OnFailure, unless --leave-stdin-open)
 * its wait for the pod to finish, whose exit code becomes the command's. Here the container's
 * run goes by on the cluster clock and its output is what attach would have shown.
 */
async function attachTo(c: CommandContext, o: RunOptions, cluster: Cluster, created: KubeObject, restart: string): Promise<void> {
  const type = resolveResource('pods')!;
  const { namespace } = o;
  const name = created.metadata.name!;
  if (o.tty) c.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  const current = () => cluster.client.tryGet<Pod>(type, namespace, name);
  const state = () => current()?.status?.containerStatuses?.[0];
  const phase = () => current()?.status?.phase;
  const until = (done: () => boolean, limitMs: number) => {
    cluster.converge();
    if (!done()) cluster.advanceTo(cluster.now() + limitMs, done);
    return done();
  };
  // Running and ready, or finished, within --pod-running-timeout; then the attached run.
  const ready = () => {
    const p = current();
    return !p || phase() === 'Succeeded' || phase() === 'Failed' || (phase() === 'Running' && !!p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'));
  };
  const firstRunOver = () => !current() || phase() === 'Succeeded' || phase() === 'Failed' || !!state()?.state.terminated || (state()?.restartCount ?? 0) > 0;
  if (!until(ready, o.podRunningTimeout)) throw new CliError('timed out waiting for the condition');
  until(firstRunOver, ATTACH_LIMIT_MS);
  if (current()?.spec.nodeName) {
    try {
      c.io.out.write(cluster.client.logs(namespace, name, { container: name, previous: (state()?.restartCount ?? 0) > 0 }));
    } catch {
      // A container that never started has no output.
    }
  }
  const waitForExitCode = !o.leaveStdinOpen && (restart === 'Never' || restart === 'OnFailure');
  if (!waitForExitCode) return;
  const finished = restart === 'Never' ? () => phase() === 'Succeeded' || phase() === 'Failed' : () => phase() === 'Succeeded';
  const final = until(finished, o.podRunningTimeout) ? current() : undefined;
  if (!final) throw new CliError('timed out waiting for the condition');
  if (final.status?.phase === 'Succeeded') return;
  const t = final.status?.containerStatuses?.[0]?.state.terminated;
  if (final.status?.phase !== 'Failed') throw new CliError(`pod ${namespace}/${name} left in phase ${final.status?.phase ?? ''}`);
  if (!t || t.exitCode === 0) throw new CliError(`pod ${namespace}/${name} failed with unknown exit code`);
  throw new RawError(`pod ${namespace}/${name} terminated (${t.reason ?? ''})\n${t.message ?? ''}`, t.exitCode);
}

/** --rm: kubectl's DeleteResult over what run created (not found is ignored; no wait). */
function removeCreated(c: CommandContext, o: RunOptions, cluster: Cluster, created: KubeObject): void {
  const type = resolveResource('pods')!;
  const name = created.metadata.name!;
  if (!cluster.client.tryGet(type, o.namespace, name)) {
    c.io.out.write('No resources found\n');
    return;
  }
  cluster.client.delete(type, o.namespace, name, { propagationPolicy: o.cascade });
  if (!o.quiet) c.io.out.write(`pod "${name}" deleted\n`);
}

export function register(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('run')
    .description('Run a particular image on the cluster')
    .argument('[args...]')
    .option('--image <image>', 'The image for the container to run.')
    .option('--restart <policy>', 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].', 'Always')
    .option('--command', "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.")
    .option('--env <var>', 'Environment variables to set in the container.', collect)
    .option('-l, --labels <labels>', 'Comma separated labels to apply to the pod. Will override previous values.')
    .option('--annotations <annotation>', 'Annotations to apply to the pod.', collect)
    .option('--port <port>', 'The port that this container exposes.')
    .option('--expose', 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.')
    .option('--image-pull-policy <policy>', 'The image pull policy for the container.')
    .option('--privileged', 'If true, run the container in privileged mode.')
    .option('--rm', "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.")
    .option('--attach', "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.")
    .option('-i, --stdin', 'Keep stdin open on the container in the pod, even if nothing is attached.')
    .option('-t, --tty', 'Allocate a TTY for the container in the pod.')
    .option('-q, --quiet', 'If true, suppress prompt messages.')
    .option('--leave-stdin-open', 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes.')
    .option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', durationFlag(), 60_000)
    .option('--overrides <json>', 'An inline JSON override for the generated object.')
    .option('--override-type <type>', 'The method used to override the generated object: json, merge, or strategic.', 'merge')
    .option('--save-config', 'If true, the configuration of current object will be saved in its annotation.')
    .addOption(outputOption())
    .addOption(dryRunOption())
    .option('--field-manager <name>', 'Name of the manager used to track field ownership.', 'kubectl-run');
  addDeleteFlags(cmd, { filename: 'to use to replace the resource.', wait: false });
  addRecordFlag(addGlobalFlags(cmd)).action(verbAction(ctx, runVerb));
}
