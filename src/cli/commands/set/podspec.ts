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
  return select(c, o.local ? [] : resources, o.local ? { ...o, selector: '' } : o, { allowEmptySelector: !!o.all, latest: true });
}

/**
 * The shared run of kubectl set: pick the objects (any not found fails the whole command),
 * change each one's pod spec with `mutate`, and send what changed as a strategic merge patch.
 * `mutate` returns false when it changed nothing; problems it finds go into `errors`.
 */
export async function runSet(
  c: CommandContext,
  resources: string[],
  o: SetOptions,
  operation: string,
  changeCause: string | undefined,
  mutate: (spec: PodSpec, obj: KubeObject, errors: Error[]) => boolean | void,
  failure: string,
): Promise<void> {
  const dryRun: DryRun = parseDryRun(c, o.dryRun);
  if (o.local && dryRun === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (o.local && resources.length) throw new CliError('error: you must specify resources by --filename when --local is set.');
  if (o.all && o.selector) throw new CliError('cannot set --all and --selector at the same time');
  const client = o.local ? undefined : c.cluster(dryRun === 'none' ? 'write' : 'read').client;
  const selection = await selectForSet(c, resources, o);
  const picked = selection.infos(client);
  selection.throwErrors();
  const printer = new MutationPrinter(c.io.out, parseOutput(o.output, false, o), dryRun);
  const errors: Error[] = [];
  for (const { type, obj, namespace } of picked) {
    const objectName = `${type.resource}${type.group ? '.' + type.group : ''}/${obj.metadata.name}`;
    const after = structuredClone(obj) as KubeObject;
    try {
      if (mutate(podSpecOf(after), after, errors) === false) continue;
    } catch (e) {
      errors.push(new CliError(`error: ${objectName} ${(e as Error).message}\n`));
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
      errors.push(new CliError(`${failure}: ${(e as Error).message}`));
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
}
