// Writes the P-256 base point's multiples (src/sim/cluster/p256base.ts) to the file named on the
// command line. scripts/build.mjs bundles and runs this into dist/.
import * as fs from 'node:fs';
import { computeBaseTable } from '../src/sim/cluster/p256';

fs.writeFileSync(process.argv[2], computeBaseTable());
