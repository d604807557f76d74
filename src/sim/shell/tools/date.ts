// date(1) in UTC (containers run with TZ unset): strftime-style formatting and the -d forms
// scripts use (@seconds, ISO dates, "now", "N seconds/minutes/hours/days ago").

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number): string => String(n).padStart(2, '0');

export function formatDate(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, mo, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  const codes: Record<string, () => string> = {
    Y: () => String(Y),
    C: () => p2(Math.floor(Y / 100)),
    y: () => p2(Y % 100),
    m: () => p2(mo + 1),
    d: () => p2(day),
    e: () => String(day).padStart(2, ' '),
    H: () => p2(H),
    k: () => String(H).padStart(2, ' '),
    I: () => p2(H % 12 || 12),
    l: () => String(H % 12 || 12).padStart(2, ' '),
    M: () => p2(M),
    S: () => p2(S),
    N: () => String((ms % 1000) * 1_000_000).padStart(9, '0'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    P: () => (H < 12 ? 'am' : 'pm'),
    a: () => DAYS[wd].slice(0, 3),
    A: () => DAYS[wd],
    b: () => MONTHS[mo].slice(0, 3),
    h: () => MONTHS[mo].slice(0, 3),
    B: () => MONTHS[mo],
    j: () => String(yday).padStart(3, '0'),
    u: () => String(wd || 7),
    w: () => String(wd),
    s: () => String(Math.floor(ms / 1000)),
    Z: () => 'UTC',
    z: () => '+0000',
    T: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    R: () => `${p2(H)}:${p2(M)}`,
    D: () => `${p2(mo + 1)}/${p2(day)}/${p2(Y % 100)}`,
    F: () => `${Y}-${p2(mo + 1)}-${p2(day)}`,
    c: () => `${DAYS[wd].slice(0, 3)} ${MONTHS[mo].slice(0, 3)} ${String(day).padStart(2, ' ')} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%(:?)([a-zA-Z%])/g, (all, colon: string, c: string) => {
    if (colon && c === 'z') return '+00:00';
    const f = codes[c];
    return f ? f() : all;
  });
}

/** The instant a `date -d` argument names, or undefined when date would reject it. */
export function parseDateArg(v: string, now: number): number | undefined {
  const s = v.trim();
  if (s === '' || s === 'now') return now;
  const at = /^@(-?\d+)$/.exec(s);
  if (at) return Number(at[1]) * 1000;
  const rel = /^(\d+)\s*(sec|second|min|minute|hour|day|week)s?\s*(ago)?$/.exec(s);
  if (rel) {
    const unit = { sec: 1, second: 1, min: 60, minute: 60, hour: 3600, day: 86400, week: 604800 }[rel[2]]! * 1000;
    return now + (rel[3] ? -1 : 1) * Number(rel[1]) * unit;
  }
  if (/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) {
    const iso = s.replace(' ', 'T');
    const t = Date.parse(/T/.test(iso) && !/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? `${iso}Z` : /T/.test(iso) ? iso : `${iso}T00:00:00Z`);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}
