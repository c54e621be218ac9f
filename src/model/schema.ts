/**
 * Runtime validation of everything an adapter returns (contract §4).
 *
 * Leaf values are checked with valibot schemas; records are walked by a small lenient engine on top,
 * because the contract's rule is not all-or-nothing:
 * - a wrong or missing **required** field makes the record invalid (an issue with its field path);
 * - a wrong **optional** field, or a wrong item in an optional list, is dropped with a notice and the
 *   rest of the record is kept;
 * - unknown extra fields are kept untouched;
 * - `null` for an optional field means "absent".
 */
import * as v from 'valibot';
import { ACTION_KINDS, type Customer, type Interaction, type NextAction, type Money, type LiveEvent } from './types.js';
import type { DataIssue } from './errors.js';

/** An optional field or list item that was dropped during validation. */
export interface DataNotice extends DataIssue {
  /** The path of what was removed (the field itself, or the list item that held it). */
  dropped: string;
}

type Outcome<T> =
  | { ok: true; value: T; notices: readonly DataNotice[] }
  | { ok: false; issues: DataIssue[] };

/**
 * Where a value sits, as text only when an issue needs it: a valid record (the common case) builds
 * no path strings at all, which matters at 100,000 interactions.
 */
type Path = string | { parent: Path; key: string | number };
const at = (parent: Path, key: string | number): Path => ({ parent, key });
function pathText(p: Path): string {
  if (typeof p === 'string') return p;
  const parent = pathText(p.parent);
  return typeof p.key === 'number' ? `${parent}[${p.key}]` : `${parent}.${p.key}`;
}

export type Check<T> = (input: unknown, path: Path) => Outcome<T>;

const NONE: readonly DataNotice[] = Object.freeze([]);
const ok = <T>(value: T, notices: readonly DataNotice[] = NONE): Outcome<T> => ({ ok: true, value, notices });
const fail = <T>(path: Path, message: string): Outcome<T> => ({ ok: false, issues: [{ path: pathText(path), message }] });

/** A leaf check from a valibot schema and the words that say what was expected. */
function leaf<T>(schema: v.GenericSchema<unknown, T>, expected: string): Check<T> {
  return (input, path) => {
    const r = v.safeParse(schema, input);
    return r.success ? ok(r.output) : fail(path, expected);
  };
}

const plainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

// ---- leaves ---------------------------------------------------------------------------------------

const text = leaf(v.string(), 'expected text');
const nonEmpty = leaf(v.pipe(v.string(), v.trim(), v.nonEmpty()), 'expected non-empty text');
/** Ids are strings; a numeric id from a backend is accepted and turned into a string. */
const id = leaf(
  v.union([
    v.pipe(v.string(), v.trim(), v.nonEmpty()),
    v.pipe(v.number(), v.finite(), v.transform((n) => String(n))),
  ]),
  'expected an id (non-empty text)',
);
const finiteNumber = leaf(v.pipe(v.number(), v.finite()), 'expected a number');
const range = (min: number, max: number, integer = false): Check<number> =>
  leaf(
    integer
      ? v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))
      : v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max)),
    `expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
  );
const nonNegative = leaf(v.pipe(v.number(), v.finite(), v.minValue(0)), 'expected a number of 0 or more');
const bool = leaf(v.boolean(), 'expected true or false');

/** The calendar day written exists (Date.parse would take 2026-02-30 for March 2). */
const realDay = (s: string) => {
  const month = Number(s.slice(5, 7));
  return Number(s.slice(8, 10)) <= new Date(Date.UTC(Number(s.slice(0, 4)), month, 0)).getUTCDate();
};
const dateTimeSchema = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.check((s) => realDay(s) && !Number.isNaN(Date.parse(s))),
);
const isoDateTime = leaf(dateTimeSchema, 'expected an ISO date-time');
const isoDate = leaf(
  v.union([dateTimeSchema, v.pipe(v.string(), v.isoDate(), v.check((s) => realDay(s) && !Number.isNaN(Date.parse(s))))]),
  'expected an ISO date or date-time',
);
const currency = leaf(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)), 'expected an ISO 4217 currency code');
const email = leaf(v.pipe(v.string(), v.trim(), v.email()), 'expected an email address');
const phone = leaf(
  v.pipe(
    v.string(),
    v.trim(),
    v.regex(/^\+?[\d\s().\-/]{3,32}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i),
    v.check((s) => (s.match(/\d/g)?.length ?? 0) >= 3),
  ),
  'expected a phone number',
);
/** Links: http(s) or relative. `javascript:`, `data:` and the like are dropped here and again at render. */
const link = leaf(
  v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty(),
    v.check((s) => {
      const scheme = /^([a-z][a-z\d+.-]*):/i.exec(s.replace(/[\u0000-\u0020]/g, ''));
      if (scheme) return /^https?$/i.test(scheme[1]!);
      // relative: a plain path, nothing that looks like markup, quotes or whitespace
      return /^[^<>"'`\s\\]+$/.test(s);
    }),
  ),
  'expected an http(s) URL',
);
const timezone = leaf(
  v.pipe(
    v.string(),
    v.check((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }),
  ),
  'expected an IANA time zone',
);
const language = leaf(
  v.pipe(
    v.string(),
    v.check((tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    }),
  ),
  'expected a BCP 47 language tag',
);
/** Any non-empty string: unknown channels are kept and shown under their own name. */
const channel = leaf(v.pipe(v.string(), v.trim(), v.nonEmpty()), 'expected a channel name');
const picklist = <const T extends readonly string[]>(options: T): Check<T[number]> =>
  leaf(v.picklist(options), `expected one of ${options.join(', ')}`);
