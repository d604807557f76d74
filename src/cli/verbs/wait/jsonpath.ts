// --for=jsonpath='{.path}'[=value]: kubectl's JSONPathWait, on the JSONPath engine the printers
// use. Its errors are printed bare after "error: ".
import type { KubeObject } from '../../../api/types';
import { JsonPathError, parseWaitJsonPath, waitJsonPathMet } from '../../../printers/jsonpath';
import { CliError } from '../../errors';

function asCliError(e: unknown): unknown {
  return e instanceof JsonPathError ? new CliError(e.message) : e;
}

export function jsonPathCheck(input: string): (obj: KubeObject) => boolean {
  let wait: ReturnType<typeof parseWaitJsonPath>;
  try {
    wait = parseWaitJsonPath(input);
  } catch (e) {
    throw asCliError(e);
  }
  return (obj) => {
    try {
      return waitJsonPathMet(wait, obj);
    } catch (e) {
      throw asCliError(e);
    }
  };
}
