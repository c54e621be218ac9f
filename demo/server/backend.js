/**
 * A real HTTP backend for the cxdesk REST contract (see `src/rest/openapi.json`), over the
 * deterministic demo data of `demo/data/seed.js`. Used by the demo (`demo/server/serve.js`) and by
 * tests that need a real server: latency, faults, auth, cookies, CORS, ETags and server-sent events.
 *
 * Plain ES module (JavaScript + JSDoc), Node built-ins only.
 *
 * Contract paths:   /api/cx/…            the `default` scope
 *                   /api/cx/s/<scope>/…  a test scope, created on first use
 * Control paths:    /__control/<scope>/… settings, faults, data, push, sse/drop, login, log, reset
 *
 * Every scope has its own settings, faults, request log, data overrides, feedback log, live-event
 * log and open event streams, so parallel tests never disturb each other. The generated base data
 * is shared (read-only) by all scopes; a scope only stores what it changes.
 *
 * @example
 * import { startBackend } from './demo/server/backend.js';
 * const backend = await startBackend({ port: 0 });
 * const r = await fetch(`${backend.url}/api/cx/customers/c-1001`);
 * await backend.close();
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEMO_NOW, generateCustomers, generateInteractions, generateNextActions } from '../data/seed.js';

/**
 * @typedef {import('../../src/model/types.js').Customer} Customer
 * @typedef {import('../../src/model/types.js').Interaction} Interaction
 * @typedef {import('../../src/model/types.js').NextAction} NextAction
 * @typedef {import('../../src/model/types.js').LiveEvent} LiveEvent
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 */

/**
 * @typedef {object} Settings
 * @property {number} latencyMs delay before every contract response (SSE: before the headers)
 * @property {number} errorRate 0..1: that fraction of contract requests answer 503 (seeded PRNG)
 * @property {boolean} offline contract requests get their socket destroyed
 * @property {string | null} requireAuth required `Authorization` header value
 * @property {boolean} requireCookie require the cookie `cx_session=<scope>`
 * @property {number} pingMs interval of `: ping` comments on event streams
 * @property {boolean} sseDown new event streams answer 503, open ones are closed
 * @property {number} liveEveryMs push a generated interaction every N ms to watched customers (0: off)
 */

/**
 * @typedef {object} Fault
 * @property {string} [method]
 * @property {string} [path] regex source tested against the path relative to the base
 * @property {number} [status]
 * @property {string} [body] raw body, sent as application/json
 * @property {unknown} [json] a JSON value to send instead of the real one
 * @property {number} [delayMs]
 * @property {number | string} [retryAfter]
 * @property {boolean} [drop]
 * @property {number | null} [times]
 */

/**
 * @typedef {object} BackendOptions
 * @property {number} [seed] seed of the generated data (default 42)
 * @property {number} [customers] how many customers (default 300)
 * @property {string} [bigAccountId] the customer with the huge history (default c-1002)
 * @property {number} [bigAccountInteractions] its history size (default 100 000)
 * @property {string} [now] reference instant of the generated data (default DEMO_NOW)
 * @property {Partial<Settings>} [defaults] settings of the `default` scope
 */

/**
 * @typedef {object} Backend
 * @property {(req: Req, res: Res) => boolean} handle answers requests under /api/cx/ and /__control/; false (and nothing done) for any other path
 * @property {() => void} close stops timers and closes open event streams and pending requests
 */

/** @typedef {{ t: number, id: string, item: any }} Entry */
/** @typedef {{ entries: Entry[], keyset: boolean }} Timeline */

const CONTRACT_BASE = '/api/cx';
const CONTROL_BASE = '/__control';
const SCOPE_RE = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID', 'If-None-Match', 'X-Requested-With'];
const MAX_BODY = 64 * 1024 * 1024;
const MAX_LOG = 20_000;
const MAX_EVENTS_PER_CUSTOMER = 5_000;
const OUTCOMES = ['accepted', 'dismissed', 'snoozed'];

/** @type {Settings} */
const DEFAULT_SETTINGS = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  offline: false,
  requireAuth: null,
  requireCookie: false,
  pingMs: 15_000,
  sseDown: false,
  liveEveryMs: 0,
});

/** @type {Record<string, (v: unknown) => string | undefined>} validators: an error message, or undefined when fine */
const SETTING_CHECKS = {
  latencyMs: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : 'a number >= 0'),
  errorRate: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'a number between 0 and 1'),
  offline: (v) => (typeof v === 'boolean' ? undefined : 'a boolean'),
  requireAuth: (v) => (v === null || typeof v === 'string' ? undefined : 'a string or null'),
  requireCookie: (v) => (typeof v === 'boolean' ? undefined : 'a boolean'),
  pingMs: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 1 ? undefined : 'a number >= 1'),
  sseDown: (v) => (typeof v === 'boolean' ? undefined : 'a boolean'),
  liveEveryMs: (v) => (v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0) ? undefined : 'a number >= 0 (0 or null: off)'),
};

const ERROR_CODES = /** @type {Record<number, string>} */ ({
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'timeout',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
});
const errorCode = (/** @type {number} */ status) => ERROR_CODES[status] ?? (status >= 500 ? 'server_error' : 'error');