const attributeValue = leaf(
  v.union([v.string(), v.pipe(v.number(), v.finite()), v.boolean()]),
  'expected text, a number or true/false',
);
const anything: Check<unknown> = (input) => ok(input);

// ---- records and lists ----------------------------------------------------------------------------

interface FieldSpec<T> {
  required: boolean;
  check: Check<T>;
}
const req = <T>(check: Check<T>): FieldSpec<T> => ({ required: true, check });
const opt = <T>(check: Check<T>): FieldSpec<T> => ({ required: false, check });

/** The declared keys of T, without its `[extra: string]: unknown` index signature. */
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};
/** A field spec for every declared key of T: the compiler keeps schemas and types in step. */
type Spec<T> = {
  [K in KnownKeys<T>]-?: FieldSpec<Exclude<T[K], undefined>>;
};

/**
 * A record: required fields must pass, optional ones are dropped (with a notice) when they do not,
 * unknown fields are kept.
 */
function record<T>(spec: Spec<T>): Check<T> {
  const entries = Object.entries(spec) as Array<[string, FieldSpec<unknown>]>;
  return (input, path) => {
    if (!plainObject(input)) return fail(path, 'expected an object');
    const out: Record<string, unknown> = { ...input };
    const notices: DataNotice[] = [];
    const issues: DataIssue[] = [];
    for (const [key, field] of entries) {
      const value = input[key];
      if (value === undefined || (value === null && !field.required)) {
        if (key in out) delete out[key];
        if (field.required) issues.push({ path: pathText(at(path, key)), message: 'is required' });
        continue;
      }
      const r = field.check(value, at(path, key));
      if (r.ok) {
        if (r.value !== value) out[key] = r.value;
        if (r.notices.length) notices.push(...r.notices);
      } else if (field.required) {
        issues.push(...r.issues);
      } else {
        delete out[key];
        const dropped = pathText(at(path, key));
        for (const i of r.issues) notices.push({ ...i, dropped });
      }
    }
    return issues.length ? { ok: false, issues } : ok(out as T, notices);
  };
}

/** A list whose wrong items are dropped with a notice; the list itself must be an array. */
function list<T>(item: Check<T>): Check<T[]> {
  return (input, path) => {
    if (!Array.isArray(input)) return fail(path, 'expected a list');
    const out: T[] = [];
    const notices: DataNotice[] = [];
    input.forEach((x, i) => {
      const r = item(x, at(path, i));
      if (r.ok) {
        out.push(r.value);
        if (r.notices.length) notices.push(...r.notices);
      } else {
        const dropped = pathText(at(path, i));
        for (const issue of r.issues) notices.push({ ...issue, dropped });
      }
    });
    return ok(out, notices);
  };
}

/** An object used as a map from string keys to one kind of value (e.g. per-channel counts). */
function dictionary<T>(value: Check<T>): Check<Record<string, T>> {
  return (input, path) => {
    if (!plainObject(input)) return fail(path, 'expected an object');
    const out: Record<string, T> = {};
    const notices: DataNotice[] = [];
    for (const [k, x] of Object.entries(input)) {
      const r = value(x, at(path, k));
      if (r.ok) out[k] = r.value;
      else {
        const dropped = pathText(at(path, k));
        for (const issue of r.issues) notices.push({ ...issue, dropped });
      }
    }
    return ok(out, notices);
  };
}

