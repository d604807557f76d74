// The source loads some modules lazily with require('./x') (scripts/build.mjs makes each its own
// chunk). Vitest runs the TypeScript source, where Node's require knows no .ts files: this lets
// it load them, compiled as the build compiles them, so unit tests reach the lazy paths too.
import * as fs from 'node:fs';
import Module from 'node:module';
import { transformSync } from 'esbuild';

type Loader = (module: { _compile(code: string, filename: string): void }, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;

extensions['.ts'] ??= (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: filename });
  module._compile(code, filename);
};
