// Bundles src/main.ts into one CommonJS file: one file loads much faster than a tree of modules,
// and dynamic import() of our own modules stays lazy inside the bundle. Libraries that only some
// commands need (YAML parsing, JSON patch, colours) stay external and load on first use.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/pocketkube.cjs',
  external: ['yaml', 'fast-json-patch', 'chalk'],
  sourcemap: 'linked',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
});
