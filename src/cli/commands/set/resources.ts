// kubectl set resources: --limits and --requests ("cpu=200m,memory=512Mi") on containers.
import { quantityError, tryParseQuantity } from '../../../api/meta/quantity';
import { CliError } from '../../errors';

/** kubectl's populateResourceListV1: name=quantity pairs, quantities canonicalised. */
export function parseResourceList(spec: string | undefined): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new CliError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const q = tryParseQuantity(parts[1]);
    if (!q) throw new CliError(quantityError(parts[1]) ?? `invalid quantity ${parts[1]}`);
    out[parts[0]] = q.toString();
  }
  return out;
}
