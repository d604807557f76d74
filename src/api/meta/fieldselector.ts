// Field selectors (`--field-selector status.phase=Running,spec.nodeName!=n1`).

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export class FieldSelectorParseError extends Error {}

export function parseFieldSelector(text: string): FieldRequirement[] {
  const reqs: FieldRequirement[] = [];
  for (const part of text.split(',')) {
    const p = part.trim();
    if (!p) continue;
    const m = /^([^=!]+)(==|!=|=)(.*)$/.exec(p);
    if (!m) throw new FieldSelectorParseError(`invalid selector: '${text}'; can't understand '${p}'`);
    reqs.push({ field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() });
  }
  return reqs;
}

export function formatFieldSelector(reqs: FieldRequirement[]): string {
  return reqs.map((r) => `${r.field}${r.op}${r.value}`).join(',');
}