/** FNV-1a hash of a string to an unsigned 32-bit integer (same as the seed module's). */
function hash(/** @type {string} */ str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function mulberry32(/** @type {number} */ seed) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isObject = (/** @type {unknown} */ v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isoNow = () => new Date().toISOString().slice(0, 19) + 'Z';
const time = (/** @type {unknown} */ iso) => {
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? 0 : t;
};

/** Newest first; ties broken by id (larger first), exactly like the memory adapter. */
const newer = (/** @type {{t: number, id: string}} */ a, /** @type {{t: number, id: string}} */ b) =>
  b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** @returns {Entry} */
const toEntry = (/** @type {any} */ item) => ({ t: time(item?.occurredAt), id: String(item?.id), item });

/**
 * A timeline from a list given as is: sorted newest first when every item is an object with a
 * parsable `occurredAt` (keyset cursors), else kept in the given order (offset cursors).
 * @param {unknown[]} list
 * @returns {Timeline}
 */
function timelineOf(list) {
  const entries = list.map(toEntry);
  const keyset = list.every((i) => isObject(i) && typeof /** @type {any} */ (i).occurredAt === 'string' && !Number.isNaN(Date.parse(/** @type {any} */ (i).occurredAt)));
  if (keyset) entries.sort(newer);
  return { entries, keyset };
}

/** @type {WeakMap<object, string>} */
const searchCache = new WeakMap();
/** The lower-cased text a search looks in (same fields as the memory adapter). */
function searchable(/** @type {any} */ i) {
  if (!isObject(i)) return '';
  let s = searchCache.get(i);
  if (s === undefined) {
    const body = isObject(i.body) ? i.body : {};
    const html = typeof body.html === 'string' ? body.html.replace(/<[^>]*>/g, ' ') : '';
    const tags = Array.isArray(i.tags) ? i.tags : [];
    s = [i.subject, i.summary, body.text, html, isObject(i.agent) ? i.agent.name : undefined, i.caseId, i.channel, ...tags]
      .filter((x) => typeof x === 'string')
      .join('\n')
      .toLowerCase();
    searchCache.set(i, s);
  }
  return s;
}

const encodeCursor = (/** @type {unknown} */ pos) => Buffer.from(JSON.stringify(pos)).toString('base64url');

/** @returns {{ t: number, id: string } | { offset: number } | null} */
function decodeCursor(/** @type {string} */ cursor) {
  if (!/^[A-Za-z0-9_+/-]+={0,2}$/.test(cursor)) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && Number.isFinite(v[0]) && typeof v[1] === 'string') return { t: v[0], id: v[1] };
    if (isObject(v) && Number.isInteger(v.o) && v.o >= 0) return { offset: v.o };
  } catch {
    /* fall through */
  }
  return null;
}

const digitsOnly = (/** @type {unknown} */ s) => (typeof s === 'string' ? s.replace(/\D/g, '') : '');

/** The value of one cookie in the request, or undefined. */
function cookieValue(/** @type {Req} */ req, /** @type {string} */ name) {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

const header = (/** @type {Req} */ req, /** @type {string} */ name) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v ?? null;
};

/** Sets the CORS response headers when the request has an Origin. */
function applyCors(/** @type {Req} */ req, /** @type {Res} */ res) {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After');
}

/** Answers a CORS preflight (204). */
function answerPreflight(/** @type {Req} */ req, /** @type {Res} */ res) {
  const allow = [...ALLOW_HEADERS];
  const asked = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h && TOKEN_RE.test(h));
  for (const h of asked) if (!allow.some((a) => a.toLowerCase() === h.toLowerCase())) allow.push(h);
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', allow.join(', '));
  res.setHeader('Access-Control-Max-Age', '600');
  if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
  res.setHeader('Content-Length', '0');
  res.writeHead(204);
  res.end();
}

const errorBody = (/** @type {number} */ status, /** @type {string} */ message, /** @type {string} */ code = errorCode(status)) =>
  JSON.stringify({ error: { code, message } });

/** Reads a request body as text (at most MAX_BODY bytes). */
async function readBody(/** @type {Req} */ req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw Object.assign(new Error(`Request body larger than ${MAX_BODY} bytes`), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Does an If-None-Match header match this strong ETag? */
function etagMatches(/** @type {string | undefined} */ ifNoneMatch, /** @type {string} */ etag) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t.replace(/^W\//, '') === etag;
  });
}

/**
 * Creates the backend. Nothing is listening: mount `handle` in any Node HTTP server, or use
 * {@link startBackend}.
 *
 * @param {BackendOptions} [options]
 * @returns {Backend}
 */
