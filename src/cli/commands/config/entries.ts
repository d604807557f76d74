// config set-cluster | set-credentials (credentials.ts) | delete-cluster | delete-user | get-clusters | get-users.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCodePoints } from '../../../api/meta/codepoint';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import type { NamedCluster, Section } from '../../kubeconfig';
import { action, addGlobalFlags } from '../../program';
import { registerCredentials } from './credentials';
import { chainOf, configFileName, helpAnd, requireName, upsertEntry } from './shared';

/** A file's bytes, base64, for --embed-certs; kubectl's error when it cannot be read. */
function embed(file: string, what: string): string {
  try {
    return fs.readFileSync(file).toString('base64');
  } catch (e) {
    throw new CliError(`could not stat ${what} file ${file}: stat ${file}: no such file or directory`);
  }
}

function absolute(file: string): string {
  return path.resolve(file);
}

export function registerEntries(config: Command, ctx: CommandContext): void {
  const setCluster = addGlobalFlags(
    config
      .command('set-cluster')
      .description('Set a cluster entry in kubeconfig')
      .argument('[name]')
      .option('--server <server>', 'server for the cluster entry in kubeconfig')
      .option('--certificate-authority <path>', 'Path to certificate-authority file for the cluster entry in kubeconfig')
      .option('--embed-certs', 'embed-certs for the cluster entry in kubeconfig')
      .option('--insecure-skip-tls-verify', 'insecure-skip-tls-verify for the cluster entry in kubeconfig')
      .option('--tls-server-name <name>', 'tls-server-name for the cluster entry in kubeconfig')
      .option('--proxy-url <url>', 'proxy-url for the cluster entry in kubeconfig'),
  );
  setCluster.action(
    action(ctx, (c, args, opts) => {
      if (args.length !== 1) helpAnd(c, setCluster, 'unexpected-args');
      const embedCerts = flagBool(opts.embedCerts);
      if (embedCerts && !opts.certificateAuthority) throw new CliError('you must specify a --certificate-authority to embed');
      const chain = chainOf(c);
      const next = chain.editable();
      const name = args[0];
      const cluster: NamedCluster['cluster'] = { ...(next.clusters.find((x) => x.name === name)?.cluster ?? {}) };
      if (opts.server !== undefined) cluster.server = opts.server;
      if (opts.tlsServerName !== undefined) {
        cluster['tls-server-name'] = opts.tlsServerName;
        // A name to verify the server's certificate against means verifying it (kubectl clears the skip).
        delete cluster['insecure-skip-tls-verify'];
      }
      if (opts.proxyUrl !== undefined) cluster['proxy-url'] = opts.proxyUrl;
      const insecure = flagBool(opts.insecureSkipTlsVerify);
      if (insecure !== undefined) {
        cluster['insecure-skip-tls-verify'] = insecure || undefined;
        // A cluster that skips verification keeps no CA (kubectl clears it).
        if (insecure) {
          delete cluster['certificate-authority'];
          delete cluster['certificate-authority-data'];
        }
      }
      if (opts.certificateAuthority !== undefined) {
        if (embedCerts) {
          cluster['certificate-authority-data'] = embed(opts.certificateAuthority, 'certificate-authority');
          delete cluster['certificate-authority'];
        } else {
          cluster['certificate-authority'] = absolute(opts.certificateAuthority);
          delete cluster['certificate-authority-data'];
        }
        delete cluster['insecure-skip-tls-verify'];
      }
      upsertEntry(next.clusters, { name, cluster: prune(cluster) });
      chain.save(next);
      c.io.out.write(`Cluster ${JSON.stringify(name)} set.\n`);
    }),
  );

  registerCredentials(config, ctx);

  for (const [verb, section, what, description] of [
    ['delete-cluster', 'clusters', 'cluster', 'Delete the specified cluster from the kubeconfig'],
    ['delete-user', 'users', 'user', 'Delete the specified user from the kubeconfig'],
  ] as const) {
    const del = addGlobalFlags(config.command(verb).description(description).argument('[name]'));
    del.action(
      action(ctx, (c, args) => {
        if (!args.length && section === 'clusters') helpAnd(c, del, 'ok');
        const name = requireName(args[0], what, del);
        const chain = chainOf(c);
        const next = chain.editable();
        const file = configFileName(chain);
        const list = next[section] as { name: string }[];
        if (!list.some((x) => x.name === name)) throw new CliError(`cannot delete ${what} ${name}, not in ${file}`);
        (next[section] as { name: string }[]) = list.filter((x) => x.name !== name);
        chain.save(next);
        c.io.out.write(`deleted ${what} ${name} from ${file}\n`);
      }),
    );
  }

  for (const [verb, section, description] of [
    ['get-clusters', 'clusters', 'Display clusters defined in the kubeconfig'],
    ['get-users', 'users', 'Display users defined in the kubeconfig'],
  ] as const) {
    addGlobalFlags(config.command(verb).description(description).argument('[names...]')).action(
      action(ctx, (c) => {
        const names = (chainOf(c).merged().data[section as Section] as { name: string }[]).map((x) => x.name).sort(compareCodePoints);
        c.io.out.write(['NAME', ...names].map((n) => n + '\n').join(''));
      }),
    );
  }
}

/** A boolean flag given (true or false) or not (undefined). */
function flagBool(v: unknown): boolean | undefined {
  return v === undefined ? undefined : v === true;
}

function prune<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
