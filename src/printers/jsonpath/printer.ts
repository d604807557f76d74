// kubectl's -o jsonpath / -o jsonpath-as-json printer (cli-runtime's JSONPathPrintFlags and
// JSONPathPrinter), with the wording it puts around the engine's errors. The CLI prints these
// messages after "error: " and exits 1.
import { JsonPathError } from './errors';
import { JsonPath } from './eval';
import { formatSharpV, goQuote } from './gofmt';
import { parseJsonPath } from './parser';
import { executeWith } from './print';

/** An error of the printer, worded as kubectl words it (without the "error: " prefix). */
export class JsonPathPrinterError extends Error {
  override readonly name = 'JsonPathPrinterError';
}

export class JsonPathPrinter {
  private readonly jsonPath: JsonPath;

  /** Throws JsonPathError (unwrapped) when the template does not parse. */
  constructor(
    readonly template: string,
    private readonly opts: { allowMissingKeys: boolean; outputJson: boolean },
  ) {
    this.jsonPath = new JsonPath(parseJsonPath(template), opts.allowMissingKeys);
  }

  /**
   * PrintObj: the text for one object (its JSON content). One printer keeps client-go's range
   * state between objects, so reuse it where kubectl reuses its printer. A failure throws
   * JsonPathPrinterError with kubectl's long message, which dumps the object as Go's %#v.
   */
  print(obj: unknown): string {
    try {
      return executeWith(this.jsonPath, obj, this.opts.outputJson);
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      const details =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${formatSharpV(obj)}\n\n`;
      throw new JsonPathPrinterError(`error executing jsonpath ${goQuote(this.template)}: ${details}\n`);
    }
  }
}

/**
 * JSONPathPrintFlags.ToPrinter for `-o jsonpath=TEMPLATE` / `-o jsonpath-as-json=TEMPLATE`
 * (the template already split off). allowMissingKeys is --allow-missing-template-keys.
 */
export function newJsonPathPrinter(format: 'jsonpath' | 'jsonpath-as-json', template: string, allowMissingKeys = true): JsonPathPrinter {
  if (!template) throw new JsonPathPrinterError('template format specified but no template given');
  try {
    return new JsonPathPrinter(template, { allowMissingKeys, outputJson: format === 'jsonpath-as-json' });
  } catch (e) {
    if (e instanceof JsonPathError) throw new JsonPathPrinterError(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
}