// ---- the model ------------------------------------------------------------------------------------

const money = record<Money>({ amount: req(finiteNumber), currency: req(currency) });

const customerCheck = record<Customer>({
  id: req(id),
  name: req(nonEmpty),
  avatarUrl: opt(link),
  emails: opt(list(email)),
  phones: opt(list(phone)),
  company: opt(record({ id: opt(id), name: req(nonEmpty) })),
  segment: opt(text),
  tier: opt(text),
  customerSince: opt(isoDate),
  lifecycleStage: opt(text),
  lifetimeValue: opt(money),
  preferredChannel: opt(channel),
  language: opt(language),
  timezone: opt(timezone),
  location: opt(text),
  tags: opt(list(nonEmpty)),
  health: opt(
    record({
      churnRisk: opt(range(0, 1)),
      csat: opt(range(0, 5)),
      nps: opt(range(-100, 100, true)),
      sentiment: opt(range(-1, 1)),
      sentimentTrend: opt(list(record({ at: req(isoDateTime), value: req(range(-1, 1)) }))),
    }),
  ),
  products: opt(
    list(
      record({
        id: req(id),
        name: req(nonEmpty),
        plan: opt(text),
        status: opt(text),
        since: opt(isoDate),
        renewsAt: opt(isoDate),
      }),
    ),
  ),
  orders: opt(
    list(
      record({
        id: req(id),
        placedAt: req(isoDateTime),
        total: opt(money),
        status: opt(text),
        url: opt(link),
      }),
    ),
  ),
  openCases: opt(
    list(
      record({
        id: req(id),
        subject: req(nonEmpty),
        status: opt(text),
        priority: opt(text),
        openedAt: req(isoDateTime),
        url: opt(link),
      }),
    ),
  ),
  consent: opt(
    record({
      marketingEmail: opt(bool),
      sms: opt(bool),
      phone: opt(bool),
      dataProcessing: opt(bool),
      updatedAt: opt(isoDateTime),
    }),
  ),
  notes: opt(list(record({ id: req(id), author: req(nonEmpty), body: req(text), createdAt: req(isoDateTime) }))),
  attributes: opt(list(record({ label: req(nonEmpty), value: req(attributeValue) }))),
  updatedAt: opt(isoDateTime),
});

const interactionCheck = record<Interaction>({
  id: req(id),
  channel: req(channel),
  occurredAt: req(isoDateTime),
  direction: opt(picklist(['inbound', 'outbound', 'internal'] as const)),
  subject: opt(text),
  summary: opt(text),
  body: opt(record({ text: opt(text), html: opt(text) })),
  agent: opt(record({ id: opt(id), name: req(nonEmpty) })),
  status: opt(text),
  sentiment: opt(range(-1, 1)),
  durationSec: opt(nonNegative),
  caseId: opt(id),
  url: opt(link),
  attachments: opt(list(record({ name: req(nonEmpty), url: req(link), size: opt(nonNegative) }))),
  tags: opt(list(nonEmpty)),
  source: opt(text),
});

const nextActionCheck = record<NextAction>({
  id: req(id),
  title: req(nonEmpty),
  reason: opt(text),
  kind: opt(picklist(ACTION_KINDS)),
  priority: opt(finiteNumber),
  confidence: opt(range(0, 1)),
  channel: opt(channel),
  expiresAt: opt(isoDateTime),
  requiresConsent: opt(picklist(['marketingEmail', 'sms', 'phone'] as const)),
  payload: opt(anything),
  source: opt(text),
});

// ---- public entry points --------------------------------------------------------------------------

/** A validated record with the optional parts that had to be dropped. */
export interface Validated<T> {
  value: T;
  notices: DataNotice[];
}

/** A validated collection: the valid records, the notices inside them, and the records left out. */
export interface ValidatedList<T> {
  items: T[];
  notices: DataNotice[];
  /** Records whose required fields were wrong: each with its exact field path(s). */
  invalid: DataIssue[];
}

export type RecordResult<T> = { ok: true; value: T; notices: DataNotice[] } | { ok: false; issues: DataIssue[] };

function one<T>(check: Check<T>, input: unknown, path: string): RecordResult<T> {
  const r = check(input, path);
  return r.ok ? { ok: true, value: r.value, notices: [...r.notices] } : r;
}

