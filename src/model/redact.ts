/**
 * PII redaction: values masked before they are rendered and before they are cached, so a card number
 * typed into a chat never reaches the screen or the disk in clear.
 */
import type { Customer, Interaction, NextAction } from './types.js';

/** Patterns cxdesk knows by name. */
export type RedactPatternName = 'card' | 'iban' | 'us-ssn';

export interface CxRedactOptions {
  /**
   * Fields masked entirely, as paths from the record type: `customer.phones`, `customer.location`,
   * `customer.notes.body`, `interaction.body`, `interaction.summary`, `nextAction.reason`…
   */
  fields?: string[];
  /** Patterns masked inside every text value: built-in names, or your own regular expressions. */
  patterns?: Array<RedactPatternName | RegExp>;
  /**
   * Fields whose masked values the agent may reveal, one at a time (fetched again, never cached;
   * each reveal fires `cx-reveal`). Supported: `customer.emails`, `customer.phones`. Default: none.
   */
  reveal?: string[];
}

const MASK = '••••';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const BUILT_IN: Record<RedactPatternName, (text: string) => string> = {
  // 13–19 digits, spaces or dashes between, passing the Luhn check: keep the last four
  card: (t) =>
    t.replace(/\b(?:\d[ -]?){12,18}\d\b/g, (m) => {
      const digits = m.replace(/\D/g, '');
      return digits.length >= 13 && digits.length <= 19 && luhn(digits) ? `${MASK} ${MASK} ${MASK} ${digits.slice(-4)}` : m;
    }),
  iban: (t) => t.replace(/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g, (m) => `${m.slice(0, 2)}${MASK}${m.replace(/\s/g, '').slice(-4)}`),
  'us-ssn': (t) => t.replace(/\b\d{3}-\d{2}-\d{4}\b/g, `${MASK}-${MASK}`),
};

/** Whether a shown value was masked. */
export const isMasked = (value: string): boolean => value.includes(MASK);

/** A fingerprint of the options, so records masked differently never share a cache entry. */
export function redactKey(options: CxRedactOptions | undefined): string {
  if (!options || (!options.fields?.length && !options.patterns?.length)) return '';
  return JSON.stringify([options.fields ?? [], (options.patterns ?? []).map((p) => (p instanceof RegExp ? `/${p.source}/${p.flags}` : p))]);
}

type Masker = (text: string) => string;

function masker(options: CxRedactOptions): Masker {
  const steps: Masker[] = (options.patterns ?? []).map((p) => {
    if (p instanceof RegExp) {
      const re = new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
      return (t: string) => t.replace(re, MASK);
    }
    return BUILT_IN[p] ?? ((t: string) => t);
  });
  return (t) => steps.reduce((acc, step) => step(acc), t);
}

/** Masks every string below `value`; `whole` masks them entirely. */
function walk(value: unknown, path: string, fields: Set<string>, mask: Masker, whole = false): unknown {
  const all = whole || fields.has(path);
  if (typeof value === 'string') return all ? MASK : mask(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, path, fields, mask, all));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // ids and instants are not personal data, and the UI needs them
      if (!all && (k === 'id' || k === 'occurredAt' || k === 'at' || k.endsWith('At') || k === 'channel')) out[k] = v;
      else out[k] = walk(v, `${path}.${k}`, fields, mask, all);
    }
    return out;
  }
  return value;
}

function redactor<T>(root: string) {
  return (record: T, options: CxRedactOptions | undefined): T => {
    if (!redactKey(options)) return record;
    return walk(record, root, new Set(options!.fields ?? []), masker(options!)) as T;
  };
}

export const redactCustomer = redactor<Customer>('customer');
export const redactInteraction = redactor<Interaction>('interaction');
export const redactNextAction = redactor<NextAction>('nextAction');
