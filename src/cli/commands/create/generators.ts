// The objects `kubectl create <kind>` builds client-side, field by field in Go struct order so
// that `--dry-run=client -o json` prints exactly what kubectl prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configKeyProblems } from '../../../api/kinds/configmap';
import { EMPTY_PDB_STATUS } from '../../../api/kinds/poddisruptionbudget';
import { canonicalJson } from '../../../api/meta/canonical';
import { compareCodePoints } from '../../../api/meta/codepoint';
import { hasOwn, setOwn } from '../../../api/meta/own';
import { NAME_ALPHABET } from '../../../api/random';
import { sha256, sha256Hex } from '../../../api/sha256';
import { SelectorParseError, parseToLabelSelector } from '../../../api/meta/selector';
import type { KubeObject, LabelSelector } from '../../../api/types';
import { goQuote } from '../../../api/meta/goquote';
import { CliError } from '../../errors';
import { goPathError } from '../../gofile';
import { addFromEnvFile } from './envfile';

/** Five name-safe characters derived from a text (kubectl draws them at random; ours repeat). */
function suffixFor(text: string): string {
  const digest = sha256(text);
  return [...digest.subarray(0, 5)].map((b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join('');
}

/** Container name from an image: last path segment without tag/digest; "." and "_" force a suffix. */
export function containerNameFor(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split('@')[0].split(':')[0];
  if (/[._]/.test(name)) name = `${name.replace(/[._]/g, '-')}-${suffixFor(image)}`;
  return name;
}

export function deployment(name: string, images: string[], replicas: number, port: number | undefined, command: string[] = []): KubeObject {
  const labels = { app: name };
  const containers = images.map((image) => {
    const c: Record<string, unknown> = { name: containerNameFor(image), image };
    if (command.length) c.command = command;
    if (port !== undefined) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, creationTimestamp: null, labels },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as KubeObject;
}

/** The pod template of create job and create cronjob: one container named after the object. */
function onePodTemplate(name: string, image: string, command: string[], restartPolicy: string): Record<string, unknown> {
  const container: Record<string, unknown> = { name, image };
  if (command.length) container.command = command;
  container.resources = {};
  return { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy } };
}

/** kubectl create job NAME --image=IMAGE [-- COMMAND]: one container named after the Job, restartPolicy Never. */
export function job(name: string, image: string, command: string[] = []): KubeObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: { name, creationTimestamp: null },
    spec: { template: onePodTemplate(name, image, command, 'Never') },
    status: {},
  } as KubeObject;
}

/**
 * kubectl create cronjob NAME --image=IMAGE --schedule=SCHEDULE [-- COMMAND]: a job template of one
 * container named after the CronJob; --restart unset means OnFailure (any other word is sent as is).
 */
export function cronJob(name: string, image: string, schedule: string, restart: string, command: string[] = []): KubeObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: { name, creationTimestamp: null },
    spec: { schedule, jobTemplate: { metadata: { name, creationTimestamp: null }, spec: { template: onePodTemplate(name, image, command, restart || 'OnFailure') } } },
    status: {},
  } as KubeObject;
}

/**
 * kubectl create poddisruptionbudget NAME --selector=SEL --min-available=N|N% (or --max-unavailable):
 * the selector parsed as metav1.ParseToLabelSelector parses it, a count as a number, a percentage
 * as a string, and the status's four counts (always written) at zero.
 */
export function podDisruptionBudget(name: string, selector: string, minAvailable: string, maxUnavailable: string): KubeObject {
  let sel: LabelSelector;
  try {
    sel = parseToLabelSelector(selector);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new CliError(e.message);
    throw e;
  }
  const intOrString = (v: string) => (/^[0-9]+$/.test(v) ? Number(v) : v);
  const spec: Record<string, unknown> = {};
  if (minAvailable) spec.minAvailable = intOrString(minAvailable);
  spec.selector = sel;
  if (maxUnavailable) spec.maxUnavailable = intOrString(maxUnavailable);
  return {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: { name, creationTimestamp: null },
    spec,
    status: { ...EMPTY_PDB_STATUS },
  } as unknown as KubeObject;
}

export function namespace(name: string): KubeObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} } as KubeObject;
}

/** kubectl's ParseLiteralSource: key=value, the key not empty. */
function parseLiteral(s: string): [string, string] {
  const i = s.indexOf('=');
  if (i <= 0) throw new CliError(`invalid literal source ${s}, expected key=value`);
  return [s.slice(0, i), s.slice(i + 1)];
}

/** os.Stat of a --from-file or --from-env-file source, its failure worded as kubectl words it. */
function statSource(file: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (e) {
    // "error reading F: " and the PathError's own error, without its op and path.
    const text = goPathError('open', file, e);
    throw new CliError(`error reading ${file}: ${text.slice(`open ${file}: `.length)}`);
  }
}

function isUtf8(b: Buffer): boolean {
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}

/** --from-literal, --from-file (file, key=file, directory) and --from-env-file sources. */
export function configMap(
  name: string,
  literals: string[],
  files: string[],
  envFiles: string[],
  env: (key: string) => string | undefined,
): KubeObject {
  if (envFiles.length && (literals.length || files.length)) throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const put = (key: string, value: Buffer | string) => {
    const problems = configKeyProblems(key);
    if (problems.length) throw new CliError(`${goQuote(key)} is not a valid key name for a ConfigMap: ${problems.join(',')}`);
    for (const [field, map] of [['Data', data], ['BinaryData', binaryData]] as const)
      if (hasOwn(map, key)) throw new CliError(`cannot add key ${goQuote(key)}, another key by that name already exists in ${field} for ConfigMap ${goQuote(name)}`);
    if (typeof value === 'string' || isUtf8(value)) setOwn(data, key, value.toString());
    else setOwn(binaryData, key, value.toString('base64'));
  };
  for (const l of literals) put(...parseLiteral(l));
  for (const f of files) {
    const eq = f.indexOf('=');
    const [key, file] = eq > 0 ? [f.slice(0, eq), f.slice(eq + 1)] : [undefined, f];
    const stat = statSource(file);
    if (stat.isDirectory()) {
      if (key) throw new CliError('cannot give a key name for a directory path');
      for (const entry of fs.readdirSync(file).sort()) {
        const full = path.join(file, entry);
        if (fs.statSync(full).isFile()) put(entry, fs.readFileSync(full));
      }
    } else put(key ?? path.basename(file), fs.readFileSync(file));
  }
  for (const f of envFiles) {
    const stat = statSource(f);
    if (stat.isDirectory()) throw new CliError('env config file cannot be a directory');
    addFromEnvFile(f, env, put);
  }
  const cm: Record<string, unknown> = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name, creationTimestamp: null } };
  // Go maps: encoding/json writes their keys sorted.
  if (Object.keys(data).length) cm.data = sortedByKey(data);
  if (Object.keys(binaryData).length) cm.binaryData = sortedByKey(binaryData);
  return cm as KubeObject;
}

function sortedByKey(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(m).sort(compareCodePoints).map((k) => [k, m[k]]));
}

/** --append-hash: kubectl's ConfigMapHash, sha256 of the content folded into 10 name-safe characters. */
export function configMapHash(cm: KubeObject): string {
  const content = canonicalJson({ kind: 'ConfigMap', name: cm.metadata.name, data: cm.data ?? {}, ...(cm.binaryData ? { binaryData: cm.binaryData } : {}) });
  const hex = sha256Hex(content).slice(0, 10);
  return hex.replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c]!);
}
