// A user's exec plugin and auth provider as client-go holds them (clientcmd/api/v1 ExecConfig,
// AuthProviderConfig): read from a file into the Go structs' shape, with their zero values and
// the defaulting clientcmd.Load applies, and written back in the structs' field order. kubectl
// writes and prints these from the structs, so a field without omitempty is always there
// (`args: null`, `provideClusterInfo: false`) and unknown fields are gone.
import { compareCodePoints } from '../../api/meta/codepoint';
import { getOwn, setOwn } from '../../api/meta/own';

export interface ExecEnvVar {
  name: string;
  value: string;
}

export interface ExecConfig {
  command: string;
  /** null and [] differ in the file (Go's nil and empty slices), so both are kept. */
  args: string[] | null;
  env: ExecEnvVar[] | null;
  apiVersion?: string;
  installHint?: string;
  provideClusterInfo: boolean;
  interactiveMode?: string;
}

export interface AuthProviderConfig {
  name: string;
  /** A map whose keys are data (read and written with own.ts); null when the file gives none. */
  config: Record<string, string> | null;
}

/** The exec API versions whose plugins may read stdin unless they say otherwise (SetDefaults_ExecConfig). */
const INTERACTIVE_BY_DEFAULT = new Set(['client.authentication.k8s.io/v1beta1', 'client.authentication.k8s.io/v1alpha1']);

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An exec stanza as Go decodes it from a file, defaulted as clientcmd.Load defaults it; undefined for none (absent or null). */
export function decodeExec(raw: unknown): ExecConfig | undefined {
  if (!isObject(raw)) return undefined;
  const exec: ExecConfig = {
    command: text(getOwn(raw, 'command')),
    args: Array.isArray(raw.args) ? raw.args.map(text) : null,
    env: Array.isArray(raw.env) ? raw.env.map((e) => ({ name: text(isObject(e) ? getOwn(e, 'name') : ''), value: text(isObject(e) ? getOwn(e, 'value') : '') })) : null,
    provideClusterInfo: getOwn(raw, 'provideClusterInfo') === true,
  };
  for (const k of ['apiVersion', 'installHint', 'interactiveMode'] as const) {
    const v = text(getOwn(raw, k));
    if (v) exec[k] = v;
  }
  // Older plugin APIs read stdin when they can; newer ones must say so.
  if (!exec.interactiveMode && INTERACTIVE_BY_DEFAULT.has(exec.apiVersion ?? '')) exec.interactiveMode = 'IfAvailable';
  return exec;
}

/** An auth-provider stanza as Go decodes it; undefined for none. */
export function decodeAuthProvider(raw: unknown): AuthProviderConfig | undefined {
  if (!isObject(raw)) return undefined;
  const config = getOwn(raw, 'config');
  let map: Record<string, string> | null = null;
  if (isObject(config)) {
    map = {};
    for (const k of Object.keys(config)) setOwn(map, k, text(config[k]));
  }
  return { name: text(getOwn(raw, 'name')), config: map };
}

/** The exec stanza in ExecConfig's field order; omitempty fields only when set. */
export function execDocument(exec: ExecConfig): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    command: exec.command,
    args: exec.args,
    env: exec.env && exec.env.map((e) => ({ name: e.name, value: e.value })),
  };
  if (exec.apiVersion) doc.apiVersion = exec.apiVersion;
  if (exec.installHint) doc.installHint = exec.installHint;
  doc.provideClusterInfo = exec.provideClusterInfo;
  if (exec.interactiveMode) doc.interactiveMode = exec.interactiveMode;
  return doc;
}

/** The auth-provider stanza: name, then config with its keys sorted as Go marshals a map. */
export function authProviderDocument(p: AuthProviderConfig): Record<string, unknown> {
  let config: Record<string, string> | null = null;
  if (p.config) {
    config = {};
    for (const k of Object.keys(p.config).sort(compareCodePoints)) setOwn(config, k, p.config[k]);
  }
  return { name: p.name, config };
}
