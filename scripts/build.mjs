// Bundles src/main.ts into one CommonJS file: a single file loads much faster than a tree of
// modules, and dynamic import() of our own modules stays lazy inside the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/pocketkube.cjs',
  sourcemap: 'linked',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
});
