// kubectl version: client (the kubectl release pocketkube follows), kustomize and server versions.
import * as os from 'node:os';
import type { Command } from 'commander';
import { toYaml } from '../../printers/yaml';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { action, addGlobalFlags } from '../program';

export const CLIENT_VERSION = 'v1.32.4';
export const KUSTOMIZE_VERSION = 'v5.5.0';
export const SERVER_VERSION = 'v1.32.0';

function info(gitVersion: string) {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion,
    gitCommit: 'pocketkube',
    gitTreeState: 'clean',
    buildDate: '2026-11-26T00:00:00Z',
    goVersion: 'pocketkube (node)',
    compiler: 'pocketkube',
    platform: `${os.platform()}/${os.arch() === 'x64' ? 'amd64' : os.arch()}`,
  };
}

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('version')
      .description('Print the client and server version information')
      .option('--client', 'If true, shows client version only (no server required).')
      .option('-o, --output <format>', "One of 'yaml' or 'json'."),
  ).action(
    action(ctx, (c, _args, opts) => {
      if (opts.output && opts.output !== 'json' && opts.output !== 'yaml') throw new CliError('--output must be \'yaml\' or \'json\'');
      const serverVersion = opts.client ? undefined : (c.cluster('read'), info(SERVER_VERSION));
      const doc: Record<string, unknown> = { clientVersion: info(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
      if (serverVersion) doc.serverVersion = serverVersion;
      if (opts.output === 'json') return c.io.out.write(JSON.stringify(doc, null, 2) + '\n');
      if (opts.output === 'yaml') return c.io.out.write(toYaml(doc) + '\n');
      c.io.out.write(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (serverVersion) c.io.out.write(`Server Version: ${SERVER_VERSION}\n`);
    }),
  );
}
