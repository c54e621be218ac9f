/**
 * Locale-aware formatting on `Intl`. Formatters are cached per locale. Nothing here ever returns
 * "Invalid Date", "NaN" or "undefined": a value that cannot be formatted gives an empty string, and
 * callers leave the field out.
 */
import type { Money } from '../model/types.js';

const warned = new Set<string>();

/**
 * Returns a usable BCP 47 locale: the requested one when `Intl` accepts it, else the browser's,
 * else `en-US` (with one console warning naming the rejected value).
 */
export function resolveLocale(requested: string | undefined | null): string {
  const candidates = [requested, typeof navigator !== 'undefined' ? navigator.language : undefined, 'en-US'];
  for (const c of candidates) {
    if (!c) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(c);
      if (canonical) return canonical;
    } catch {
      if (c === requested && !warned.has(c)) {
        warned.add(c);
        console.warn(`cxdesk: locale "${c}" is not a valid BCP 47 language tag; using the browser's language instead.`);
      }
    }
  }
  return 'en-US';
}

const DAY = 86_400_000;
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** A parsed instant, or undefined. Plain dates (`2024-03-01`) are taken as that calendar day. */
export function toDate(value: string | number | Date | undefined | null): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const d =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00`)
      : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export interface Formatter {
  readonly locale: string;
  /** 20 Nov 2026 */
  date(value: string | number | Date | undefined, timeZone?: string): string;
  /** 20 Nov 2026, 15:04 */
  dateTime(value: string | number | Date | undefined, timeZone?: string): string;
  /** 15:04 */
  time(value: string | number | Date | undefined, timeZone?: string): string;
  /** Fri, Nov 20, 2026: a day heading. */
  day(value: string | number | Date | undefined): string;
  /** A language tag in words ("German (Germany)"), else the tag itself. */
  language(tag: string): string;
  /** "3 days ago", "in 2 hours", "now" */
  relative(value: string | number | Date | undefined, now?: number): string;
  /** "10:42" today, "yesterday, 10:42" / "Nov 18, 10:42" before: how fresh data is described. */
  relativeOrTime(value: string | number | Date | undefined, now?: number): string;
  /** $1,234.50 — falls back to "1,234.50 XYZ" for a currency `Intl` does not know. */
  money(value: Money | undefined): string;
  number(value: number | undefined, options?: Intl.NumberFormatOptions): string;
  /** 0.42 → 42% */
  percent(value: number | undefined): string;
}

const cache = new Map<string, Formatter>();

/** The formatter for a locale (cached). */
export function formatter(requestedLocale?: string | null): Formatter {
  const locale = resolveLocale(requestedLocale);
  let f = cache.get(locale);
  if (!f) {
    f = createFormatter(locale);
    cache.set(locale, f);
  }
  return f;
}

function createFormatter(locale: string): Formatter {
  const dtf = new Map<string, Intl.DateTimeFormat>();
  const getDtf = (kind: string, options: Intl.DateTimeFormatOptions, timeZone?: string) => {
    const key = `${kind}|${timeZone ?? ''}`;
    let f = dtf.get(key);
    if (!f) {
      try {
        f = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
      } catch {
        f = new Intl.DateTimeFormat(locale, options);
      }
      dtf.set(key, f);
    }
    return f;
  };
  // made when first needed: creating an Intl formatter costs milliseconds
  let relativeFormat: Intl.RelativeTimeFormat | undefined;
  const rtf = { format: (n: number, unit: Intl.RelativeTimeFormatUnit) => (relativeFormat ??= new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(n, unit) };
  let languages: Intl.DisplayNames | undefined;
  const nf = new Map<string, Intl.NumberFormat>();
  const getNf = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let f = nf.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, options);
      nf.set(key, f);
    }
    return f;
  };
  const fmtDate = (kind: string, options: Intl.DateTimeFormatOptions) =>
    (value: string | number | Date | undefined, timeZone?: string) => {
      const d = toDate(value);
      return d ? getDtf(kind, options, timeZone).format(d) : '';
    };

  return {
    locale,
    date: fmtDate('date', { dateStyle: 'medium' }),
    dateTime: fmtDate('dateTime', { dateStyle: 'medium', timeStyle: 'short' }),
    time: fmtDate('time', { timeStyle: 'short' }),
    day: fmtDate('day', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    language(tag) {
      try {
        languages ??= new Intl.DisplayNames([locale], { type: 'language' });
        return languages.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    relative(value, now = Date.now()) {
      const d = toDate(value);
      if (!d) return '';
      const diff = d.getTime() - now;
      const abs = Math.abs(diff);
      for (const [unit, ms] of UNITS) {
        if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
      }
      return rtf.format(0, 'second');
    },
    relativeOrTime(value, now = Date.now()) {
      const d = toDate(value);
      if (!d) return '';
      const time = getDtf('time', { timeStyle: 'short' }).format(d);
      const today = new Date(now);
      if (d.toDateString() === today.toDateString()) return time;
      const yesterday = new Date(now - DAY);
      if (d.toDateString() === yesterday.toDateString()) return `${rtf.format(-1, 'day')}, ${time}`;
      return getDtf('dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    },
    money(value) {
      if (!value || !Number.isFinite(value.amount)) return '';
      try {
        return getNf({ style: 'currency', currency: value.currency }).format(value.amount);
      } catch {
        return `${getNf({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value.amount)} ${value.currency}`;
      }
    },
    number(value, options = {}) {
      return value === undefined || !Number.isFinite(value) ? '' : getNf(options).format(value);
    },
    percent(value) {
      return value === undefined || !Number.isFinite(value) ? '' : getNf({ style: 'percent', maximumFractionDigits: 0 }).format(value);
    },
  };
}
