// config set-cluster | set-credentials (credentials.ts) | delete-cluster | delete-user | get-clusters | get-users.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCodePoints } from '../../../api/meta/codepoint';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import type { NamedCluster, Section } from '../../kubeconfig';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { registerCredentials } from './credentials';
import { relativizeClusterPaths } from '../../kubeconfig/paths';
import { deepEqual } from '../../../api/meta/equal';
import { type EntryOptions, chainOf, configFileName, exactArgs, helpAnd, requireName, upsertEntry } from './shared';

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

export interface SetClusterOptions {
  name: string;
  /** The fields to set; undefined ones are kept (the booleans: given true or false, or not). */
  server?: string;
  certificateAuthority?: string;
  embedCerts?: boolean;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
}

const setClusterVerb: Verb<SetClusterOptions> = {
  complete(c, args, f, cmd) {
    exactArgs(c, cmd, args, 1);
    return {
      name: args[0],
      server: f.server,
      certificateAuthority: f.certificateAuthority,
      embedCerts: flagBool(f.embedCerts),
      insecureSkipTlsVerify: flagBool(f.insecureSkipTlsVerify),
      tlsServerName: f.tlsServerName,
      proxyUrl: f.proxyUrl,
    };
  },

  validate(o) {
    if (o.embedCerts && !o.certificateAuthority) throw new CliError('you must specify a --certificate-authority to embed');
  },

  run(c, o) {
    const chain = chainOf(c);
    const next = chain.editable();
    const name = o.name;
    const cluster: NamedCluster['cluster'] = { ...(next.clusters.find((x) => x.name === name)?.cluster ?? {}) };
    if (o.server !== undefined) cluster.server = o.server;
    if (o.tlsServerName !== undefined) {
      cluster['tls-server-name'] = o.tlsServerName;
      // A name to verify the server's certificate against means verifying it (kubectl clears the skip).
      delete cluster['insecure-skip-tls-verify'];
    }
    if (o.proxyUrl !== undefined) cluster['proxy-url'] = o.proxyUrl;
    const insecure = o.insecureSkipTlsVerify;
    if (insecure !== undefined) {
      cluster['insecure-skip-tls-verify'] = insecure || undefined;
      // A cluster that skips verification keeps no CA (kubectl clears it).
      if (insecure) {
        delete cluster['certificate-authority'];
        delete cluster['certificate-authority-data'];
      }
    }
    if (o.certificateAuthority !== undefined) {
      if (o.embedCerts) {
        cluster['certificate-authority-data'] = embed(o.certificateAuthority, 'certificate-authority');
        delete cluster['certificate-authority'];
      } else {
        cluster['certificate-authority'] = absolute(o.certificateAuthority);
        delete cluster['certificate-authority-data'];
      }
      delete cluster['insecure-skip-tls-verify'];
    }
    // ModifyConfig writes a changed cluster's file paths relative to the file it goes to (when that needs no "../").
    const before = next.clusters.find((x) => x.name === name)?.cluster;
    const changed = prune(cluster);
    const written = before && deepEqual(before, changed) ? changed : relativizeClusterPaths(changed, path.dirname(path.resolve(chain.destination('clusters', name))));
    upsertEntry(next.clusters, { name, cluster: written });
    chain.save(next);
    c.io.out.write(`Cluster ${JSON.stringify(name)} set.\n`);
  },
};

/** delete-cluster and delete-user: one entry of `section`, named `what` in messages. */
function deleteEntryVerb(section: 'clusters' | 'users', what: string): Verb<EntryOptions> {
  return {
    complete(c, args, _f, cmd) {
      // kubectl reads the kubeconfig first; then anything but one name is delete-cluster's help, delete-user's error.
      chainOf(c).merged();
      if (args.length !== 1 && section === 'clusters') helpAnd(c, cmd, 'ok');
      return { name: requireName(args.length === 1 ? args[0] : undefined, what, cmd) };
    },

    run(c, { name }) {
      const chain = chainOf(c);
      const next = chain.editable();
      const file = configFileName(chain);
      const list = next[section] as { name: string }[];
      if (!list.some((x) => x.name === name)) throw new CliError(`cannot delete ${what} ${name}, not in ${file}`);
      (next[section] as { name: string }[]) = list.filter((x) => x.name !== name);
      chain.save(next);
      c.io.out.write(`deleted ${what} ${name} from ${file}\n`);
    },
  };
}

/** get-clusters and get-users: the names of `section`'s entries (the names given are ignored, as they were). */
function listEntriesVerb(section: Section): Verb<void> {
  return {
    complete() {},

    run(c) {
      const names = (chainOf(c).merged().data[section] as { name: string }[]).map((x) => x.name).sort(compareCodePoints);
      c.io.out.write(['NAME', ...names].map((n) => n + '\n').join(''));
    },
  };
}

export function registerEntries(config: Command, ctx: CommandContext): void {
  addGlobalFlags(
    config
      .command('set-cluster')
      .description('Set a cluster entry in kubeconfig')
      .argument('[names...]')
      .option('--server <server>', 'server for the cluster entry in kubeconfig')
      .option('--certificate-authority <path>', 'Path to certificate-authority file for the cluster entry in kubeconfig')
      .option('--embed-certs', 'embed-certs for the cluster entry in kubeconfig')
      .option('--insecure-skip-tls-verify', 'insecure-skip-tls-verify for the cluster entry in kubeconfig')
      .option('--tls-server-name <name>', 'tls-server-name for the cluster entry in kubeconfig')
      .option('--proxy-url <url>', 'proxy-url for the cluster entry in kubeconfig'),
  ).action(verbAction(ctx, setClusterVerb));

  registerCredentials(config, ctx);

  for (const [verb, section, what, description] of [
    ['delete-cluster', 'clusters', 'cluster', 'Delete the specified cluster from the kubeconfig'],
    ['delete-user', 'users', 'user', 'Delete the specified user from the kubeconfig'],
  ] as const) {
    addGlobalFlags(config.command(verb).description(description).argument('[names...]')).action(verbAction(ctx, deleteEntryVerb(section, what)));
  }

  for (const [verb, section, description] of [
    ['get-clusters', 'clusters', 'Display clusters defined in the kubeconfig'],
    ['get-users', 'users', 'Display users defined in the kubeconfig'],
  ] as const) {
    addGlobalFlags(config.command(verb).description(description).argument('[names...]')).action(verbAction(ctx, listEntriesVerb(section)));
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
