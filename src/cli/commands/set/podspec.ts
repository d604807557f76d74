// What kubectl set changes: the pod spec of an object that has one (kubectl's
// polymorphichelpers.UpdatePodSpecForObject), and the strategic patch from before to after.
import { canonicalJson } from '../../../api/meta/canonical';
import { createTwoWayPatch } from '../../../api/patch/strategic';
import { kindDef } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import type { CommandContext } from '../../context';
import { CliError, MultiError } from '../../errors';
import { type DryRun, MutationPrinter, parseDryRun, parseOutput, type TemplateOptions } from '../../flags/output';
import { CHANGE_CAUSE } from '../../record';
import { type ResourceFlags, select } from '../../resource/builder';
import { localResourceError } from '../../resolve';

export interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  [field: string]: unknown;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  [field: string]: unknown;
}

/** The pod spec inside an object, to be changed in place. */
export function podSpecOf(obj: KubeObject): PodSpec {
  const spec = obj.spec as Record<string, any> | undefined;
  switch (obj.kind) {
    case 'Pod':
      return spec as PodSpec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'ReplicationController':
    case 'Job':
      return spec?.template?.spec as PodSpec;
    case 'CronJob':
      return spec?.jobTemplate?.spec?.template?.spec as PodSpec;
  }
  throw new CliError(`the object is not a pod or does not have a pod template: *v1.${obj.kind}`);
}

/** kubectl's selectString: "*" wildcards in a container name selector. */
export function selectName(name: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return name === spec;
  const pattern = spec
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}

export interface SetOptions extends ResourceFlags, TemplateOptions {
  dryRun?: string | boolean;
  output?: string;
}

/** kubectl set's builder: --all lets a bare TYPE mean every object; with --local only the files count. */
export function selectForSet(c: CommandContext, resources: string[], o: SetOptions) {
  return select(c, o.local ? [] : resources, o.local ? { ...o, selector: '' } : o, { allowEmptySelector: !!o.all, latest: true, typed: true });
}

/**
 * cli-runtime's Info.ObjectName, which names the object in set's errors: the mapping's resource
 * ("deployments/web", no group) for an object from the server; a local one has no mapping, so
 * its lowercased kind, with the group and a newline that v1.32 writes there ("deployment.apps/web\n").
 */
function infoObjectName(resource: string, obj: KubeObject, local: boolean): string {
  const name = obj.metadata.name;
  if (!local) return `${resource}/${name}`;
  const kind = obj.kind.toLowerCase();
  const slash = obj.apiVersion.indexOf('/');
  return slash > 0 ? `${kind}.${obj.apiVersion.slice(0, slash)}/${name}\n` : `${kind}/${name}`;
}

/** What one set subcommand gives the shared run. */
export interface SetRunSpec {
  /** The TYPE NAME or TYPE/NAME arguments. */
  resources: string[];
  flags: SetOptions;
  /** What the printer says of a changed object ("image updated"). */
  operation: string;
  changeCause?: string;
  /** Changes the pod spec in place; false when it changed nothing; problems go into `errors`. */
  mutate: (spec: PodSpec, obj: KubeObject, errors: Error[]) => boolean | void;
  /** How the message of a failed patch begins (each subcommand words it its own way). */
  failure: string;
  /**
   * The subcommand's check of its flags, which set image and set resources make only once the
   * objects are read (their Complete reads them, their Validate comes after). They also refuse
   * arguments beside --local; set env, which checks before, passes neither and ignores them.
   */
  validate?: (dryRun: DryRun) => void;
}

/**
 * The shared run of kubectl set: pick the objects (any not found fails the whole command),
 * change each one's pod spec, and send what changed as a strategic merge patch. As kubectl does,
 * every object is changed before any is sent, so the problems `mutate` finds come before the
 * objects it could not change and the patches that failed.
 */
export async function runSet(c: CommandContext, { resources, flags: o, operation, changeCause, mutate, failure, validate }: SetRunSpec): Promise<void> {
  const dryRun: DryRun = parseDryRun(c, o.dryRun);
  const printer = new MutationPrinter(c.io.out, parseOutput(o.output, false, o), dryRun);
  if (validate && o.local && resources.length) throw localResourceError();
  const client = o.local ? undefined : c.cluster(dryRun === 'none' ? 'write' : 'read').client;
  const selection = await selectForSet(c, resources, o);
  const picked = selection.infos(client);
  selection.throwErrors();
  validate?.(dryRun);
  const errors: Error[] = [];
  // kubectl's CalculatePatches: each object changed, or the reason it could not be.
  const changes = picked.map((info) => {
    const after = structuredClone(info.obj) as KubeObject;
    try {
      return mutate(podSpecOf(after), after, errors) === false ? undefined : { info, after };
    } catch (e) {
      return { info, after, error: e as Error };
    }
  });
  for (const change of changes) {
    if (!change) continue;
    const { info: { type, obj, namespace }, after, error } = change;
    if (error) {
      errors.push(new CliError(`error: ${infoObjectName(type.resource, obj, !!o.local)} ${error.message}\n`));
      continue;
    }
    if (changeCause !== undefined) after.metadata.annotations = { ...(after.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause };
    const patch = createTwoWayPatch(obj as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, kindDef(type).strategy.schemaType);
    if (canonicalJson(patch) === '{}') continue;
    if (o.local || dryRun === 'client') {
      printer.print(after, operation, true);
      continue;
    }
    try {
      printer.print(client!.patch(type, namespace, obj.metadata.name!, 'strategic', patch, { dryRun: dryRun === 'server' }), operation, true);
    } catch (e) {
      errors.push(new CliError(`${failure}${(e as Error).message}`));
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
}
