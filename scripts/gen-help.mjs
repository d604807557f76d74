// Records kubectl's help texts: `kubectl <command> --help` for every command of its tree (and
// `kubectl options`), into src/cli/help/texts.ts, which pocketkube prints for --help. Run with a
// kubectl v1.32 on PATH: node scripts/gen-help.mjs. HOME is a marker the printer replaces (the
// --cache-dir default names it); PATH holds kubectl alone, so no plugin is listed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const HOME_MARKER = '/@HOME@';
const kubectl = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
const env = { PATH: path.dirname(kubectl), HOME: HOME_MARKER, LANG: 'C' };
const run = (args) => execFileSync(kubectl, args, { env, encoding: 'utf8' });

const version = JSON.parse(run(['version', '--client', '-o', 'json'])).clientVersion.gitVersion;
const texts = {};

/** The subcommands a help text lists: lines "  name   description" after a "...:" header. */
function subcommands(text) {
  const names = [];
  let inList = false;
  for (const line of text.split('\n')) {
    if (/^\S.*:$/.test(line)) inList = line !== 'Options:' && line !== 'Examples:' && line !== 'Aliases:' && line !== 'Usage:';
    else if (inList && /^  [a-z][\w-]*\s{2,}\S/.test(line)) names.push(line.trim().split(/\s+/)[0]);
    else if (line === '') continue;
  }
  return names;
}

function walk(words) {
  const key = words.join(' ');
  const text = run([...words, '--help']);
  texts[key] = text;
  // The plugin group of the root is empty here; `help` is cobra's own.
  for (const sub of subcommands(text)) if (sub !== 'help' && !(key === '' && sub === 'options')) walk([...words, sub]);
}

walk([]);
texts.options = run(['options']);
const out = [
  '// kubectl ' + version + "'s help texts, recorded by scripts/gen-help.mjs (do not edit by hand).",
  `// "${HOME_MARKER}" stands for $HOME.`,
  `export const KUBECTL_VERSION = ${JSON.stringify(version)};`,
  `export const HOME_MARKER = ${JSON.stringify(HOME_MARKER)};`,
  `export const TEXTS: Readonly<Record<string, string>> = ${JSON.stringify(texts, null, 1)};`,
  '',
].join('\n');
fs.writeFileSync('src/cli/help/texts.ts', out);
console.log(`${Object.keys(texts).length} help texts, ${out.length} bytes`);
