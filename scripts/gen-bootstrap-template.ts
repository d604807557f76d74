// Makes dist/bootstrap-template.json, the default cluster as the first command on an empty home
// builds it (see src/sim/cluster/template/). scripts/build.mjs bundles this into
// dist/gen-bootstrap-template.cjs and runs `make OUT BUILD` after the main bundle, with the build's
// identity: the template names it, and only that bundle uses it. `check TEMPLATE TIME...` runs the
// check below again (the tests do).
//
// The cluster is bootstrapped directly, through the real session, at two cluster times; the
// differences must all be explained times (record.ts). Then the template is checked: a cluster
// made from it at two more times, for a write and for a read, must equal, byte for byte beside
// the fresh keys and tokens, the cluster a direct bootstrap builds at that time.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session } from '../src/session';
import type { EventSequence } from '../src/client/events';
import { SeededRandom } from '../src/sim/rand';
import { Store } from '../src/store/store';
import { type BuiltCluster, masked, recordTemplate } from '../src/sim/cluster/template/record';

const [command, file, ...rest] = process.argv.slice(2);

/**
 * A collection's text without its index line (the last; it and the views line before it begin
 * with `#`, which no value line does): filling in the template changes the values' lengths, and
 * the store indexes them again when it writes them. The views line is kept: the views of the
 * values as filled in, which the store copies rather than making them again.
 */
function withoutIndex(text: string): string {
  return text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
}

async function buildAt(wallClock: string, template?: { file: string; build: string }, mode: 'read' | 'write' = 'write', seed?: string): Promise<BuiltCluster> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-template-'));
  try {
    const kubeconfigPath = path.join(home, 'config');
    const session = new Session({ home, kubeconfigPath, pid: process.pid, isAlive: () => true, wallClock, template, seed });
    const cluster = session.open(mode, () => ({ chosen: false, present: () => ({ reach: () => {} }) })) as unknown as { events: EventSequence };
    const eventSequence = cluster.events.current;
    await session.finish(true, kubeconfigPath);
    const manifest = JSON.parse(fs.readFileSync(path.join(home, 'store.json'), 'utf8'));
    const store = Store.open(path.join(home, 'store.json'));
    const config = JSON.parse(fs.readFileSync(kubeconfigPath, 'utf8'));
    return {
      now: Date.parse(wallClock),
      rand: new SeededRandom().state,
      eventSequence,
      server: config.clusters[0].cluster.server,
      revision: manifest.revision,
      system: JSON.stringify(manifest.system),
      collections: Object.fromEntries(Object.keys(manifest.collections).map((name) => [name, withoutIndex(store.fileText(name)!.toString('utf8'))])),
    };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Whether a cluster made from the template equals a direct bootstrap's at each time, for a write and for a read. */
async function check(templateFile: string, build: string, times: string[]): Promise<void> {
  for (const t of times) {
    const direct = masked(await buildAt(t));
    for (const mode of ['write', 'read'] as const) {
      const fromTemplate = masked(await buildAt(t, { file: templateFile, build }, mode));
      if (direct !== fromTemplate) {
        const a = direct.split('\n');
        const b = fromTemplate.split('\n');
        const i = a.findIndex((l, n) => l !== b[n]);
        throw new Error(`the bootstrap template does not rebuild the cluster at ${t} (${mode}):\n  direct:   ${a[i]?.slice(0, 300)}\n  template: ${b[i]?.slice(0, 300)}`);
      }
    }
    // Another seed's home is bootstrapped directly (the template holds the default seed's names).
    if (masked(await buildAt(t, { file: templateFile, build }, 'read', 'another')) !== masked(await buildAt(t, undefined, 'write', 'another')))
      throw new Error(`a home with another seed did not get its own cluster at ${t}`);
  }
}

async function main(): Promise<void> {
  if (command === 'check') {
    const { build } = JSON.parse(fs.readFileSync(file, 'utf8'));
    await check(file, build, rest);
    return;
  }
  const [build] = rest;
  if (command !== 'make' || !file || !build) throw new Error('usage: gen-bootstrap-template make OUT BUILD | check TEMPLATE TIME...');
  const template = recordTemplate(await buildAt('2026-11-26T12:00:00.123Z'), await buildAt('2031-03-14T07:41:29.876Z'), build);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(template));
  try {
    await check(tmp, build, ['2026-06-30T23:59:59.999Z', '2029-01-01T00:00:00.000Z']);
  } catch (e) {
    fs.rmSync(tmp);
    throw e;
  }
  fs.renameSync(tmp, file);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
