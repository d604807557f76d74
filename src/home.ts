// Where a pocketkube home is: $POCKETKUBE_HOME, else ~/.pocketkube. Shared by the composition root
// and the read lane, which must find the same home.
import * as path from 'node:path';

export function homeDir(env: Readonly<Record<string, string | undefined>>): string {
  // node:os is loaded only when HOME is unset: most commands never need it.
  return env.POCKETKUBE_HOME || path.join(env.HOME || (require('node:os') as typeof import('node:os')).homedir(), '.pocketkube');
}
