// IntOrString fields such as maxSurge: "25%" or 1.
import { type FieldError, GoSyntax, invalid } from '../field';

export function goIntOrString(v: number | string | undefined): GoSyntax {
  if (typeof v === 'string') return new GoSyntax(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`);
  return new GoSyntax(`intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`);
}

const PERCENT_RE = /^[0-9]+%$/;

export function validatePositiveIntOrPercent(v: number | string | undefined, path: string): FieldError[] {
  if (typeof v === 'string') {
    return PERCENT_RE.test(v)
      ? []
      : [
          invalid(
            path,
            goIntOrString(v),
            "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
          ),
        ];
  }
  return v !== undefined && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

/** The number an IntOrString stands for before scaling (percentages as their number). */
export function intOrPercentValue(v: number | string | undefined): number {
  if (typeof v === 'string') return parseInt(v, 10) || 0;
  return v ?? 0;
}

export function validateNotMoreThan100Percent(v: number | string | undefined, path: string): FieldError[] {
  return typeof v === 'string' && PERCENT_RE.test(v) && intOrPercentValue(v) > 100
    ? [invalid(path, goIntOrString(v), 'must not be greater than 100%')]
    : [];
}
