import { describe, expect, it } from 'vitest';
import { Command, CommandLineError, InvalidArgumentError, Option } from '../../src/cli/command';

/** A root with a global flag and a verb with flags of every kind; the verb's action records what it got. */
function program() {
  const out: string[] = [];
  const err: string[] = [];
  const root = new Command('kubectl').configureOutput({ writeOut: (t) => out.push(t), writeErr: (t) => err.push(t) });
  root.option('-n, --namespace <namespace>', 'The namespace');
  const seen: { args?: string[]; opts?: Record<string, unknown>; globals?: Record<string, unknown> } = {};
  const verb = root
    .command('get')
    .description('Display resources')
    .argument('[args...]')
    .option('-n, --namespace <namespace>', 'The namespace')
    .option('-o, --output <format>', 'Output format')
    .option('-A, --all-namespaces', 'All namespaces')
    .option('-w, --watch', 'Watch')
    .option('--no-headers', 'No headers')
    .option('--dry-run [strategy]', 'Dry run')
    .option('-L, --label-columns <keys>', 'Columns', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--chunk-size <n>', 'Chunk size', (v: string) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`not a number: ${v}`);
      return Number(v);
    }, 500)
    .action((args: string[], opts: Record<string, unknown>, cmd: Command) => {
      seen.args = args;
      seen.opts = { ...opts };
      seen.globals = cmd.optsWithGlobals();
    });
  return { root, verb, seen, out, err };
}

async function failure(run: Promise<unknown>): Promise<CommandLineError> {
  const e = await run.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(CommandLineError);
  return e as CommandLineError;
}

