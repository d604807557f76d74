// -o/--output: choosing a printer and printing objects the way kubectl's printers do.
import type { Command } from '../command';
import * as fs from 'node:fs';
import { compareCodePoints } from '../../api/meta/codepoint';
import { clone } from '../../api/meta/equal';
import { setOwn } from '../../api/meta/own';
import { kindDef, typeForKind } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import { toJson } from '../../printers/json';
import { objectName } from '../../printers/name';
import type { JsonPathPrinter } from '../../printers/jsonpath';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { GoFileError, goPathError, goReadFile } from '../gofile';
import type { ColumnSpec } from '../../printers/customcolumns';
import type { GoTemplatePrinter } from '../../printers/gotemplate';
import { canonicalJson, goJsonCompact } from '../../api/meta/canonical';
import type { Output } from '../io';
import { klogWarning } from '../klog';
import { parseGoBool } from '../program';

/** The YAML printer, loaded when YAML is printed (tables, the common case, never need it). */
function toYaml(v: unknown): string {
  return (require('../../printers/yaml') as typeof import('../../printers/yaml')).toYaml(v);
}

export type OutputFormat =
  | { kind: 'default' }
  | { kind: 'wide' }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; printer: JsonPathPrinter }
  /** `get` only: the columns are parsed, their paths only when printing (as kubectl does). */
  | { kind: 'custom-columns'; columns: ColumnSpec[] }
  | { kind: 'go-template'; printer: GoTemplatePrinter };

/** The template flags kubectl's PrintFlags add next to -o. */
export interface TemplateOptions {
  template?: string;
  allowMissingTemplateKeys?: boolean;
}

