// pocketkube kubeadm token create|list|delete|generate: bootstrap tokens, as Secrets in kube-system.
import type { Command } from '../../command';
import { type BootstrapToken, TOKEN_ID_PATTERN, TOKEN_PATTERN } from '../../../api/bootstraptoken';
import type { TokenRequest } from '../../../api/kubeadm';
import { rfc3339 } from '../../../api/time';
import { shortHumanDuration } from '../../../printers/age';
import { tabwrite } from '../../../printers/tabwriter';
import type { CommandContext } from '../../context';
import { RawError } from '../../errors';
import { durationFlag } from '../../flags/duration';
import { collectSlice } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { adminMachine, checkTokenForm } from './common';
import { joinCommandLine, kubeadmFail, kubeadmStep } from './output';

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

export interface TokenCreateOptions {
  /** The token to create (a random one without it), --ttl, --description, --usages and --groups. */
  request: TokenRequest;
  printJoinCommand: boolean;
}

const createVerb: Verb<TokenCreateOptions> = {
  complete: (_c, args, f) => ({
    request: { token: args[0], ttlMs: f.ttl, description: f.description, usages: f.usages, groups: f.groups },
    printJoinCommand: !!f.printJoinCommand,
  }),
  validate: (o) => checkTokenForm(o.request.token),
  run(c, o) {
    const machine = adminMachine(c);
    const created = kubeadmStep(() => machine.createToken(o.request));
    if (!o.printJoinCommand) return void c.io.out.write(`${created}\n`);
    const { endpoint, caCertHash } = machine.joinInfo();
    c.io.out.write(`${joinCommandLine(endpoint, created, caCertHash)}\n`);
  },
};

const listVerb: Verb<void> = {
  complete() {},
  run(c) {
    const machine = adminMachine(c);
    const { out, err } = tokenListText(machine.listTokens(), machine.now());
    c.io.out.write(out);
    if (err) c.io.err.write(err);
  },
};

export interface TokenDeleteOptions {
  /** Whole tokens or their ids. */
  tokens: string[];
}

const deleteVerb: Verb<TokenDeleteOptions> = {
  complete: (_c, args) => ({ tokens: args }),
  validate(o) {
    if (!o.tokens.length) throw kubeadmFail(`missing argument; 'token delete' is missing token of form ${JSON.stringify(TOKEN_PATTERN)} or ${JSON.stringify(TOKEN_ID_PATTERN)}`);
  },
  run(c, o) {
    const machine = adminMachine(c);
    for (const t of o.tokens) {
      const id = kubeadmStep(() => machine.deleteToken(t));
      c.io.out.write(`bootstrap token ${JSON.stringify(id)} deleted\n`);
    }
  },
};

/** Any home will do, kubeadm init or not: the token is made (from the home's seeded randomness), never stored. */
const generateVerb: Verb<void> = {
  complete() {},
  run: (c) => void c.io.out.write(`${c.kubeadm().open().generateToken()}\n`),
};

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
    .action(verbAction(ctx, createVerb));
  token.command('list').description('List bootstrap tokens on the server').action(verbAction(ctx, listVerb));
  token.command('delete').description('Delete bootstrap tokens on the server').argument('[token-value...]').action(verbAction(ctx, deleteVerb));
  token.command('generate').description('Generate and print a bootstrap token, but do not create it on the server').action(verbAction(ctx, generateVerb));

  token.action(() => {
    throw new RawError(`${token.helpInformation()}`, 1);
  });
}