describe('the command-line parser', () => {
  it('finds flags wherever they stand, and gives each its default or value', async () => {
    const { root, verb, seen } = program();
    await root.parseAsync(['get', '-o', 'wide', 'pods', '--all-namespaces', 'web']);
    expect(seen.args).toEqual(['pods', 'web']);
    expect(seen.opts).toEqual({ headers: true, chunkSize: 500, output: 'wide', allNamespaces: true });
    expect(verb.getOptionValueSource('output')).toBe('cli');
    expect(verb.getOptionValueSource('chunkSize')).toBe('default');
    expect(verb.getOptionValueSource('watch')).toBeUndefined();
  });

  it('finds the subcommand first, as cobra does: flags before the verb go to it, a parent\'s own flags never do', async () => {
    let { root, seen } = program();
    await root.parseAsync(['-n', 'kube-system', 'get', 'pods']);
    expect(root.opts()).toEqual({});
    expect(seen.opts?.namespace).toBe('kube-system');
    expect(seen.globals?.namespace).toBe('kube-system');
    expect(root.rawArgs).toEqual(['-n', 'kube-system', 'get', 'pods']);
    ({ root, seen } = program());
    root.option('--root-only', 'A flag of the root alone');
    const e = await failure(root.parseAsync(['get', 'pods', '--root-only']));
    expect(e.code).toBe('unknownOption');
    expect(e.word).toBe('--root-only');
    // A flag both declare: the subcommand's value wins over the parent's default.
    ({ root, seen } = program());
    root.option('--watch', 'The root\'s own', true);
    await root.parseAsync(['get', 'pods', '--watch=false']);
    expect(seen.globals?.watch).toBe(false);
  });

  it('reads a boolean\'s value only after "=", in Go\'s spellings, and refuses any other', async () => {
    const { root, seen, verb } = program();
    await root.parseAsync(['get', '-A=false', '--watch=T', '--no-headers=0']);
    expect(seen.opts).toMatchObject({ allNamespaces: false, watch: true, headers: true });
    expect(verb.getOptionValueSource('allNamespaces')).toBe('cli');
    const e = await failure(program().root.parseAsync(['get', '--watch=maybe']));
    expect(e.code).toBe('invalidArgument');
    expect(e.option?.spelling()).toBe('-w, --watch');
    expect(e.reason).toBe('strconv.ParseBool: parsing "maybe": invalid syntax');
  });

  it('reads short flags in a group, a value joined to its short flag, and --flag=value', async () => {
    const { root, seen } = program();
    await root.parseAsync(['get', '-Aw', '-owide', '--chunk-size=7', '-Lapp', '-L', 'tier']);
    expect(seen.opts).toMatchObject({ allNamespaces: true, watch: true, output: 'wide', chunkSize: 7, labelColumns: ['app', 'tier'] });
  });

  it('takes an optional value only when the next word is not a flag (a negative number is a value)', async () => {
    let p = program();
    await p.root.parseAsync(['get', '--dry-run', 'client', 'pods']);
    expect([p.seen.opts?.dryRun, p.seen.args]).toEqual(['client', ['pods']]);
    p = program();
    await p.root.parseAsync(['get', '--dry-run', '-o', 'yaml']);
    expect([p.seen.opts?.dryRun, p.seen.opts?.output]).toEqual([true, 'yaml']);
    p = program();
    await p.root.parseAsync(['get', '--dry-run', '-5']);
    expect(p.seen.opts?.dryRun).toBe('-5');
  });

  it('sets a negated flag false, and ends the flags at --', async () => {
    const { root, seen } = program();
    await root.parseAsync(['get', '--no-headers', 'pods', '--', '-o', 'x']);
    expect(seen.opts?.headers).toBe(false);
    expect(seen.args).toEqual(['pods', '-o', 'x']);
  });

  it('names the flag it does not know, as typed', async () => {
    let e = await failure(program().root.parseAsync(['get', 'pods', '--foo=bar', '-o', 'wide']));
    expect([e.code, e.word]).toEqual(['unknownOption', '--foo=bar']);
    e = await failure(program().root.parseAsync(['get', '-Ax']));
    expect([e.code, e.word]).toEqual(['unknownOption', '-x']);
  });

  it('names a flag left without its value as it was typed', async () => {
    let e = await failure(program().root.parseAsync(['get', 'pods', '--output']));
    expect([e.code, e.word, e.option?.spelling()]).toEqual(['optionMissingArgument', '--output', '-o, --output']);
    e = await failure(program().root.parseAsync(['get', 'pods', '-o']));
    expect(e.word).toBe('-o');
  });

  it('reports a value its parser refuses, with the reason', async () => {
    const e = await failure(program().root.parseAsync(['get', '--chunk-size', 'x']));
    expect([e.code, e.word, e.reason, e.option?.spelling()]).toEqual(['invalidArgument', 'x', 'not a number: x', '--chunk-size']);
  });

  it('checks operands against what the command declares', async () => {
    const root = new Command('kubectl');
    let got: unknown[] = [];
    root
      .command('cordon')
      .argument('<node>')
      .action((node: string) => (got = [node]));
    expect((await failure(root.parseAsync(['cordon']))).code).toBe('missingArgument');
    expect((await failure(root.parseAsync(['cordon', 'a', 'b']))).message).toBe("error: too many arguments for 'cordon'. Expected 1 argument but got 2.");
    await root.parseAsync(['cordon', 'a']);
    expect(got).toEqual(['a']);
  });

  it('prints help on -h (to standard output) and for a group run without its subcommand (to standard error)', async () => {
    const p = program();
    const group = p.root.command('rollout').description('Manage rollouts');
    group.command('status').argument('<name>').action(() => {});
    expect((await failure(p.root.parseAsync(['get', '-h']))).code).toBe('help');
    expect(p.out.join('')).toMatch(/^Usage: kubectl get \[options\] \[args\.\.\.\]\n\nDisplay resources\n\nOptions:\n {2}-n, --namespace <namespace> +The namespace\n/);
    expect(p.out.join('')).not.toContain('--no-headers <');
    expect((await failure(p.root.parseAsync(['rollout']))).code).toBe('help');
    expect(p.err.join('')).toMatch(/^Usage: kubectl rollout \[options\] \[command\]\n[\s\S]*Commands:\n {2}status <name>/);
    const e = await failure(p.root.parseAsync(['rollout', 'stat']));
    expect([e.code, e.word]).toEqual(['unknownCommand', 'stat']);
  });

  it('keeps a --x default when --no-x is added beside it, and refuses a flag declared twice', () => {
    const cmd = new Command('x').option('--allow-missing-template-keys', 'Allow', true).addOption(new Option('--no-allow-missing-template-keys').hideHelp());
    expect(cmd.opts()).toEqual({ allowMissingTemplateKeys: true });
    expect(() => cmd.option('--allow-missing-template-keys')).toThrow(/repeats the flag/);
  });
});
