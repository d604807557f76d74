// kubectl version: client (the kubectl release pocketkube follows), kustomize and server versions.
import * as os from 'node:os';
import type { Command } from '../command';
import { toYaml } from '../../printers/yaml';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { addGlobalFlags } from '../program';
import { type Verb, verbAction } from '../verb';
import { CLIENT_VERSION, SERVER_VERSION, SERVER_VERSION_INFO } from '../../api/version';
import { outputOption } from '../flags/groups';

export const KUSTOMIZE_VERSION = 'v5.5.0';
export { SERVER_VERSION };

interface Build {
  gitCommit: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
}

/** The client is pocketkube itself (the simulated server reports the release it plays: api/version.ts). */
const CLIENT_BUILD: Build = { gitCommit: 'pocketkube', buildDate: '2026-11-26T00:00:00Z', goVersion: 'node', compiler: 'pocketkube' };

function info(gitVersion: string, build: Build) {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion,
    gitCommit: build.gitCommit,
    gitTreeState: 'clean',
    buildDate: build.buildDate,
    goVersion: build.goVersion,
    compiler: build.compiler,
    platform: `${os.platform()}/${os.arch() === 'x64' ? 'amd64' : os.arch()}`,
  };
}

export interface VersionOptions {
  clientOnly: boolean;
  output?: 'json' | 'yaml';
}

const versionVerb: Verb<VersionOptions> = {
  complete: (_c, _args, f) => ({ clientOnly: !!f.client, output: f.output || undefined }),
  validate(o) {
    if (o.output && o.output !== 'json' && o.output !== 'yaml') throw new CliError("--output must be 'yaml' or 'json'");
  },
  run(c, o) {
    const serverVersion = o.clientOnly ? undefined : (c.cluster('read'), SERVER_VERSION_INFO);
    const doc: Record<string, unknown> = { clientVersion: info(CLIENT_VERSION, CLIENT_BUILD), kustomizeVersion: KUSTOMIZE_VERSION };
    if (serverVersion) doc.serverVersion = serverVersion;
    if (o.output === 'json') return void c.io.out.write(JSON.stringify(doc, null, 2) + '\n');
    if (o.output === 'yaml') return void c.io.out.write(toYaml(doc) + '\n');
    c.io.out.write(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (serverVersion) c.io.out.write(`Server Version: ${SERVER_VERSION}\n`);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('version')
      .description('Print the client and server version information')
      .option('--client', 'If true, shows client version only (no server required).')
      .addOption(outputOption("One of 'yaml' or 'json'.")),
  ).action(verbAction(ctx, versionVerb));
}
