// Time zones as Go's time package sees them, for schedules: a zone is its UTC offset at each
// instant (from the IANA data the runtime carries, through Intl), and a civil time is made into an
// instant as Go's time.Date makes it, normalising overflow and choosing an offset the same way in
// a DST gap or overlap.

export interface Zone {
  readonly name: string;
  /** The zone's offset from UTC at this instant, in ms. */
  offsetAt(ms: number): number;
}

export const UTC: Zone = { name: 'UTC', offsetAt: () => 0 };

/** A civil time in a zone; month 1–12, weekday 0 (Sunday)–6. */
export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const zones = new Map<string, Zone>();

function intlZone(name: string): Zone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return {
    name,
    offsetAt(ms) {
      const at = Math.floor(ms / 1000) * 1000;
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
      return wall - at;
    },
  };
}

/**
 * Go's time.LoadLocation: "" and "UTC" are UTC; other names must be zones of the IANA database,
 * spelled as it spells them. Returns Go's error text for anything else.
 */
export function loadLocation(name: string): Zone | { error: string } {
  if (name === '' || name === 'UTC') return UTC;
  const known = zones.get(name);
  if (known) return known;
  const unknown = { error: `unknown time zone ${name}` };
  if (name === 'Local') return unknown;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return unknown;
  }
  // Intl forgives case ("europe/paris"); the zoneinfo files Go opens do not.
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return unknown;
  const zone = intlZone(name);
  zones.set(name, zone);
  return zone;
}

/** The civil time of an instant in a zone. */
export function civil(ms: number, zone: Zone): Civil {
  const d = new Date(ms + zone.offsetAt(ms));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * time.Date: out-of-range fields carry into the next (the 31st of February is in March); a wall
 * time the zone skips or repeats takes the offset Go's lookup finds for it.
 */
export function dateIn(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: Zone): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone === UTC) return wall;
  const guess = wall - zone.offsetAt(wall);
  return wall - zone.offsetAt(guess);
}
