// kubectl's -o go-template printer (cli-runtime's GoTemplatePrinter): Go's text/template over the
// object as JSON decodes it, with kubectl's exists and base64decode; a missing key prints
// <no value>, or fails with --allow-missing-template-keys=false. When a template fails, kubectl
// prints what it wrote so far and a block for debugging it, then the error.
import { goQuote } from '../../api/meta/goquote';
import { Executor, type MissingKey } from './exec';
import { formatValue } from './fmt';
import { type Parsed, Parser, TemplateError } from './parse';

export { TemplateError } from './parse';

/** The text for one object, and kubectl's error when the template failed on it. */
export interface TemplateOutput {
  text: string;
  error?: string;
}

export class GoTemplatePrinter {
  private readonly parsed: Parsed;

  /** Throws TemplateError (Go's text) when the template does not parse. */
  constructor(
    readonly template: string,
    private readonly missingKey: MissingKey,
  ) {
    this.parsed = Parser.parse('output', template);
  }

  /** Executes over `data` (the object as JSON values); `rawJson` is the JSON kubectl marshalled it to. */
  print(data: unknown, rawJson: string): TemplateOutput {
    const { text, error } = new Executor(this.parsed, 'output', this.missingKey, data).run();
    if (!error) return { text };
    const debug =
      `Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${this.template}\n` +
      `\traw data was:\n\t\t${rawJson}\n` +
      `\tobject given to template engine was:\n\t\t${formatValue(data, 'v', { minus: false, plus: false, sharp: false, space: false, zero: false })}\n\n`;
    return { text: text + debug, error: `error executing template ${goQuote(this.template)}: ${error.message}` };
  }
}

export function isTemplateError(e: unknown): e is TemplateError {
  return e instanceof TemplateError;
}