export function createBackend({
  seed = 42,
  customers: customerCount = 300,
  bigAccountId = 'c-1002',
  bigAccountInteractions = 100_000,
  now = DEMO_NOW,
  defaults = {},
} = {}) {
  const badDefault = Object.entries(defaults ?? {}).find(([k, v]) => !SETTING_CHECKS[k] || SETTING_CHECKS[k](v));
  if (badDefault) throw new TypeError(`createBackend: defaults.${badDefault[0]} is not a valid setting`);

  // ---- shared, read-only base data ------------------------------------------------------------
  const baseCustomers = generateCustomers({ seed, count: customerCount, now });
  /** @type {Map<string, Customer>} */
  const baseById = new Map(baseCustomers.map((c) => [c.id, c]));
  /** @type {Map<string, Timeline>} */
  const baseTimelines = new Map();
  /** @type {Map<string, NextAction[]>} */
  const baseActions = new Map();

  /** The deterministic history size of a base customer. */
  const historySize = (/** @type {string} */ id) =>
    id === 'c-1003' ? 0 : id === bigAccountId ? bigAccountInteractions : 5 + (hash(id) % 196);

  /** @returns {Timeline | undefined} */
  function baseTimeline(/** @type {string} */ id) {
    let tl = baseTimelines.get(id);
    if (!tl) {
      const customer = baseById.get(id);
      if (!customer) return undefined;
      const count = historySize(id);
      const list = count > 0 ? generateInteractions(customer, { seed, count, now }) : [];
      tl = timelineOf(list);
      baseTimelines.set(id, tl);
    }
    return tl;
  }

  function baseNextActions(/** @type {string} */ id) {
    let list = baseActions.get(id);
    if (!list) {
      const customer = baseById.get(id);
      if (!customer) return undefined;
      list = generateNextActions(customer, { seed, now });
      baseActions.set(id, list);
    }
    return list;
  }

  // ---- scopes -----------------------------------------------------------------------------------
  /**
   * @typedef {object} Stream
   * @property {string} customerId
   * @property {Res} res
   * @property {ReturnType<typeof setInterval> | undefined} ping
   */
  /**
   * @typedef {object} Scope
   * @property {string} name
   * @property {Settings} settings
   * @property {Array<Fault & { re?: RegExp }>} faults
   * @property {any[]} log
   * @property {any[]} feedback
   * @property {Set<string>} decisions
   * @property {Map<string, any>} customers overrides by id (as given)
   * @property {string[]} addedCustomers ids of override customers that are not base customers, in order
   * @property {Map<string, Timeline>} timelines overrides (or copies of the base taken on push)
   * @property {Map<string, unknown>} actions overrides
   * @property {Map<string, Array<{ id: number, event: unknown }>>} events
   * @property {Map<string, number>} eventSeq
   * @property {Set<Stream>} streams
   * @property {() => number} rng
   * @property {ReturnType<typeof setInterval> | undefined} liveTimer
   * @property {number} liveSeq
   */
  /** @type {Map<string, Scope>} */
  const scopes = new Map();
  /** @type {Set<{ res: Res }>} contract requests in flight */
  const inflight = new Set();

  const rngFor = (/** @type {string} */ name) => mulberry32(hash(`${seed}:${name}:errors`));

  /** @returns {Settings} */
  function initialSettings(/** @type {string} */ name) {
    const settings = { ...DEFAULT_SETTINGS, ...(name === 'default' ? defaults : {}) };
    if (settings.liveEveryMs === null) settings.liveEveryMs = 0;
    return settings;
  }

  /** @returns {Scope} */
  function newScope(/** @type {string} */ name) {
    return {
      name,
      settings: initialSettings(name),
      faults: [],
      log: [],
      feedback: [],
      decisions: new Set(),
      customers: new Map(),
      addedCustomers: [],
      timelines: new Map(),
      actions: new Map(),
      events: new Map(),
      eventSeq: new Map(),
      streams: new Set(),
      rng: rngFor(name),
      liveTimer: undefined,
      liveSeq: 0,
    };
  }

  function getScope(/** @type {string} */ name) {
    let scope = scopes.get(name);
    if (!scope) {
      scope = newScope(name);
      scopes.set(name, scope);
    }
    return scope;
  }

  /** Closes a scope's streams and timers. */
  function teardown(/** @type {Scope} */ scope) {
    if (scope.liveTimer) clearInterval(scope.liveTimer);
    scope.liveTimer = undefined;
    for (const st of [...scope.streams]) {
      if (st.ping) clearInterval(st.ping);
      st.res.destroy();
    }
    scope.streams.clear();
  }

  // ---- scope data views -------------------------------------------------------------------------
  const getCustomer = (/** @type {Scope} */ scope, /** @type {string} */ id) =>
    scope.customers.has(id) ? scope.customers.get(id) : baseById.get(id);
  const customerExists = (/** @type {Scope} */ scope, /** @type {string} */ id) => scope.customers.has(id) || baseById.has(id);

  /** Every customer of the scope: the base list (overrides in place) then added ones. */
  function* allCustomers(/** @type {Scope} */ scope) {
    for (const c of baseCustomers) yield scope.customers.has(c.id) ? scope.customers.get(c.id) : c;
    for (const id of scope.addedCustomers) if (scope.customers.has(id)) yield scope.customers.get(id);
  }

  /** @returns {Timeline} */
  function timelineFor(/** @type {Scope} */ scope, /** @type {string} */ id) {
    return scope.timelines.get(id) ?? (baseById.has(id) ? baseTimeline(id) : undefined) ?? { entries: [], keyset: true };
  }

  function actionsFor(/** @type {Scope} */ scope, /** @type {string} */ id) {
    if (scope.actions.has(id)) return scope.actions.get(id);
    return baseById.has(id) ? baseNextActions(id) : [];
  }

  function setCustomer(/** @type {Scope} */ scope, /** @type {string} */ id, /** @type {unknown} */ record) {
    if (!baseById.has(id) && !scope.customers.has(id)) scope.addedCustomers.push(id);
    scope.customers.set(id, record);
  }

  /** Adds (or replaces, by id) one interaction in the scope's copy of a history. */
  function addInteraction(/** @type {Scope} */ scope, /** @type {string} */ customerId, /** @type {any} */ item) {
    let tl = scope.timelines.get(customerId);
    if (!tl) {
      const base = baseById.has(customerId) ? baseTimeline(customerId) : undefined;
      tl = { entries: base ? base.entries.slice() : [], keyset: base ? base.keyset : true };
      scope.timelines.set(customerId, tl);
    }
    const entry = toEntry(item);
    const existing = tl.entries.findIndex((e) => e.id === entry.id);
    if (existing >= 0) tl.entries.splice(existing, 1);
    if (!tl.keyset) {
      tl.entries.unshift(entry);
      return;
    }
    let lo = 0;
    let hi = tl.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newer(tl.entries[mid], entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    tl.entries.splice(lo, 0, entry);
  }

  /**
   * Logs a live event, applies it to the scope's data and writes it to the customer's open streams.
   * @returns {{ id: number, applied: boolean }}
   */
  function pushEvent(/** @type {Scope} */ scope, /** @type {string} */ customerId, /** @type {any} */ event) {
    const id = (scope.eventSeq.get(customerId) ?? 0) + 1;
    scope.eventSeq.set(customerId, id);
    let list = scope.events.get(customerId);
    if (!list) scope.events.set(customerId, (list = []));
    list.push({ id, event });
    if (list.length > MAX_EVENTS_PER_CUSTOMER) list.splice(0, list.length - MAX_EVENTS_PER_CUSTOMER);
    let applied = true;
    if (event.type === 'interaction' && isObject(event.interaction)) addInteraction(scope, customerId, event.interaction);
    else if (event.type === 'customer' && isObject(event.customer)) setCustomer(scope, customerId, event.customer);
    else if (event.type === 'next-actions' && Array.isArray(event.actions)) scope.actions.set(customerId, event.actions);
    else applied = false;
    const frame = `id: ${id}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const st of scope.streams) if (st.customerId === customerId) st.res.write(frame);
    return { id, applied };
  }

  /** A generated interaction dated now, for the `liveEveryMs` setting. */
  function liveInteraction(/** @type {Scope} */ scope, /** @type {string} */ customerId) {
    const n = ++scope.liveSeq;
    const at = isoNow();
    const customer = getCustomer(scope, customerId);
    /** @type {any} */
    let item;
    try {
      const who = isObject(customer) && typeof customer.name === 'string' ? customer : { id: customerId, name: 'Customer' };
      [item] = generateInteractions(/** @type {Customer} */ (who), { seed: seed + n * 7919 + hash(scope.name), count: 1, now: at });
    } catch {
      item = { channel: 'chat', summary: 'New message from the customer.' };
    }
    return { ...item, id: `${customerId}-live-${scope.name}-${n}`, occurredAt: at, status: 'open' };
  }

  /** Starts or stops a scope's live generator to match its settings and open streams. */
  function syncLive(/** @type {Scope} */ scope) {
    const every = scope.settings.liveEveryMs;
    const want = every > 0 && scope.streams.size > 0;
    if (scope.liveTimer && (!want || /** @type {any} */ (scope.liveTimer).every !== every)) {
      clearInterval(scope.liveTimer);
      scope.liveTimer = undefined;
    }
    if (want && !scope.liveTimer) {
      const timer = setInterval(() => {
        const watched = new Set([...scope.streams].map((s) => s.customerId));
        for (const id of watched) pushEvent(scope, id, { type: 'interaction', interaction: liveInteraction(scope, id) });
      }, every);
      /** @type {any} */ (timer).every = every;
      scope.liveTimer = timer;
    }
  }

  function startPing(/** @type {Scope} */ scope, /** @type {Stream} */ st) {
    if (st.ping) clearInterval(st.ping);
    st.ping = setInterval(() => st.res.write(': ping\n\n'), scope.settings.pingMs);
  }

  // ---- request handling -------------------------------------------------------------------------

  /**
   * Per contract request state.
   * @typedef {object} Ctx
   * @property {Req} req
   * @property {Res} res
   * @property {Scope} scope
   * @property {string} rel
   * @property {URL} url
   * @property {any} entry
   * @property {number} start
   * @property {boolean} closed
   * @property {boolean} done
   * @property {boolean} dropped
   * @property {boolean} stream
   * @property {Record<string, string>} extra headers added by a fault
   * @property {number | undefined} forceStatus status forced by a fault
   * @property {string | undefined} body
   */

  /** Waits `ms`, or less when the client goes away. */
  function pause(/** @type {Ctx} */ ctx, /** @type {number} */ ms) {
    return new Promise((resolve) => {
      if (ctx.closed || !(ms > 0)) return resolve(undefined);
      const done = () => {
        clearTimeout(timer);
        ctx.res.off('close', done);
        resolve(undefined);
      };
      const timer = setTimeout(done, ms);
      ctx.res.once('close', done);
    });
  }

  /** Ends the request without an answer (a network error for the client). */
  function drop(/** @type {Ctx} */ ctx) {
    ctx.dropped = true;
    ctx.entry.dropped = true;
    ctx.res.destroy();
  }

  /** Sends a complete response. */
  function send(/** @type {Ctx} */ ctx, /** @type {number} */ status, /** @type {Record<string, string>} */ headers, /** @type {string | undefined} */ body) {
    if (ctx.closed || ctx.done) return;
    ctx.done = true;
    const { res } = ctx;
    for (const [k, v] of Object.entries(ctx.extra)) res.setHeader(k, v);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (body !== undefined) res.setHeader('Content-Length', String(Buffer.byteLength(body)));
    ctx.entry.status = status;
    res.writeHead(status);
    res.end(body);
  }

  function sendError(/** @type {Ctx} */ ctx, /** @type {number} */ status, /** @type {string} */ message, /** @type {Record<string, string>} */ headers = {}) {
    send(ctx, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }, errorBody(status, message));
  }

  /** A 200 JSON answer with a strong ETag; 304 when If-None-Match matches. */
  function sendJson(/** @type {Ctx} */ ctx, /** @type {unknown} */ value) {
    const body = JSON.stringify(value);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const cache = { ETag: etag, 'Cache-Control': 'private, no-cache' };
    if (ctx.forceStatus === undefined && etagMatches(ctx.req.headers['if-none-match'], etag)) return send(ctx, 304, cache, undefined);
    send(ctx, ctx.forceStatus ?? 200, { ...cache, 'Content-Type': 'application/json; charset=utf-8' }, body);
  }

  /** The first fault of the scope matching this request, with its `times` decremented. */
  function takeFault(/** @type {Scope} */ scope, /** @type {string} */ method, /** @type {string} */ rel) {
    for (const f of scope.faults) {
      if (f.times != null && f.times <= 0) continue;
      if (f.method && f.method.toUpperCase() !== method && !(f.method.toUpperCase() === 'GET' && method === 'HEAD')) continue;
      if (f.re && !f.re.test(rel)) continue;
      if (f.times != null) f.times--;
      return f;
    }
    return undefined;
  }

  /** Handles one request under /api/cx/. */
  async function contract(/** @type {Req} */ req, /** @type {Res} */ res, /** @type {URL} */ url) {
    applyCors(req, res);
    const path = url.pathname;
    let rest = path === CONTRACT_BASE ? '' : path.slice(CONTRACT_BASE.length + 1);
    let scopeName = 'default';
    if (rest.startsWith('s/')) {
      const slash = rest.indexOf('/', 2);
      scopeName = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
      rest = slash < 0 ? '' : rest.slice(slash + 1);
      if (!SCOPE_RE.test(scopeName)) {
        if (req.method === 'OPTIONS') return answerPreflight(req, res);
        res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(errorBody(400, `Invalid scope name "${scopeName}": use 1 to 64 of A-Z a-z 0-9 _ -`));
        return;
      }
    }
    const scope = getScope(scopeName);
    const method = String(req.method).toUpperCase();
    /** @type {Record<string, any>} one request log record */
    const entry = {
      method,
      path: rest,
      query: Object.fromEntries(url.searchParams),
      status: null,
      ifNoneMatch: header(req, 'if-none-match'),
      lastEventId: header(req, 'last-event-id') ?? url.searchParams.get('lastEventId'),
      idempotencyKey: header(req, 'idempotency-key'),
      origin: header(req, 'origin'),
      authorization: header(req, 'authorization'),
      cookie: cookieValue(req, 'cx_session') !== undefined,
      aborted: false,
      /** an event stream the client closed (a stream has no end of its own) */
      streamClosed: false,
      at: new Date().toISOString(),
      ms: null,
    };
    scope.log.push(entry);
    if (scope.log.length > MAX_LOG) scope.log.splice(0, scope.log.length - MAX_LOG);

    /** @type {Ctx} */
    const ctx = { req, res, scope, rel: rest, url, entry, start: performance.now(), closed: false, done: false, dropped: false, stream: false, extra: {}, forceStatus: undefined, body: undefined };
    const elapsed = () => Math.round((performance.now() - ctx.start) * 10) / 10;
    const track = { res };
    inflight.add(track);
    res.on('finish', () => {
      if (entry.ms === null) entry.ms = elapsed();
    });
    res.on('close', () => {
      ctx.closed = true;
      inflight.delete(track);
      if (!res.writableFinished && !ctx.dropped && !ctx.stream) entry.aborted = true;
      if (ctx.stream && !ctx.dropped) entry.streamClosed = true;
      if (entry.ms === null) entry.ms = elapsed();
    });

    if (method === 'OPTIONS') {
      ctx.done = true;
      entry.status = 204;
      return answerPreflight(req, res);
    }
    const settings = scope.settings;
    if (settings.offline) return drop(ctx);

    if (method === 'POST') {
      try {
        ctx.body = await readBody(req);
      } catch (e) {
        if (ctx.closed) return;
        return sendError(ctx, /** @type {any} */ (e).status ?? 400, /** @type {Error} */ (e).message);
      }
    }
    await pause(ctx, settings.latencyMs);
    if (ctx.closed) return;

    if (settings.requireAuth != null && req.headers.authorization !== settings.requireAuth) {
      return sendError(ctx, 401, req.headers.authorization ? 'The Authorization header is not valid' : 'An Authorization header is required', { 'WWW-Authenticate': 'Bearer' });
    }
    if (settings.requireCookie && cookieValue(req, 'cx_session') !== scope.name) {
      return sendError(ctx, 401, `A session cookie is required (cx_session=${scope.name}); log in first`);
    }

    const fault = takeFault(scope, method, rest);
    if (fault) {
      entry.fault = true;
      if (fault.delayMs) {
        await pause(ctx, fault.delayMs);
        if (ctx.closed) return;
      }
      if (fault.drop) return drop(ctx);
      if (fault.retryAfter !== undefined && fault.retryAfter !== null) ctx.extra['Retry-After'] = String(fault.retryAfter);
      if (fault.body !== undefined) {
        return send(ctx, fault.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, String(fault.body));
      }
      if (fault.json !== undefined) {
        return send(ctx, fault.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, JSON.stringify(fault.json));
      }
      if (fault.status !== undefined) {
        if (fault.status >= 400) return sendError(ctx, fault.status, `Simulated fault: ${fault.status}`);
        if (fault.status === 204 || fault.status === 304) return send(ctx, fault.status, {}, undefined);
        ctx.forceStatus = fault.status;
      }
    }

    if (settings.errorRate > 0 && scope.rng() < settings.errorRate) {
      return sendError(ctx, 503, 'Simulated outage (errorRate)');
    }

    try {
      route(ctx, method);
    } catch (e) {
      if (!ctx.done && !ctx.closed) sendError(ctx, 500, `Internal error: ${/** @type {Error} */ (e)?.message ?? e}`);
    }
  }

  /** Dispatches a contract request to its endpoint. */
  function route(/** @type {Ctx} */ ctx, /** @type {string} */ method) {
    const { scope, url } = ctx;
    /** @type {string[]} */
    let parts;
    try {
      parts = ctx.rel.split('/').map(decodeURIComponent);
    } catch {
      return sendError(ctx, 400, `Malformed path "${ctx.rel}"`);
    }
    const read = method === 'GET' || method === 'HEAD';
    const allow = (/** @type {string} */ methods) => sendError(ctx, 405, `Use ${methods} on ${ctx.rel}`, { Allow: methods });
    const unknownCustomer = (/** @type {string} */ id) => sendError(ctx, 404, `No customer with id "${id}"`);
    if (parts[0] !== 'customers' || parts.some((p, i) => i > 0 && p === '')) {
      return sendError(ctx, 404, `No such endpoint: ${ctx.rel || '(base)'}`);
    }

    // GET customers?email=&phone=&ref=
    if (parts.length === 1) {
      if (!read) return allow('GET');
      const email = url.searchParams.get('email')?.trim().toLowerCase() || undefined;
      const phone = digitsOnly(url.searchParams.get('phone') ?? '') || undefined;
      const ref = url.searchParams.get('ref')?.trim() || undefined;
      const items = [];
      if (email || phone || ref) {
        for (const c of allCustomers(scope)) {
          if (!isObject(c)) continue;
          const hit =
            (email && Array.isArray(c.emails) && c.emails.some((/** @type {unknown} */ e) => typeof e === 'string' && e.trim().toLowerCase() === email)) ||
            (phone && Array.isArray(c.phones) && c.phones.some((/** @type {unknown} */ p) => digitsOnly(p) === phone)) ||
            (ref && (c.id === ref || c.ref === ref || c.externalId === ref));
          if (hit) items.push(c);
        }
      }
      return sendJson(ctx, { items });
    }

    const id = parts[1];
    // GET customers/{id}
    if (parts.length === 2) {
      if (!read) return allow('GET');
      if (!customerExists(scope, id)) return unknownCustomer(id);
      return sendJson(ctx, getCustomer(scope, id));
    }

    // GET customers/{id}/interactions
    if (parts.length === 3 && parts[2] === 'interactions') {
      if (!read) return allow('GET');
      if (!customerExists(scope, id) && !scope.timelines.has(id)) return unknownCustomer(id);
      return listInteractions(ctx, timelineFor(scope, id));
    }

    // GET customers/{id}/next-actions
    if (parts.length === 3 && parts[2] === 'next-actions') {
      if (!read) return allow('GET');
      if (!customerExists(scope, id) && !scope.actions.has(id)) return unknownCustomer(id);
      return sendJson(ctx, { items: actionsFor(scope, id) });
    }

    // GET customers/{id}/events
    if (parts.length === 3 && parts[2] === 'events') {
      if (!read) return allow('GET');
      if (!customerExists(scope, id)) return unknownCustomer(id);
      return openStream(ctx, id);
    }

    // POST customers/{id}/next-actions/{actionId}/feedback
    if (parts.length === 5 && parts[2] === 'next-actions' && parts[4] === 'feedback') {
      if (method !== 'POST') return allow('POST');
      if (!customerExists(scope, id) && !scope.actions.has(id)) return unknownCustomer(id);
      return feedback(ctx, id, parts[3]);
    }

    return sendError(ctx, 404, `No such endpoint: ${ctx.rel}`);
  }

  /** One page of a history, with the memory adapter's semantics. */
  function listInteractions(/** @type {Ctx} */ ctx, /** @type {Timeline} */ tl) {
    const p = ctx.url.searchParams;
    const rawLimit = p.get('limit');
    const limit = Math.max(1, Math.min(200, Math.floor(Number(rawLimit)) || 25));
    const channelList = p
      .getAll('channel')
      .flatMap((c) => c.split(','))
      .map((c) => c.trim())
      .filter(Boolean);
    const channels = channelList.length ? new Set(channelList) : undefined;
    const needle = p.get('q')?.trim().toLowerCase() || undefined;
    const rawBefore = p.get('before');
    let before;
    if (rawBefore !== null && rawBefore !== '') {
      before = Date.parse(rawBefore);
      if (Number.isNaN(before)) return sendError(ctx, 400, `Invalid "before": "${rawBefore}" is not an ISO date-time`);
    }
    const rawCursor = p.get('cursor');
    const cursor = rawCursor ? decodeCursor(rawCursor) : undefined;
    if (rawCursor && !cursor) return sendError(ctx, 400, `Invalid cursor "${rawCursor.slice(0, 100)}"`);

    /** @type {Record<string, number>} */
    const counts = {};
    /** @type {Entry[]} */
    const matching = [];
    for (const e of tl.entries) {
      if (before !== undefined && e.t >= before) continue;
      if (needle && !searchable(e.item).includes(needle)) continue;
      const ch = e.item?.channel;
      if (typeof ch === 'string') counts[ch] = (counts[ch] ?? 0) + 1;
      if (channels && !channels.has(ch)) continue;
      matching.push(e);
    }

    let start = 0;
    if (cursor && 'offset' in cursor) start = Math.min(cursor.offset, matching.length);
    else if (cursor && tl.keyset) {
      // first index strictly after the cursor position in newest-first order
      let lo = 0;
      let hi = matching.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (newer(matching[mid], cursor) <= 0) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    } else if (cursor) {
      const at = matching.findIndex((e) => e.id === cursor.id);
      start = at >= 0 ? at + 1 : 0;
    }
    const page = matching.slice(start, start + limit);
    const last = page[page.length - 1];
    const more = start + limit < matching.length;
    const nextCursor = more && last ? encodeCursor(tl.keyset ? [last.t, last.id] : { o: start + limit }) : null;
    return sendJson(ctx, { items: page.map((e) => e.item), nextCursor, total: matching.length, counts });
  }

  /** Validates and records action feedback (de-duplicated by decisionId). */
  function feedback(/** @type {Ctx} */ ctx, /** @type {string} */ customerId, /** @type {string} */ actionId) {
    const { scope, req } = ctx;
    /** @type {any} */
    let body;
    try {
      body = JSON.parse(ctx.body ?? '');
    } catch {
      return sendError(ctx, 400, 'The body must be a JSON object: { outcome, at, decisionId, reason?, snoozeUntil? }');
    }
    const problems = [];
    if (!isObject(body)) problems.push('the body must be a JSON object');
    else {
      if (!OUTCOMES.includes(body.outcome)) problems.push(`"outcome" must be one of ${OUTCOMES.join(', ')}`);
      if (body.reason !== undefined && typeof body.reason !== 'string') problems.push('"reason" must be a string');
      if (body.snoozeUntil !== undefined && (typeof body.snoozeUntil !== 'string' || Number.isNaN(Date.parse(body.snoozeUntil)))) {
        problems.push('"snoozeUntil" must be an ISO date-time');
      }
      if (typeof body.at !== 'string' || Number.isNaN(Date.parse(body.at))) problems.push('"at" must be an ISO date-time');
      if (typeof body.decisionId !== 'string' || !body.decisionId) problems.push('"decisionId" must be a non-empty string');
    }
    const key = header(req, 'idempotency-key');
    if (!problems.length) {
      if (!key) problems.push('the Idempotency-Key header is required (equal to decisionId)');
      else if (key !== body.decisionId) problems.push(`the Idempotency-Key header ("${key}") must equal decisionId ("${body.decisionId}")`);
    }
    if (problems.length) return sendError(ctx, 400, `Invalid feedback: ${problems.join('; ')}`);
    if (!scope.decisions.has(body.decisionId)) {
      scope.decisions.add(body.decisionId);
      scope.feedback.push({ customerId, actionId, body, idempotencyKey: key });
    }
    return send(ctx, ctx.forceStatus ?? 204, { 'Cache-Control': 'no-store' }, undefined);
  }

  /** Opens a server-sent event stream for one customer. */
  function openStream(/** @type {Ctx} */ ctx, /** @type {string} */ customerId) {
    const { scope, req, res, entry } = ctx;
    if (scope.settings.sseDown) return sendError(ctx, 503, 'Live updates are unavailable (sseDown)');
    ctx.done = true;
    ctx.stream = true;
    for (const [k, v] of Object.entries(ctx.extra)) res.setHeader(k, v);
    entry.status = ctx.forceStatus ?? 200;
    res.writeHead(entry.status, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    entry.ms = Math.round((performance.now() - ctx.start) * 10) / 10;
    if (req.method === 'HEAD') return res.end();
    req.socket.setNoDelay(true);

    const lastRaw = entry.lastEventId;
    const last = lastRaw !== null && /^\s*\d+\s*$/.test(lastRaw) ? Number(lastRaw) : undefined;
    if (last !== undefined) {
      const replay = (scope.events.get(customerId) ?? []).filter((e) => e.id > last);
      if (replay.length) res.write(replay.map((e) => `id: ${e.id}\ndata: ${JSON.stringify(e.event)}\n\n`).join(''));
    }
    /** @type {Stream} */
    const st = { customerId, res, ping: undefined };
    scope.streams.add(st);
    startPing(scope, st);
    syncLive(scope);
    res.on('close', () => {
      if (st.ping) clearInterval(st.ping);
      scope.streams.delete(st);
      syncLive(scope);
    });
  }

  // ---- control endpoints ------------------------------------------------------------------------

  /** Handles one request under /__control/. */
  async function control(/** @type {Req} */ req, /** @type {Res} */ res, /** @type {URL} */ url) {
    applyCors(req, res);
    const method = String(req.method).toUpperCase();
    if (method === 'OPTIONS') return answerPreflight(req, res);
    const reply = (/** @type {number} */ status, /** @type {unknown} */ value) => {
      const body = value === undefined ? undefined : JSON.stringify(value);
      res.setHeader('Cache-Control', 'no-store');
      if (body !== undefined) {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Content-Length', String(Buffer.byteLength(body)));
      }
      res.writeHead(status);
      res.end(body);
    };
    const fail = (/** @type {number} */ status, /** @type {string} */ message) => reply(status, { error: { code: errorCode(status), message } });

    const m = /^\/__control\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!m) return fail(404, 'Use /__control/<scope>/<settings|faults|data|push|sse/drop|login|log|reset>');
    const [, scopeName, action] = m;
    if (!SCOPE_RE.test(scopeName)) return fail(400, `Invalid scope name "${scopeName}": use 1 to 64 of A-Z a-z 0-9 _ -`);

    /** @type {any} */
    let body = {};
    if (method === 'POST') {
      let text;
      try {
        text = await readBody(req);
      } catch (e) {
        return fail(/** @type {any} */ (e).status ?? 400, /** @type {Error} */ (e).message);
      }
      if (text.trim()) {
        try {
          body = JSON.parse(text);
        } catch {
          return fail(400, 'The body must be JSON');
        }
      }
    }
    const want = (/** @type {string} */ m2) => {
      if (method === m2 || (m2 === 'GET' && method === 'HEAD')) return true;
      res.setHeader('Allow', m2);
      fail(405, `Use ${m2} on /__control/${scopeName}/${action}`);
      return false;
    };

    switch (action) {
      case 'settings': {
        const scope = getScope(scopeName);
        if (method === 'GET' || method === 'HEAD') return reply(200, scope.settings);
        if (!want('POST')) return;
        if (!isObject(body)) return fail(400, 'Send a JSON object of settings');
        for (const [k, v] of Object.entries(body)) {
          const check = SETTING_CHECKS[k];
          if (!check) return fail(400, `Unknown setting "${k}"; known: ${Object.keys(SETTING_CHECKS).join(', ')}`);
          const problem = check(v);
          if (problem) return fail(400, `Setting "${k}" must be ${problem}`);
        }
        const next = { ...scope.settings, ...body };
        if (next.liveEveryMs === null) next.liveEveryMs = 0;
        scope.settings = next;
        if ('errorRate' in body) scope.rng = rngFor(scope.name);
        if ('pingMs' in body) for (const st of scope.streams) startPing(scope, st);
        if (next.sseDown) {
          for (const st of [...scope.streams]) {
            if (st.ping) clearInterval(st.ping);
            st.res.end();
          }
        }
        syncLive(scope);
        return reply(200, scope.settings);
      }
      case 'faults': {
        const scope = getScope(scopeName);
        if (method === 'GET' || method === 'HEAD') return reply(200, { faults: scope.faults.map(({ re, ...f }) => f) });
        if (!want('POST')) return;
        const list = Array.isArray(body) ? body : body?.faults;
        if (!Array.isArray(list)) return fail(400, 'Send { faults: [...] }');
        /** @type {Array<Fault & { re?: RegExp }>} */
        const faults = [];
        for (const [i, f] of list.entries()) {
          if (!isObject(f)) return fail(400, `faults[${i}] must be an object`);
          if (f.method !== undefined && typeof f.method !== 'string') return fail(400, `faults[${i}].method must be a string`);
          if (f.path !== undefined && typeof f.path !== 'string') return fail(400, `faults[${i}].path must be a regex source string`);
          if (f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 200 && f.status <= 599)) return fail(400, `faults[${i}].status must be an HTTP status (200..599)`);
          if (f.body !== undefined && typeof f.body !== 'string') return fail(400, `faults[${i}].body must be a string (use json for a JSON value)`);
          if (f.delayMs !== undefined && !(typeof f.delayMs === 'number' && f.delayMs >= 0)) return fail(400, `faults[${i}].delayMs must be a number >= 0`);
          if (f.retryAfter !== undefined && typeof f.retryAfter !== 'number' && typeof f.retryAfter !== 'string') return fail(400, `faults[${i}].retryAfter must be seconds`);
          if (f.drop !== undefined && typeof f.drop !== 'boolean') return fail(400, `faults[${i}].drop must be a boolean`);
          if (f.times !== undefined && f.times !== null && !(Number.isInteger(f.times) && f.times >= 0)) return fail(400, `faults[${i}].times must be an integer >= 0`);
          /** @type {Fault & { re?: RegExp }} */
          const fault = { ...f };
          if (f.path !== undefined) {
            try {
              fault.re = new RegExp(f.path);
            } catch (e) {
              return fail(400, `faults[${i}].path is not a valid regex: ${/** @type {Error} */ (e).message}`);
            }
          }
          faults.push(fault);
        }
        scope.faults = faults;
        return reply(200, { faults: faults.map(({ re, ...f }) => f) });
      }
      case 'data': {
        if (!want('POST')) return;
        const scope = getScope(scopeName);
        if (!isObject(body)) return fail(400, 'Send { customers?, interactions?, nextActions? }');
        const { customers, interactions, nextActions } = body;
        if (customers !== undefined) {
          if (!Array.isArray(customers)) return fail(400, 'customers must be an array');
          const bad = customers.findIndex((c) => !isObject(c) || (typeof c.id !== 'string' && typeof c.id !== 'number'));
          if (bad >= 0) return fail(400, `customers[${bad}] needs an id (string) to be stored`);
        }
        for (const [name, map] of /** @type {const} */ ([['interactions', interactions], ['nextActions', nextActions]])) {
          if (map === undefined) continue;
          if (!isObject(map)) return fail(400, `${name} must be an object keyed by customer id`);
          const bad = Object.entries(map).find(([, v]) => !Array.isArray(v));
          if (bad) return fail(400, `${name}["${bad[0]}"] must be an array`);
        }
        for (const c of customers ?? []) setCustomer(scope, String(c.id), c);
        for (const [id, list] of Object.entries(interactions ?? {})) scope.timelines.set(id, timelineOf(list));
        for (const [id, list] of Object.entries(nextActions ?? {})) scope.actions.set(id, list);
        return reply(200, {
          customers: customers?.length ?? 0,
          interactions: Object.keys(interactions ?? {}),
          nextActions: Object.keys(nextActions ?? {}),
        });
      }
      case 'push': {
        if (!want('POST')) return;
        const scope = getScope(scopeName);
        if (!isObject(body) || typeof body.customerId !== 'string' || !body.customerId) return fail(400, 'Send { customerId, event }');
        if (!isObject(body.event)) return fail(400, 'event must be a JSON object (a LiveEvent)');
        return reply(200, pushEvent(scope, body.customerId, body.event));
      }
      case 'sse/drop': {
        if (!want('POST')) return;
        const scope = getScope(scopeName);
        const dropped = scope.streams.size;
        for (const st of [...scope.streams]) {
          if (st.ping) clearInterval(st.ping);
          st.res.destroy();
        }
        scope.streams.clear();
        syncLive(scope);
        return reply(200, { dropped });
      }
      case 'login': {
        if (!want('POST')) return;
        res.setHeader('Set-Cookie', `cx_session=${scopeName}; Path=/; HttpOnly; SameSite=Lax`);
        return reply(204, undefined);
      }
      case 'log': {
        if (!want('GET')) return;
        const scope = getScope(scopeName);
        return reply(200, { requests: scope.log, feedback: scope.feedback });
      }
      case 'reset': {
        if (!want('POST')) return;
        const old = scopes.get(scopeName);
        if (old) teardown(old);
        scopes.delete(scopeName);
        return reply(204, undefined);
      }
      default:
        return fail(404, `Unknown control endpoint "${action}"`);
    }
  }

  return {
    handle(req, res) {
      const rawUrl = req.url ?? '/';
      const pathname = rawUrl.split('?')[0];
      const isContract = pathname === CONTRACT_BASE || pathname.startsWith(CONTRACT_BASE + '/');
      const isControl = pathname.startsWith(CONTROL_BASE + '/');
      if (!isContract && !isControl) return false;
      /** @type {URL} */
      let url;
      try {
        url = new URL(rawUrl, 'http://backend.invalid');
      } catch {
        url = new URL('http://backend.invalid/');
      }
      const run = isContract ? contract(req, res, url) : control(req, res, url);
      run.catch((e) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(errorBody(500, `Internal error: ${e?.message ?? e}`));
        } else if (!res.writableEnded) res.destroy();
      });
      return true;
    },
    close() {
      for (const scope of scopes.values()) teardown(scope);
      for (const { res } of [...inflight]) res.destroy();
      inflight.clear();
    },
  };
}

/**
 * Starts a standalone HTTP server around {@link createBackend}; other paths answer 404 JSON.
 *
 * @param {BackendOptions & { port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startBackend({ port = 0, host = '127.0.0.1', ...options } = {}) {
  const backend = createBackend(options);
  const server = http.createServer((req, res) => {
    if (backend.handle(req, res)) return;
    const body = errorBody(404, `Nothing at ${req.url}; the contract lives under /api/cx/`);
    res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  let closing;
  return {
    url: `http://${hostPart}:${actualPort}`,
    port: actualPort,
    close() {
      closing ??= new Promise((resolve) => {
        backend.close();
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
