// Records what kubectl v1.32's shell completion knows without a cluster, into
// src/cli/completion/scripts.ts (`kubectl completion SHELL`'s four scripts) and
// src/cli/completion/tree.ts (for every command: its subcommands with their descriptions, its
// flags as `kubectl __complete ... -` lists them, which take a value, which are required, and the
// values kubectl completes for a flag on its own, such as -o's formats or -f's file extensions).
// Run with a kubectl v1.32 on PATH and no cluster: node scripts/gen-completion.mjs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const kubectl = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
// No kubeconfig, no server: what needs a cluster answers nothing (the table in values.ts does it).
const env = { PATH: path.dirname(kubectl), HOME: '/@HOME@', LANG: 'C', KUBECONFIG: '/nonexistent/config' };
const run = (args) => execFileSync(kubectl, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const complete = (words) => {
  // The candidates end at the directive line (`options` prints its "Completion ended" there too).
  const lines = run(['__complete', ...words]).split('\n');
  const end = lines.findIndex((l) => /^:\d+$/.test(l));
  return { lines: lines.slice(0, end), directive: Number(lines[end].slice(1)) };
};

const version = JSON.parse(run(['version', '--client', '-o', 'json'])).clientVersion.gitVersion;

// Flags that take no separate value: pflag's booleans (help shows their default bare) and flags
// with an optional value (pflag's NoOptDefVal, which help does not show).
const OPTIONAL_VALUE = new Set(['dry-run', 'validate', 'cascade', 'embed-certs', 'insecure-skip-tls-verify', 'set-raw-bytes', 'merge', 'auth-provider-arg']);
function kinds(helpText) {
  const out = {};
  for (const m of helpText.matchAll(/^\s{4}(?:-\S, )?--([\w-]+)=(.*):$/gm)) {
    const [, name, def] = m;
    out[name] = /^(true|false)$/.test(def) || OPTIONAL_VALUE.has(name) ? 'b' : def.startsWith('[') ? 's' : 'v';
  }
  return out;
}

/** `__complete PATH -`'s lines as flags: [long, short, usage]. */
function flagList(words) {
  const flags = [];
  for (const line of complete([...words, '-']).lines) {
    const [name, usage = ''] = line.split('\t');
    if (name.startsWith('--')) flags.push([name.slice(2), '', usage]);
    else flags[flags.length - 1][1] = name.slice(1);
  }
  return flags;
}

const globalKinds = kinds(run(['options']));
const rootFlags = flagList(['get']);
const tree = {};
let global;

function walk(words) {
  const key = words.join(' ');
  const kind = { ...globalKinds, ...kinds(run([...words, '--help'])) };
  const listed = complete([...words, '']);
  const node = {};
  const commands = listed.lines.filter((l) => l.includes('\t') && !l.startsWith('-')).map((l) => l.split('\t'));
  if (commands.length) node.commands = commands;
  const required = listed.lines.filter((l) => l.startsWith('--')).map((l) => l.split('\t')[0].slice(2));
  if (required.length) node.required = required;
  // With a required flag missing, `-` lists the required flags alone: list the others with the
  // required ones given, then put those back in their place (a command's own flags are sorted).
  // ("1" is a value every required flag of kubectl takes: --replicas is an integer.)
  let flags = flagList([...words, ...required.flatMap((r) => [`--${r}`, '1'])]);
  for (const [name, short, usage] of flagList(words).filter(([long]) => required.includes(long))) {
    if (flags.some(([long]) => long === name)) continue; // a repeatable flag is listed though given
    const at = flags.findIndex(([long], i) => i >= (global?.length ?? 0) && long > name);
    flags.splice(at < 0 ? flags.length : at, 0, [name, short, usage]);
  }
  // (config's own --kubeconfig stands where the global one does, with its own usage.)
  if (global && global.every((g, i) => flags[i]?.[0] === g[0] && flags[i]?.[2] === g[3])) flags = flags.slice(global.length);
  else if (global) node.own = true;
  node.flags = flags.map(([long, short, usage]) => {
    const k = kind[long] ?? 'b';
    const f = [long, short, k, usage];
    if (k !== 'b' && !(global && global.some((g) => g[0] === long) && !node.own)) {
      const v = complete([...words, `--${long}`, '']);
      if (v.lines.length || v.directive !== 0) f.push([v.directive, ...v.lines]);
    }
    return f;
  });
  tree[key] = node;
  for (const [sub] of commands) if (sub !== 'help') walk([...words, sub]);
}

// The inherited (global) flags: `get`'s list up to its own flags, which start at --all-namespaces.
const firstLocal = rootFlags.findIndex(([long]) => long === 'all-namespaces');
global = rootFlags.slice(0, firstLocal).map(([long, short, usage]) => {
  const k = globalKinds[long] ?? 'b';
  const f = [long, short, k, usage];
  if (k !== 'b') {
    const v = complete(['get', `--${long}`, '']);
    if (v.lines.length || v.directive !== 0) f.push([v.directive, ...v.lines]);
  }
  return f;
});
walk([]);

const header = (what) => `// kubectl ${version}'s ${what}, recorded by scripts/gen-completion.mjs (do not edit by hand).\n`;
const treeOut = [
  header('completion data'),
  "import type { RecordedFlag, RecordedNode } from './types';",
  '',
  '/** The flags every command inherits from the root, in the order kubectl lists them. */',
  `export const GLOBAL: readonly RecordedFlag[] = ${JSON.stringify(global, null, 0)};`,
  '',
  '/** Each command path ("" the root, "rollout status"): subcommands, own flags, required flags. */',
  `export const TREE: Readonly<Record<string, RecordedNode>> = ${JSON.stringify(tree, null, 1)};`,
  '',
].join('\n');
fs.writeFileSync('src/cli/completion/tree.ts', treeOut);

const scripts = {};
for (const shell of ['bash', 'zsh', 'fish', 'powershell']) scripts[shell] = run(['completion', shell]);
const scriptsOut = [header('completion scripts (`kubectl completion SHELL`)'), `export const SCRIPTS: Readonly<Record<string, string>> = ${JSON.stringify(scripts, null, 1)};`, ''].join('\n');
fs.writeFileSync('src/cli/completion/scripts.ts', scriptsOut);
console.log(`${Object.keys(tree).length} commands, ${treeOut.length} + ${scriptsOut.length} bytes`);
