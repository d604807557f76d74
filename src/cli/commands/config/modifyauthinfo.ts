// What `config set-credentials` makes of a user entry: kubectl's modifyAuthInfo, a pure function
// of the entry as it was and the resolved flags (file effects passed in). Only flags given change
// anything; an exec or auth-provider flag without its stanza is ignored unless the command or
// provider flag makes one.
import { getOwn, setOwn } from '../../../api/meta/own';
import type { ExecConfig, NamedUser } from '../../kubeconfig';

/** kubectl's ParsePairs with removal: `key=value` to set (the last value of a key wins), `key-` to remove. */
export interface Pairs {
  /** In the order the keys were first given (kubectl iterates a Go map: any order). */
  set: [key: string, value: string][];
  remove: string[];
}

export interface CredentialsChange {
  clientCertificate?: string;
  clientKey?: string;
  embedCerts: boolean;
  token?: string;
  username?: string;
  password?: string;
  authProvider?: string;
  authProviderArgs?: Pairs;
  execCommand?: string;
  execApiVersion?: string;
  execInteractiveMode?: string;
  execProvideClusterInfo?: boolean;
  /** Given only when the flag named at least one argument. */
  execArgs?: string[];
  execEnv?: Pairs;
}

export interface FileEffects {
  /** A file's bytes as base64, or undefined when it cannot be read (kubectl then embeds nothing). */
  embed(file: string): string | undefined;
  /** filepath.Abs. */
  absolute(file: string): string;
}

type User = NamedUser['user'];

/** The certificate or key flag: a path made absolute, or the file's bytes embedded; the other form is cleared. */
function setFile(user: User, key: 'client-certificate' | 'client-key', file: string, o: CredentialsChange, fx: FileEffects): void {
  if (o.embedCerts) {
    const data = fx.embed(file);
    if (data) user[`${key}-data`] = data;
    else delete user[`${key}-data`];
    delete user[key];
  } else {
    user[key] = fx.absolute(file);
    delete user[`${key}-data`];
  }
}

/** An omitempty field: "" leaves it out (no key, so an unchanged entry compares equal and is not rewritten). */
function setOptional(exec: ExecConfig, key: 'apiVersion' | 'interactiveMode', value: string): void {
  if (value) exec[key] = value;
  else delete exec[key];
}

/** The exec plugin's changes; exec must exist (made by --exec-command or there before). */
function modifyExec(exec: ExecConfig, o: CredentialsChange): void {
  if (o.execApiVersion !== undefined) setOptional(exec, 'apiVersion', o.execApiVersion);
  if (o.execArgs) exec.args = [...o.execArgs];
  if (o.execInteractiveMode !== undefined) setOptional(exec, 'interactiveMode', o.execInteractiveMode);
  if (o.execProvideClusterInfo !== undefined) exec.provideClusterInfo = o.execProvideClusterInfo;
  if (!o.execEnv) return;
  // Any --exec-env rebuilds the list (so a null list becomes []): removals first, every entry of
  // a removed name; then each value updates the first entry of its name, or is appended.
  const env = (exec.env ?? []).filter((e) => !o.execEnv!.remove.includes(e.name)).map((e) => ({ ...e }));
  const added: { name: string; value: string }[] = [];
  for (const [name, value] of o.execEnv.set) {
    const existing = env.find((e) => e.name === name);
    if (existing) existing.value = value;
    else added.push({ name, value });
  }
  exec.env = [...env, ...added];
}

/** The user entry after the change; `before` is not touched. */
export function modifyAuthInfo(before: User, o: CredentialsChange, fx: FileEffects): User {
  const user: User = structuredClone(before);
  if (o.clientCertificate !== undefined) setFile(user, 'client-certificate', o.clientCertificate, o, fx);
  if (o.clientKey !== undefined) setFile(user, 'client-key', o.clientKey, o, fx);

  // A non-empty token or basic-auth field clears the other method (an empty one only sets itself).
  let setToken = false;
  let setBasic = false;
  if (o.token !== undefined) {
    user.token = o.token;
    setToken = o.token !== '';
  }
  if (o.username !== undefined) {
    user.username = o.username;
    setBasic = o.username !== '';
  }
  if (o.password !== undefined) {
    user.password = o.password;
    setBasic ||= o.password !== '';
  }

  // A provider of another name starts over; the same name keeps its config.
  if (o.authProvider !== undefined && user['auth-provider']?.name !== o.authProvider) user['auth-provider'] = { name: o.authProvider, config: null };
  const provider = user['auth-provider'];
  if (provider) {
    // kubectl makes the map whenever there is a provider, whatever the flags.
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(provider.config ?? {})) if (!o.authProviderArgs?.remove.includes(k)) setOwn(config, k, v);
    for (const [k, v] of o.authProviderArgs?.set ?? []) setOwn(config, k, v);
    provider.config = config;
  }

  if (o.execCommand !== undefined) {
    // A new command keeps the rest of the stanza but not its arguments.
    if (user.exec) Object.assign(user.exec, { command: o.execCommand, args: null });
    else user.exec = { command: o.execCommand, args: null, env: null, provideClusterInfo: false };
  }
  if (user.exec) modifyExec(user.exec, o);

  if (setToken || setBasic) {
    if (!setToken) user.token = '';
    if (!setBasic) {
      user.username = '';
      user.password = '';
    }
  }
  // Empty strings are Go's zero values: absent from the file.
  for (const k of ['client-certificate', 'client-key', 'token', 'username', 'password'] as const) if (getOwn(user, k) === '') delete user[k];
  return user;
}
