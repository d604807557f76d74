// config set-credentials NAME: a user entry's certificate, key, token, basic auth, auth provider
// and exec plugin, as kubectl v1.32's setCredentialsOptions: complete (arguments and key=value
// flags: a failure prints the help first), validate (kubectl's checks and words), run (the entry
// changed by modifyauthinfo.ts and written back where it came from).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deepEqual } from '../../../api/meta/equal';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { relativizeAuthInfoPaths } from '../../kubeconfig/paths';
import { addGlobalFlags, collect } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { type CredentialsChange, type Pairs, modifyAuthInfo } from './modifyauthinfo';
import { chainOf, helpAnd, upsertEntry } from './shared';
import { stringSlice } from './stringslice';

export interface CredentialsOptions extends CredentialsChange {
  name: string;
}

const INTERACTIVE_MODES = ['IfAvailable', 'Always', 'Never'];

/** kubectl's ParsePairs(args, flag, supportRemove=true); its error lists every malformed argument. */
function parsePairs(args: string[], flag: string): Pairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) set.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (eq < 0 && arg.endsWith('-') && arg !== '-') remove.push(arg.slice(0, -1));
    else invalid.push(arg);
  }
  if (invalid.length) throw new CliError(`invalid ${flag} format: ${invalid.join(', ')}`);
  return { set: [...set], remove };
}

/** os.Stat's error text, for the files to embed. */
function statError(file: string, e: unknown): string {
  const why: Record<string, string> = { ENOENT: 'no such file or directory', ENOTDIR: 'not a directory', EACCES: 'permission denied' };
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return `stat ${file}: ${why[code] ?? (e as Error).message}`;
}

const setCredentialsVerb: Verb<CredentialsOptions> = {
  complete(c, args, f, cmd) {
    // A failure here prints the command's help before the error, as kubectl does.
    try {
      if (args.length !== 1) throw new CliError(`unexpected args: [${args.join(' ')}]`);
      const authProviderArgs: string[] = f.authProviderArg ?? [];
      const execArgs: string[] = f.execArg ?? [];
      const execEnv: string[] = f.execEnv ?? [];
      return {
        name: args[0],
        clientCertificate: f.clientCertificate,
        clientKey: f.clientKey,
        embedCerts: f.embedCerts === true,
        token: f.token,
        username: f.username,
        password: f.password,
        authProvider: f.authProvider,
        authProviderArgs: authProviderArgs.length ? parsePairs(authProviderArgs, 'auth-provider-arg') : undefined,
        execCommand: f.execCommand,
        execApiVersion: f.execApiVersion,
        execInteractiveMode: f.execInteractiveMode,
        execProvideClusterInfo: f.execProvideClusterInfo,
        execArgs: execArgs.length ? execArgs : undefined,
        execEnv: execEnv.length ? parsePairs(execEnv, 'exec-env') : undefined,
      };
    } catch (e) {
      if (e instanceof CliError) helpAnd(c, cmd, { error: e.message });
      throw e;
    }
  },

  validate(o) {
    if (!o.name) throw new CliError('you must specify a non-empty user name');
    const methods: string[] = [];
    if (o.token) methods.push('--token');
    if (o.username || o.password) methods.push('--username/--password');
    if (methods.length > 1) throw new CliError(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
    if (o.embedCerts) {
      if (!o.clientCertificate && !o.clientKey) throw new CliError('you must specify a --client-certificate or --client-key to embed');
      for (const [file, what] of [
        [o.clientCertificate, 'client-certificate'],
        [o.clientKey, 'client-key'],
      ] as const) {
        if (!file) continue;
        try {
          fs.statSync(file);
        } catch (e) {
          throw new CliError(`could not stat ${what} file ${file}: ${statError(file, e)}`);
        }
      }
    }
    if (o.execInteractiveMode !== undefined && !INTERACTIVE_MODES.includes(o.execInteractiveMode)) {
      throw new CliError('invalid interactive mode type, can be only IfAvailable, Never, Always');
    }
  },

  run(c, o) {
    const chain = chainOf(c);
    const next = chain.editable();
    const before = next.users.find((x) => x.name === o.name)?.user;
    const changed = modifyAuthInfo(before ?? {}, o, {
      embed: (file) => {
        try {
          return fs.readFileSync(file).toString('base64');
        } catch {
          return undefined;
        }
      },
      absolute: (file) => path.resolve(file),
    });
    // ModifyConfig writes a new or changed user with its file paths relative to its kubeconfig's
    // directory; an unchanged one is not written at all.
    const user = before && deepEqual(before, changed) ? changed : relativizeAuthInfoPaths(changed, path.dirname(path.resolve(chain.destination('users', o.name))));
    upsertEntry(next.users, { name: o.name, user });
    chain.save(next);
    c.io.out.write(`User ${JSON.stringify(o.name)} set.\n`);
  },
};

export function registerCredentials(config: Command, ctx: CommandContext): void {
  addGlobalFlags(
    config
      .command('set-credentials')
      .description('Set a user entry in kubeconfig')
      .argument('[args...]')
      .option('--client-certificate <path>', 'Path to client-certificate file for the user entry in kubeconfig')
      .option('--client-key <path>', 'Path to client-key file for the user entry in kubeconfig')
      .option('--token <token>', 'token for the user entry in kubeconfig')
      .option('--username <name>', 'username for the user entry in kubeconfig')
      .option('--password <password>', 'password for the user entry in kubeconfig')
      .option('--auth-provider <name>', 'Auth provider for the user entry in kubeconfig')
      .option('--auth-provider-arg <args>', "'key=value' arguments for the auth provider", stringSlice)
      .option('--exec-command <command>', 'Command for the exec credential plugin for the user entry in kubeconfig')
      .option('--exec-api-version <version>', 'API version of the exec credential plugin for the user entry in kubeconfig')
      .option('--exec-interactive-mode <mode>', 'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig')
      .option('--exec-provide-cluster-info', 'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig')
      .option('--exec-arg <args>', 'New arguments for the exec credential plugin command for the user entry in kubeconfig', stringSlice)
      // A StringArray, not a slice: commas are part of the value.
      .option('--exec-env <env>', "'key=value' environment values for the exec credential plugin", collect)
      .option('--embed-certs', 'Embed client cert/key for the user entry in kubeconfig'),
  ).action(verbAction(ctx, setCredentialsVerb));
}
