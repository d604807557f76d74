// config set | unset PROPERTY_NAME: one field of the kubeconfig by its dotted path
// ("users.admin.token", "contexts.dev.namespace", "current-context").
import { type Command, parseGoBool } from '../../command';
import type { CommandContext } from '../../context';
import { base64Error } from '../../../api/meta/base64';
import { CliError, RawError } from '../../errors';
import type { KubeconfigData } from '../../kubeconfig';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { chainOf, exactArgs } from './shared';

/** The inner struct of each named list, as kubectl's path steps name it. */
const INNER = { clusters: 'cluster', users: 'user', contexts: 'context' } as const;

/** Booleans in the kubeconfig's structs; every other leaf is a string. */
const BOOLEAN_FIELDS = new Set(['insecure-skip-tls-verify', 'disable-compression']);

/** []byte fields: written base64-encoded; set decodes the value first unless --set-raw-bytes. */
const BYTES_FIELDS = new Set(['certificate-authority-data', 'client-certificate-data', 'client-key-data']);

/** A user's fields that are pointers to structs in client-go (AuthInfo.Exec, AuthInfo.AuthProvider). */
const POINTER_FIELDS = new Set(['exec', 'auth-provider']);

type Target = { holder: Record<string, unknown>; key: string; created: () => void };

/** Walks the path; a list entry named on the way is made when absent (and kept only if written). */
function locate(data: KubeconfigData, property: string): Target {
  const steps = property.split('.');
  const fail = () => new CliError(`unable to parse ${property} after [] at api.Config`);
  if (steps.length === 1 && steps[0] === 'current-context') return { holder: data as never, key: 'current-context', created: () => {} };
  // Preferences' one field (its extensions are a map of objects no string can set).
  if (steps.length === 2 && steps[0] === 'preferences' && steps[1] === 'colors') {
    const prefs = ((data as { preferences?: Record<string, unknown> }).preferences ??= {});
    return { holder: prefs, key: 'colors', created: () => {} };
  }
  const section = steps[0] as keyof typeof INNER;
  if (!(section in INNER)) throw fail();
  if (steps.length < 2 || !steps[1]) throw fail();
  const list = data[section] as unknown as { name: string; [k: string]: unknown }[];
  let entry = list.find((x) => x.name === steps[1]);
  const isNew = !entry;
  entry ??= { name: steps[1], [INNER[section]]: section === 'contexts' ? { cluster: '', user: '' } : {} };
  const created = () => {
    if (isNew) list.push(entry!);
  };
  if (steps.length === 2) return { holder: { [steps[1]]: entry }, key: steps[1], created };
  // kubectl's path parser stops at a pointer: a user's exec plugin and auth provider can be unset
  // whole but no field inside them can be named.
  if (section === 'users' && POINTER_FIELDS.has(steps[2]) && steps.length > 3) throw new CliError(`unable to parse one or more field values of ${property}`);
  let holder = entry[INNER[section]] as Record<string, unknown>;
  for (const step of steps.slice(2, -1)) {
    const next = holder[step];
    if (next === undefined) holder[step] = {};
    else if (typeof next !== 'object' || next === null) throw fail();
    holder = holder[step] as Record<string, unknown>;
  }
  return { holder, key: steps[steps.length - 1], created };
}

export interface SetPropertyOptions {
  /** The dotted path, and the value as given. */
  property: string;
  value: string;
  /** --set-raw-bytes: a []byte field takes the value's own bytes, not its base64 decoding. */
  rawBytes: boolean;
}

const setVerb: Verb<SetPropertyOptions> = {
  complete(c, args, f, cmd) {
    exactArgs(c, cmd, args, 2);
    return { property: args[0], value: args[1], rawBytes: !!f.setRawBytes };
  },

  run(c, { property, value, rawBytes }) {
    const chain = chainOf(c);
    const next = chain.editable();
    const t = locate(next, property);
    // kubectl cannot set a pointer to a struct from a string: it panics, writing nothing.
    if (property.startsWith('users.') && property.split('.').length === 3 && POINTER_FIELDS.has(t.key)) throw new RawError('panic: unrecognized type: <nil>\n', 2);
    if (BYTES_FIELDS.has(t.key)) {
      // Kept base64-encoded, as the file holds it: the decoded bytes (checked), or the raw string's.
      const bad = rawBytes ? undefined : base64Error(value);
      if (bad) throw new CliError(`error decoding input value: ${bad}`);
      t.holder[t.key] = rawBytes ? Buffer.from(value, 'utf8').toString('base64') : Buffer.from(value, 'base64').toString('base64');
    } else if (BOOLEAN_FIELDS.has(t.key) || t.key === 'colors') {
      const b = parseGoBool(value);
      if (b === undefined) throw new CliError(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
      // Preferences.Colors is omitempty: false is no field at all.
      if (t.key === 'colors' && !b) delete t.holder[t.key];
      else t.holder[t.key] = b;
    } else t.holder[t.key] = value;
    t.created();
    chain.save(next);
    c.io.out.write(`Property ${JSON.stringify(property)} set.\n`);
  },
};

export interface UnsetPropertyOptions {
  property: string;
}

const unsetVerb: Verb<UnsetPropertyOptions> = {
  complete(c, args, _f, cmd) {
    exactArgs(c, cmd, args, 1);
    return { property: args[0] };
  },

  run(c, { property }) {
    const chain = chainOf(c);
    const next = chain.editable();
    const t = locate(next, property);
    if (t.key === 'current-context' && t.holder === (next as never)) {
      if (!next['current-context']) throw new CliError('current property is not set');
      next['current-context'] = '';
    } else if (property.split('.').length === 2) {
      const section = property.split('.')[0] as keyof typeof INNER;
      (next[section] as { name: string }[]) = (next[section] as { name: string }[]).filter((x) => x.name !== t.key);
    } else delete t.holder[t.key];
    chain.save(next);
    c.io.out.write(`Property ${JSON.stringify(property)} unset.\n`);
  },
};

export function registerProperty(config: Command, ctx: CommandContext): void {
  addGlobalFlags(
    config
      .command('set')
      .description('Set an individual value in a kubeconfig file')
      .argument('[args...]')
      .option('--set-raw-bytes', 'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.'),
  ).action(verbAction(ctx, setVerb));

  addGlobalFlags(config.command('unset').description('Unset an individual value in a kubeconfig file').argument('[args...]')).action(verbAction(ctx, unsetVerb));
}
