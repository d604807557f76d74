// pocketkube kubeadm token create|list|delete|generate: bootstrap tokens, as Secrets in kube-system.
import type { Command } from '../../command';
import { type BootstrapToken, TOKEN_PATTERN, parseToken } from '../../../api/bootstraptoken';
import { rfc3339 } from '../../../api/time';
import { shortHumanDuration } from '../../../printers/age';
import { tabwrite } from '../../../printers/tabwriter';
import type { CommandContext } from '../../context';
import { RawError } from '../../errors';
import { durationFlag } from '../../flags/duration';
import { action, collectSlice } from '../../program';
import type { KubeadmMachine } from './host';
import { NO_ADMIN_CONF, joinCommandLine, kubeadmFail, kubeadmStep } from './output';

/** kubeadm's token printer: one tabwriter per token (minwidth 10, padding 3), fixed-width cells. */
const TOKEN_TABWRITER = { minWidth: 10, padding: 3 };
const pad = (s: string, n: number) => s.padEnd(n);

function tokenRow(t: BootstrapToken, now: number): string {
  const ttl = t.expires === undefined ? '<forever>' : shortHumanDuration(t.expires - now);
  const expires = t.expires === undefined ? '<never>' : rfc3339(t.expires);
  const usages = t.usages.join(',') || '<none>';
  const description = t.description || '<none>';
  const groups = t.groups.join(',') || '<none>';
  return `${t.id}.${t.secret}\t${pad(ttl, 9)}\t${expires}\t${pad(usages, 22)}\t${pad(description, 56)}\t${groups}\n`;
}

export function tokenListText(tokens: readonly (BootstrapToken | string)[], now: number): { out: string; err: string } {
  let out = '';
  let err = '';
  let header = true;
  for (const t of tokens) {
    if (typeof t === 'string') {
      err += t;
      continue;
    }
    const head = header ? 'TOKEN\tTTL\tEXPIRES\tUSAGES\tDESCRIPTION\tEXTRA GROUPS\n' : '';
    header = false;
    out += tabwrite(head + tokenRow(t, now), TOKEN_TABWRITER);
  }
  return { out, err };
}

/** The cluster kubeadm talks to through /etc/kubernetes/admin.conf; none on an empty home. */
function cluster(c: CommandContext): KubeadmMachine {
  const machine = c.kubeadm().open();
  if (!machine.initialised) throw kubeadmFail(NO_ADMIN_CONF);
  return machine;
}

export function registerToken(kubeadm: Command, ctx: CommandContext): void {
  const token = kubeadm.command('token').description('Manage bootstrap tokens');

  token
    .command('create')
    .description('Create bootstrap tokens on the server')
    .argument('[token]')
    .option('--ttl <duration>', "The duration before the token is automatically deleted (e.g. 1s, 2m, 3h). If set to '0', the token will never expire", durationFlag())
    .option('--print-join-command', "Instead of printing only the token, print the full 'kubeadm join' flag needed to join the cluster using the token.")
    .option('--description <text>', 'A human friendly description of how this token is used.')
    .option('--usages <usages>', 'Describes the ways in which this token can be used.', collectSlice)
    .option('--groups <groups>', 'Extra groups that this token will authenticate as when used for authentication.', collectSlice)
    .action(
      action(ctx, async (c, args, opts) => {
        if (args[0] !== undefined && !parseToken(args[0]))
          throw kubeadmFail(`the bootstrap token ${JSON.stringify(args[0])} was not of the form ${JSON.stringify(TOKEN_PATTERN)}`);
        const machine = cluster(c);
        const created = kubeadmStep(() =>
          machine.createToken({ token: args[0], ttlMs: opts.ttl, description: opts.description, usages: opts.usages, groups: opts.groups }),
        );
        if (!opts.printJoinCommand) return c.io.out.write(`${created}\n`);
        const { endpoint, caCertHash } = machine.joinInfo();
        c.io.out.write(`${joinCommandLine(endpoint, created, caCertHash)}\n`);
      }),
    );

  token
    .command('list')
    .description('List bootstrap tokens on the server')
    .action(
      action(ctx, async (c) => {
        const machine = cluster(c);
        const { out, err } = tokenListText(machine.listTokens(), machine.now());
        c.io.out.write(out);
        if (err) c.io.err.write(err);
      }),
    );

  token
    .command('delete')
    .description('Delete bootstrap tokens on the server')
    .argument('[token-value...]')
    .action(
      action(ctx, async (c, args) => {
        if (!args.length) throw kubeadmFail(`missing argument; 'token delete' is missing token of form ${JSON.stringify(TOKEN_PATTERN)} or ${JSON.stringify('\\A([a-z0-9]{6})\\z')}`);
        const machine = cluster(c);
        for (const a of args) {
          const id = kubeadmStep(() => machine.deleteToken(a));
          c.io.out.write(`bootstrap token ${JSON.stringify(id)} deleted\n`);
        }
      }),
    );

  token
    .command('generate')
    .description('Generate and print a bootstrap token, but do not create it on the server')
    .action(
      action(ctx, async (c) => {
        c.io.out.write(`${c.kubeadm().open().generateToken()}\n`);
      }),
    );

  token.action(() => {
    throw new RawError(`${token.helpInformation()}`, 1);
  });
}
