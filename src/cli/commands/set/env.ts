// kubectl set env: KEY=VALUE and KEY- (and -e, --from a ConfigMap, --prefix, --keys) on the
// containers of pod templates, or --list of what they have.
import type { ConfigMap } from '../../../api/types';
import type { Secret } from '../../../api/kinds/secret';
import { goQuote } from '../../../api/meta/goquote';
import { envVarNameProblems } from '../../../api/validation/envvar';
import { CliError } from '../../errors';
import type { Container, EnvVar } from './podspec';

/** kubectl's SplitEnvironmentFromResources: resources first, then KEY=VALUE or KEY- arguments. */
export function splitEnvArgs(args: string[]): { resources: string[]; env: string[] } {
  const resources: string[] = [];
  const env: string[] = [];
  for (const s of args) {
    const isEnv = /^(.+)=(.*)$/s.test(s) || s.endsWith('-');
    if (isEnv) env.push(s);
    else if (env.length) throw new CliError(`all resources must be specified before environment changes: ${args.join(' ')}`);
    else resources.push(s);
  }
  return { resources, env };
}

/** envutil.ParseEnv: variables to set and names to remove ("-" reads KEY=VALUE lines from stdin). */
export function parseEnv(specs: string[], stdin: () => string): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') {
      for (let line of stdin().split('\n')) {
        const hash = line.indexOf('#');
        if (hash >= 0) line = line.slice(0, hash);
        const i = line.indexOf('=');
        if (i >= 0) env.push({ name: line.slice(0, i), value: line.slice(i + 1) });
      }
    } else if (spec.includes('=')) {
      const i = spec.indexOf('=');
      const name = spec.slice(0, i);
      const problems = envVarNameProblems(name);
      if (problems.length) throw new CliError(`${goQuote(name)} is not a valid key name: ${problems.join(';')}`);
      env.push({ name, value: spec.slice(i + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new CliError(`unknown environment variable: ${spec}`);
  }
  if (remove.some((r) => env.some((e) => e.name === r))) throw new CliError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** Variables that read each (chosen) key of a ConfigMap, named as kubectl names them. */
/**
 * --from: a variable per key of the ConfigMap's or Secret's data (each --keys if given), named as
 * keyToEnvName names it and referring to the key; undefined for another kind (kubectl refuses it).
 */
export function envFromSource(obj: ConfigMap | Secret, keys: string[], warn: (message: string) => void): EnvVar[] | undefined {
  const ref = obj.kind === 'ConfigMap' ? 'configMapKeyRef' : obj.kind === 'Secret' ? 'secretKeyRef' : undefined;
  if (!ref) return undefined;
  return Object.keys(obj.data ?? {})
    .filter((k) => !keys.length || keys.includes(k))
    .map((key) => {
      const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
      if (name !== key) warn(`key ${key} transferred to ${name}`);
      return { name, valueFrom: { [ref]: { key, name: obj.metadata.name } } } as EnvVar;
    });
}

/** kubectl's updateEnv: replace in place, drop removed, append new. */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

export function checkNoOverwrites(existing: EnvVar[], env: EnvVar[]): void {
  for (const e of env) {
    const current = existing.find((x) => x.name === e.name);
    if (current && current.value !== e.value) throw new CliError(`'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`);
  }
}

/** The reference text kubectl prints for a variable read from elsewhere (envutil.GetEnvVarRefString). */
export function envRefString(from: Record<string, any>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const c = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource field ${c}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}

export type { Container };
