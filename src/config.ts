/**
 * The global configuration, used by elements that are not inside a `<cx-desk>`. Each copy of cxdesk
 * on a page has its own.
 */
import type { CxAdapter } from './adapters/adapter.js';
import { checkStrings, type CxStrings } from './i18n/strings.js';
import type { CxCacheOptions } from './data/store.js';
import type { CxRulesOptions } from './rules/rules.js';
import type { CxRedactOptions } from './model/redact.js';

export type CxTheme = 'light' | 'dark' | 'auto';
export type CxDensity = 'comfortable' | 'compact';

export const THEMES: readonly CxTheme[] = ['light', 'dark', 'auto'];
export const DENSITIES: readonly CxDensity[] = ['comfortable', 'compact'];

/**
 * What `configure()` accepts. Keys you pass replace the current value; keys you leave out keep it.
 *
 * @example
 * CxDesk.configure({
 *   adapter: CxDesk.createMemoryAdapter({ customers: [{ id: 'c-1', name: 'Ada Quinn' }] }),
 *   locale: 'de-DE',
 *   theme: 'auto',
 * });
 */
export interface CxConfig {
  /** Where the data comes from. */
  adapter?: CxAdapter | undefined;
  /** BCP 47 locale for dates, money and plural rules. Default: the browser's language. */
  locale?: string | undefined;
  /** Default `light`. */
  theme?: CxTheme | undefined;
  /** Default `comfortable`. */
  density?: CxDensity | undefined;
  /** Overrides for the words shown to agents. */
  strings?: Partial<CxStrings> | undefined;
  /** The cache: namespace, staleTime, maxAge, maxEntries, enabled. */
  cacheOptions?: CxCacheOptions | undefined;
  /** Local next-best-action rules: which built-ins to keep, and your own. */
  rules?: CxRulesOptions | undefined;
  /** PII redaction: fields and patterns masked before they are shown or cached. */
  redact?: CxRedactOptions | undefined;
}

const REQUIRED_METHODS = ['getCustomer', 'listInteractions', 'getNextActions'] as const;
const OPTIONAL_METHODS = ['findCustomer', 'sendActionFeedback', 'subscribe'] as const;

/**
 * Says in words what is wrong with an adapter an integrator passed in, or returns `undefined` when it
 * is usable: an object with the three required methods, and functions (or nothing) for the optional
 * ones.
 */
export function adapterProblem(adapter: unknown): string | undefined {
  if (adapter === undefined || adapter === null) return undefined;
  if (typeof adapter !== 'object' && typeof adapter !== 'function') {
    return `the adapter must be an object with getCustomer, listInteractions and getNextActions methods (got ${typeof adapter})`;
  }
  const a = adapter as Record<string, unknown>;
  const missing = REQUIRED_METHODS.filter((m) => typeof a[m] !== 'function');
  if (missing.length) return `the adapter has no ${missing.join(', ')} method${missing.length > 1 ? 's' : ''}`;
  const wrong = OPTIONAL_METHODS.filter((m) => a[m] !== undefined && typeof a[m] !== 'function');
  if (wrong.length) return `the adapter's ${wrong.join(', ')} must be a function or left out`;
  return undefined;
}

const warnedOptions = new Set<string>();

/** Validates an enumerated option: returns it when allowed, else undefined with one console warning per value. */
export function checkOption<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  const key = `${name}=${String(value)}`;
  if (warnedOptions.has(key)) return undefined;
  warnedOptions.add(key);
  console.warn(`cxdesk: ${name} "${String(value)}" is not one of ${allowed.join(', ')}; using the default.`);
  return undefined;
}

let current: Readonly<CxConfig> = {};
const listeners = new Set<() => void>();

/**
 * Sets the global configuration used by standalone elements (and by `<cx-desk>` for whatever it is
 * not given itself). Elements already on the page update at once. Invalid values are reported on the
 * console in words and ignored; they never throw.
 */
export function configure(options: CxConfig): void {
  if (typeof options !== 'object' || options === null) {
    console.error('cxdesk: configure() takes an options object, e.g. configure({ adapter })');
    return;
  }
  const next: CxConfig = { ...current };
  if ('adapter' in options) {
    const problem = adapterProblem(options.adapter);
    if (problem) console.error(`cxdesk: configure(): ${problem}.`);
    next.adapter = options.adapter;
  }
  if ('locale' in options) {
    if (options.locale !== undefined && typeof options.locale !== 'string') {
      console.warn('cxdesk: configure(): locale must be a BCP 47 string such as "en-US".');
    } else next.locale = options.locale;
  }
  if ('theme' in options) next.theme = checkOption('theme', options.theme, THEMES);
  if ('density' in options) next.density = checkOption('density', options.density, DENSITIES);
  if ('cacheOptions' in options) {
    if (options.cacheOptions !== undefined && (typeof options.cacheOptions !== 'object' || options.cacheOptions === null)) {
      console.warn('cxdesk: configure(): cacheOptions must be an object such as { namespace: "agent-42" }.');
    } else next.cacheOptions = options.cacheOptions;
  }
  if ('rules' in options) {
    const r = options.rules;
    if (r !== undefined && (typeof r !== 'object' || r === null || (r.custom !== undefined && !Array.isArray(r.custom)))) {
      console.warn('cxdesk: configure(): rules must look like { builtIn?: boolean | string[], custom?: CxRule[] }.');
    } else next.rules = r;
  }
  if ('redact' in options) {
    const r = options.redact;
    if (r !== undefined && (typeof r !== 'object' || r === null)) console.warn('cxdesk: configure(): redact must look like { fields?: string[], patterns?: [...] }.');
    else next.redact = r;
  }
  if ('strings' in options) {
    const { strings, problems } = checkStrings(options.strings);
    for (const p of problems) console.warn(`cxdesk: configure(): ${p}.`);
    next.strings = strings;
  }
  current = Object.freeze(next);
  for (const l of [...listeners]) l();
}

/** The current global configuration. */
export function getConfig(): Readonly<CxConfig> {
  return current;
}

/** Calls `listener` after every `configure()`; returns the function that stops it. */
export function onConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