/** --template and --allow-missing-template-keys, for commands that print with -o. */
export function addTemplateFlags(cmd: Command): Command {
  return cmd
    .option('--template <string>', 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].')
    .option('--allow-missing-template-keys', 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.', true);
}

/** -o jsonpath=, jsonpath-as-json= and jsonpath-file= (the template inline, in --template or in a file). */
function jsonPathFormat(name: 'jsonpath' | 'jsonpath-as-json' | 'jsonpath-file', inline: string | undefined, t: TemplateOptions): OutputFormat {
  const { newJsonPathPrinter, JsonPathPrinterError } = require('../../printers/jsonpath') as typeof import('../../printers/jsonpath');
  let template = inline ?? t.template ?? '';
  if (name === 'jsonpath-file' && template) template = readTemplate(template);
  try {
    return { kind: 'jsonpath', printer: newJsonPathPrinter(name === 'jsonpath-as-json' ? 'jsonpath-as-json' : 'jsonpath', template, t.allowMissingTemplateKeys !== false) };
  } catch (e) {
    throw e instanceof JsonPathPrinterError ? new CliError(e.message) : e;
  }
}

/** A template file's text; kubectl's message (its own trailing newline included) when it cannot be read. */
function readTemplate(file: string): string {
  try {
    return goReadFile(file);
  } catch (e) {
    if (e instanceof GoFileError) throw new CliError(`error reading --template ${file}, ${e.message}\n`);
    throw e;
  }
}

/**
 * -o custom-columns=SPEC and -o custom-columns-file=FILE (or the spec or file in --template), as
 * kubectl's CustomColumnsPrintFlags read them.
 */
function customColumnsFormat(name: 'custom-columns' | 'custom-columns-file', inline: string | undefined, t: TemplateOptions): OutputFormat {
  const { columnsFromSpec, columnsFromTemplate, CustomColumnsError } = require('../../printers/customcolumns') as typeof import('../../printers/customcolumns');
  const value = t.template || (inline ?? '');
  if (!value) throw new CliError('custom-columns format specified but no custom columns given');
  try {
    if (name === 'custom-columns') return { kind: 'custom-columns', columns: columnsFromSpec(value) };
    let text: string;
    try {
      text = fs.readFileSync(value, 'utf8');
    } catch (e) {
      // os.Open succeeds on a directory; the scanner then reads nothing, and no header is found.
      if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw new CliError(`error reading template ${value}, ${goPathError('open', value, e)}\n`);
      text = '';
    }
    return { kind: 'custom-columns', columns: columnsFromTemplate(text) };
  } catch (e) {
    throw e instanceof CustomColumnsError ? new CliError(e.message) : e;
  }
}

/** -o go-template=, go-template-file=, template=, templatefile= (or the template in --template). */
function goTemplateFormat(name: string, inline: string | undefined, t: TemplateOptions): OutputFormat {
  const { GoTemplatePrinter, isTemplateError } = require('../../printers/gotemplate') as typeof import('../../printers/gotemplate');
  let template = t.template || (inline ?? '');
  if (!template) throw new CliError('template format specified but no template given');
  if (name === 'go-template-file' || name === 'templatefile') template = readTemplate(template);
  try {
    return { kind: 'go-template', printer: new GoTemplatePrinter(template, t.allowMissingTemplateKeys === false ? 'error' : 'default') };
  } catch (e) {
    if (isTemplateError(e)) throw new CliError(`error parsing template ${template}, ${e.message}\n`);
    throw e;
  }
}

/**
 * Prints through a Go template: the object as JSON values, `rawJson` the JSON kubectl made of it
 * (sorted keys for what it read, struct order for what it built). A failure prints what came out
 * and kubectl's debugging block, then fails with kubectl's error.
 */
export function printGoTemplate(out: Output, printer: GoTemplatePrinter, value: unknown, rawJson: string): void {
  const r = printer.print(value, rawJson);
  out.write(r.text);
  if (r.error) throw new CliError(r.error);
}

/** Prints through a JSONPath template; its execution errors become kubectl's error text. */
export function printJsonPath(out: Output, printer: JsonPathPrinter, value: unknown): void {
  const { JsonPathPrinterError } = require('../../printers/jsonpath') as typeof import('../../printers/jsonpath');
  try {
    out.write(printer.print(value));
  } catch (e) {
    throw e instanceof JsonPathPrinterError ? new CliError(e.message) : e;
  }
}

/** The formats kubectl lists: get's (its human-readable and custom-columns printers too), and every other verb's. */
const ALLOWED_FOR_GET =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** -o as a verb reads it; `forGet`: `kubectl get`'s printers (wide and custom columns) are there too. */
export function parseOutput(value: string | undefined, forGet = true, t: TemplateOptions = {}): OutputFormat {
  // PrintFlags' backward compatibility: --template without -o prints with a Go template.
  if ((value === undefined || value === '') && t.template) value = 'go-template';
  if (value === undefined || value === '') return { kind: 'default' };
  const [name] = value.split('=', 1);
  const inline = value.includes('=') ? value.slice(name.length + 1) : undefined;
  // With --template, the template printers match only their bare name: "jsonpath=..." is no format.
  if (t.template && inline !== undefined && TEMPLATE_FORMATS.has(name)) return unmatched(value, forGet);
  switch (name) {
    case 'json':
    case 'yaml':
    case 'name':
      return { kind: name };
    case 'wide':
      if (forGet) return { kind: 'wide' };
      break;
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file':
      return jsonPathFormat(name, inline, t);
    case 'custom-columns':
    case 'custom-columns-file':
      if (forGet) return customColumnsFormat(name, inline, t);
      break;
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      return goTemplateFormat(name, inline, t);
  }
  return unmatched(value, forGet);
}

/** The formats that take a template (inline after "=", or in --template). */
const TEMPLATE_FORMATS = new Set(['jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'go-template', 'go-template-file', 'template', 'templatefile', 'custom-columns', 'custom-columns-file']);

function unmatched(value: string, forGet: boolean): never {
  throw new CliError(`unable to match a printer suitable for the output format ${JSON.stringify(value)}, allowed formats are: ${forGet ? ALLOWED_FOR_GET : ALLOWED}`);
}

export function isTable(f: OutputFormat): boolean {
  return f.kind === 'default' || f.kind === 'wide';
}

export function stripManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _m, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** A List wrapper, as kubectl prints several objects in json/yaml. */
export function listOf(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: items.map(stripManagedFields), kind: 'List', metadata: { resourceVersion: '' } };
}

/** Prints objects in a structured format: one object bare, several as a List. */
export function printStructured(out: Output, format: OutputFormat, objs: readonly KubeObject[], singleItem: boolean): void {
  if (format.kind === 'name') {
    for (const o of objs) out.write(objectName(o) + '\n');
    return;
  }
  const value = singleItem && objs.length === 1 ? stripManagedFields(objs[0]) : listOf(objs);
  if (format.kind === 'jsonpath') printJsonPath(out, format.printer, value);
  else if (format.kind === 'go-template') printGoTemplate(out, format.printer, value, canonicalJson(value));
  else out.write(format.kind === 'json' ? toJson(value) : toYaml(value));
}

/**
 * A typed list kubectl builds itself (`kubectl events`' EventList): kind, apiVersion, an empty
 * metadata and the items in their Go struct order for -o json; YAML and JSONPath see the same
 * values. -o name prints nothing for it, as kubectl's name printer does for such a list.
 */
export function printTypedList(out: Output, format: OutputFormat, kind: string, items: readonly KubeObject[]): void {
  if (format.kind === 'name') return;
  const typed = items.map((o) => asTyped(stripManagedFields(o)));
  if (format.kind === 'json') out.write(toJson({ kind, apiVersion: 'v1', metadata: {}, items: typed.map(structOrdered) }, { sortKeys: false }));
  else if (format.kind === 'yaml') out.write(toYaml({ kind, apiVersion: 'v1', metadata: {}, items: typed }));
  else if (format.kind === 'jsonpath') printJsonPath(out, format.printer, { kind, apiVersion: 'v1', metadata: {}, items: typed });
  else if (format.kind === 'go-template') {
    const list = { kind, apiVersion: 'v1', metadata: {}, items: typed.map(structOrdered) };
    printGoTemplate(out, format.printer, list, goJsonCompact(list));
  }
}

export type DryRun = 'none' | 'client' | 'server';

/** --dry-run as kubectl's GetDryRunStrategy reads it, with its deprecation warnings. */
export function parseDryRun(c: CommandContext, value: string | boolean | undefined): DryRun {
  if (value === undefined || value === false) return 'none';
  if (value === true) {
    klogWarning(c, 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.');
    return 'client';
  }
  const b = parseGoBool(value);
  if (b !== undefined) {
    klogWarning(c, `helpers.go:${b ? 716 : 719}`, `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`);
    return b ? 'client' : 'none';
  }
  if (value === 'none' || value === 'client' || value === 'server') return value;
  throw new CliError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/**
 * What a mutating verb prints for each object: "<kind>/<name> <operation>", the name alone for
 * -o name, or the object for -o json|yaml (YAML documents separated by ---).
 */
export class MutationPrinter {
  private count = 0;
  constructor(
    private readonly out: Output,
    private readonly format: OutputFormat,
    private readonly dryRun: DryRun,
  ) {}

  /**
   * `typed`: kubectl holds the object as a typed Go struct (built client-side, or decoded by a
   * clientset or a typed builder), so -o json writes its fields in struct order, not sorted.
   */
  print(obj: KubeObject, operation: string, typed = false): void {
    switch (this.format.kind) {
      case 'name':
        this.out.write(objectName(obj) + '\n');
        break;
      case 'json':
        this.out.write(typed ? toJson(structOrdered(asTyped(stripManagedFields(obj))), { sortKeys: false }) : toJson(stripManagedFields(obj)));
        break;
      case 'yaml':
        if (this.count > 0) this.out.write('---\n');
        this.out.write(toYaml(typed ? asTyped(stripManagedFields(obj)) : stripManagedFields(obj)));
        break;
      case 'jsonpath':
        // One printer for all objects, as kubectl reuses it (a range keeps its state between them).
        printJsonPath(this.out, this.format.printer, typed ? asTyped(stripManagedFields(obj)) : stripManagedFields(obj));
        break;
      case 'go-template': {
        const value = typed ? asTyped(stripManagedFields(obj)) : stripManagedFields(obj);
        printGoTemplate(this.out, this.format.printer, value, typed ? goJsonCompact(structOrdered(value as KubeObject)) : canonicalJson(value));
        break;
      }
      default:
        this.out.write(`${objectName(obj)} ${operation}${dryRunSuffix(this.dryRun)}\n`);
    }
    this.count++;
  }

  /**
   * Prints objects together, as apply does at the end: one bare, several in a v1 List. The List
   * is a typed Go struct (kind, apiVersion, metadata, items in that order for -o json) holding
   * generic objects (keys sorted).
   */
  printAll(objs: readonly KubeObject[]): void {
    if (objs.length === 1 || (this.format.kind !== 'json' && this.format.kind !== 'yaml' && this.format.kind !== 'jsonpath')) {
      for (const o of objs) this.print(o, '');
      return;
    }
    const items = objs.map(stripManagedFields);
    if (this.format.kind === 'jsonpath') printJsonPath(this.out, this.format.printer, { apiVersion: 'v1', items, kind: 'List', metadata: {} });
    else if (this.format.kind === 'yaml') this.out.write(toYaml({ apiVersion: 'v1', items, kind: 'List', metadata: {} }));
    else this.out.write(toJson({ kind: 'List', apiVersion: 'v1', metadata: {}, items: items.map(sortedKeys) }, { sortKeys: false }));
  }
}

function schemaTypeOf(obj: KubeObject): string | undefined {
  const type = typeForKind(obj.apiVersion, obj.kind);
  return type && kindDef(type).strategy.schemaType;
}

/** What a typed struct holds after decoding and writes when encoded (api/schema/typed.ts). */
function asTyped(obj: KubeObject): KubeObject {
  const schemaType = schemaTypeOf(obj);
  if (!schemaType) return obj;
  const copy = clone(obj);
  const { goTypedRoundTrip } = require('../../api/schema/typed') as typeof import('../../api/schema/typed');
  goTypedRoundTrip(copy as unknown as Record<string, unknown>, schemaType);
  return copy;
}

/** The object in its Go type's field order (the type found from its apiVersion and kind). */
function structOrdered(obj: KubeObject): KubeObject {
  const schemaType = schemaTypeOf(obj);
  if (!schemaType) return obj;
  const { inStructOrder } = require('../../api/schema/structorder') as typeof import('../../api/schema/structorder');
  return inStructOrder(obj, schemaType);
}

/** A copy with object keys sorted at every level, as Go writes generic maps. */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort(compareCodePoints)) setOwn(out, k, sortedKeys((v as Record<string, unknown>)[k]));
  return out;
}
