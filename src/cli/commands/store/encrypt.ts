// pocketkube store encrypt [--provider aesgcm|aescbc|secretbox|identity]: what an administrator
// does to a real cluster's EncryptionConfiguration, in one step. With a provider, a new key of
// it (32 random bytes) goes first in the home's encryption-config.yaml, so it writes secrets
// from now on and the keys before it still read what they wrote (identity first: written in the
// clear again); then every object of the resources the configuration covers is rewritten, as
// `kubectl get secrets -A -o json | kubectl replace -f -` rewrites them, and the store's files
// that held them are replaced. Without a provider, only the rewrite: after editing the file.
import type { Command } from '../../command';
import { Option } from '../../command';
import { PROVIDERS, type EncryptReport, type ProviderKey, type ProviderName } from '../../../api/encryption';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';

export interface EncryptOptions {
  /** The provider to write with from now on (with a new key); none: rewrite as configured. */
  provider?: ProviderName;
}

const named = (k: ProviderKey) => (k.key ? `${k.provider} (key ${k.key})` : k.provider);

/** The report as lines: the file written, then per resource what writes it, what else reads it, and how many objects were rewritten. */
export function reportText(r: EncryptReport): string {
  let out = r.written ? `${r.file} written\n` : '';
  for (const res of r.resources) {
    const others = res.readers.filter((k) => k.provider !== res.writer.provider || k.key !== res.writer.key);
    out += `${res.resource}: ${res.rewritten} rewritten with ${named(res.writer)}${res.writer.provider === 'identity' ? ' (in the clear)' : ''}`;
    out += others.length ? `; also read with ${others.map(named).join(', ')}\n` : '\n';
  }
  return out;
}

const encryptVerb: Verb<EncryptOptions> = {
  complete(_c, _args, f) {
    // Refused as pflag refuses a bad value of an enum flag: while parsing.
    const p: string | undefined = f.provider;
    if (p !== undefined && !(PROVIDERS as readonly string[]).includes(p))
      throw new CliError(`invalid argument ${JSON.stringify(p)} for "--provider" flag: must be one of ${PROVIDERS.join(', ')}`);
    return { provider: p as ProviderName | undefined };
  },
  run(c, o) {
    // Opened for writing first: an empty home gets its cluster, and the user's credentials count.
    c.cluster('write');
    c.io.out.write(reportText(c.store().encrypt(o.provider)));
  },
};

export function registerEncrypt(store: Command, ctx: CommandContext): void {
  addGlobalFlags(
    store
      .command('encrypt')
      .description("Encrypt Secrets at rest with a new key (the home's EncryptionConfiguration), and rewrite them")
      .addOption(new Option('--provider <name>', `The provider that writes from now on, with a new key: ${PROVIDERS.join(', ')}. Without it, rewrite as the configuration says`)),
  ).action(verbAction(ctx, encryptVerb));
}
