// Makes dist/bootstrap-template.json, the default cluster as the first command on an empty home
// builds it (see src/sim/cluster/template/). scripts/build.mjs bundles and runs this after the
// main bundle, with the build's identity: the template names it, and only that bundle uses it.
//
// The cluster is bootstrapped directly, through the real session, at two cluster times; the
// differences must all be explained times (record.ts). Then the template is checked: a cluster
// made from it at a third time must equal, byte for byte beside the fresh keys and tokens, the
// cluster a direct bootstrap builds at that time.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session } from '../src/session';
import type { EventSequence } from '../src/client/events';
import { SeededRandom } from '../src/sim/rand';
import { type BuiltCluster, masked, recordTemplate } from '../src/sim/cluster/template/record';

const [out, build] = process.argv.slice(2);
if (!out || !build) throw new Error('usage: gen-bootstrap-template OUT BUILD');

function buildAt(wallClock: string, template?: { file: string; build: string }): BuiltCluster {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-template-'));
  try {
    const kubeconfigPath = path.join(home, 'config');
    const session = new Session({ home, kubeconfigPath, pid: process.pid, isAlive: () => true, wallClock, template });
    const cluster = session.open('write', () => ({ kubeconfig: undefined })) as unknown as { events: EventSequence };
    const eventSequence = cluster.events.current;
    session.finish(true, kubeconfigPath);
    const manifest = JSON.parse(fs.readFileSync(path.join(home, 'store.json'), 'utf8'));
    const config = JSON.parse(fs.readFileSync(kubeconfigPath, 'utf8'));
    return {
      now: Date.parse(wallClock),
      rand: new SeededRandom().state,
      eventSequence,
      server: config.clusters[0].cluster.server,
      revision: manifest.revision,
      system: JSON.stringify(manifest.system),
      collections: Object.fromEntries(Object.entries(manifest.collections as Record<string, string>).map(([name, file]) => [name, fs.readFileSync(path.join(home, 'store', file), 'utf8')])),
    };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const template = recordTemplate(buildAt('2026-11-26T12:00:00.123Z'), buildAt('2031-03-14T07:41:29.876Z'), build);
const tmp = `${out}.tmp`;
fs.writeFileSync(tmp, JSON.stringify(template));
for (const t of ['2026-06-30T23:59:59.999Z', '2029-01-01T00:00:00.000Z']) {
  const direct = masked(buildAt(t));
  const fromTemplate = masked(buildAt(t, { file: tmp, build }));
  if (direct !== fromTemplate) {
    fs.rmSync(tmp);
    const a = direct.split('\n');
    const b = fromTemplate.split('\n');
    const i = a.findIndex((l, n) => l !== b[n]);
    throw new Error(`the bootstrap template does not rebuild the cluster at ${t}:\n  direct:   ${a[i]?.slice(0, 300)}\n  template: ${b[i]?.slice(0, 300)}`);
  }
}
fs.renameSync(tmp, out);
