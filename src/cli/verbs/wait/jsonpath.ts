// --for=jsonpath='{.path}'[=value]: kubectl's JSONPathWait (pkg/cmd/wait/json.go).
import type { KubeObject } from '../../../api/types';
import { CliError } from '../../errors';

export function jsonPathCheck(_input: string): (obj: KubeObject) => boolean {
  throw new CliError('--for=jsonpath is not available yet');
}