function many<T>(check: Check<T>, input: unknown, path: string): ValidatedList<T> | { error: DataIssue } {
  if (!Array.isArray(input)) return { error: { path, message: 'expected a list' } };
  const out: ValidatedList<T> = { items: [], notices: [], invalid: [] };
  input.forEach((x, i) => {
    const r = check(x, at(path, i));
    if (r.ok) {
      out.items.push(r.value);
      if (r.notices.length) out.notices.push(...r.notices);
    } else out.invalid.push(...r.issues);
  });
  return out;
}

/** Validates one customer record; paths start at `customer`. */
export const checkCustomer = (input: unknown, path = 'customer'): RecordResult<Customer> =>
  one(customerCheck, input, path);
/** Validates one interaction; paths start at `interaction`. */
export const checkInteraction = (input: unknown, path = 'interaction'): RecordResult<Interaction> =>
  one(interactionCheck, input, path);
/** Validates one next action; paths start at `nextAction`. */
export const checkNextAction = (input: unknown, path = 'nextAction'): RecordResult<NextAction> =>
  one(nextActionCheck, input, path);

/** Validates a list of interactions: invalid ones are reported with `interactions[i].field`, the rest kept. */
export const checkInteractions = (input: unknown, path = 'interactions') => many(interactionCheck, input, path);
/** Validates a list of next actions: invalid ones are reported with `nextActions[i].field`, the rest kept. */
export const checkNextActions = (input: unknown, path = 'nextActions') => many(nextActionCheck, input, path);
/** Validates a list of customers (lookups). */
export const checkCustomers = (input: unknown, path = 'customers') => many(customerCheck, input, path);

const pageMeta = record<{ nextCursor: string | null; total: number; counts: Record<string, number> }>({
  nextCursor: opt(leaf(v.union([v.string(), v.pipe(v.number(), v.transform(String))]), 'expected a cursor (text)')),
  total: opt(nonNegative),
  counts: opt(dictionary(nonNegative)),
});

/** Validates a page of interactions (`{ items, nextCursor?, total?, counts? }`). */
export function checkInteractionPage(
  input: unknown,
  path = 'interactions',
): ({ ok: true } & ValidatedList<Interaction> & { nextCursor: string | null; total?: number; counts?: Record<string, number> }) | { ok: false; issues: DataIssue[] } {
  if (!plainObject(input)) return { ok: false, issues: [{ path: 'page', message: 'expected an object with items' }] };
  const list = many(interactionCheck, input['items'], path);
  if ('error' in list) return { ok: false, issues: [{ path: 'page.items', message: 'expected a list' }] };
  const meta = pageMeta({ nextCursor: input['nextCursor'], total: input['total'], counts: input['counts'] }, 'page');
  const m = meta.ok ? meta.value : { nextCursor: null };
  const result: { ok: true } & ValidatedList<Interaction> & { nextCursor: string | null; total?: number; counts?: Record<string, number> } = {
    ok: true,
    ...list,
    nextCursor: m.nextCursor ?? null,
  };
  if (meta.ok) {
    result.notices.push(...meta.notices);
    if (meta.value.total !== undefined) result.total = meta.value.total;
    if (meta.value.counts !== undefined) result.counts = meta.value.counts;
  }
  return result;
}

/** Validates a live event; unknown event types are reported as invalid. */
export function checkLiveEvent(input: unknown): RecordResult<LiveEvent> {
  if (!plainObject(input)) return { ok: false, issues: [{ path: 'event', message: 'expected an object' }] };
  switch (input['type']) {
    case 'interaction': {
      const r = checkInteraction(input['interaction'], 'event.interaction');
      return r.ok ? { ok: true, value: { type: 'interaction', interaction: r.value }, notices: r.notices } : r;
    }
    case 'customer': {
      const r = checkCustomer(input['customer'], 'event.customer');
      return r.ok ? { ok: true, value: { type: 'customer', customer: r.value }, notices: r.notices } : r;
    }
    case 'next-actions': {
      const r = many(nextActionCheck, input['actions'], 'event.actions');
      if ('error' in r) return { ok: false, issues: [r.error] };
      return {
        ok: true,
        value: { type: 'next-actions', actions: r.items },
        notices: [...r.notices, ...r.invalid.map((i) => ({ ...i, dropped: i.path.replace(/\].*$/, ']') }))],
      };
    }
    default:
      return { ok: false, issues: [{ path: 'event.type', message: 'expected interaction, customer or next-actions' }] };
  }
}

/** Formats an issue the way it is shown and logged: `interactions[3].occurredAt: expected an ISO date-time`. */
export const formatIssue = (i: DataIssue): string => `${i.path}: ${i.message}`;
