// --validate: how strictly the API server checks fields (kubectl 1.32 defaults to strict).
import type { FieldValidation } from '../../client/client';
import { CliError } from '../errors';

export function fieldValidation(value: string | boolean | undefined): FieldValidation {
  const v = value === undefined || value === true ? 'strict' : String(value).toLowerCase();
  switch (v) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
  }
  throw new CliError(`invalid - validate option ${JSON.stringify(value)}; must be one of: strict (or true), warn, ignore (or false)`);
}
