/**
 * The entry of `dist/cxdesk.min.js`, the classic-script build:
 *
 * ```html
 * <script src="cxdesk.min.js" data-base-url="https://support.example.com/api/cx/" data-prefix="acme"></script>
 * ```
 *
 * It sets `window.CxDesk` (the whole JavaScript API) and applies the script's `data-*` options at
 * once. The elements' code (Lit, templates, styles) is in `cxdesk-elements.js` beside it, loaded when
 * the page first uses one of the tags — a helpdesk can include the script on every page and only
 * ticket pages pay for the elements. The build returns before running anything when the same
 * version of cxdesk has already loaded on the page; another version keeps its own `window.CxDesk`.
 */
import * as core from './api.js';
import { checkPrefix, emptyResult, tagsFor, type DefineOptions, type DefineResult } from './tags.js';

export type { DefineOptions, DefineResult };

/** Relative to this script's own URL (a classic script's `import()` resolves against it). */
const ELEMENTS = './cxdesk-elements.js';

interface ElementsModule {
  defineElements(options: DefineOptions): DefineResult;
}

interface Request {
  prefix: string;
  result: DefineResult;
  settle(result: DefineResult): void;
  /** Settles when copies of cxdesk that asked for the same tags earlier have registered (or failed). */
  after: Promise<unknown>;
}

const requests: Request[] = [];
/**
 * Tags that some copy of cxdesk on this page has asked for and is still loading, shared by every
 * copy and version: the first to ask keeps them, as when registration was immediate, however the
 * loads of the element files finish.
 */
const PENDING = Symbol.for('cxdesk.pending-tags');
const pendingTags = ((globalThis as Record<symbol, unknown>)[PENDING] ??= new Map()) as Map<string, Promise<unknown>>;
let loaded: ElementsModule | undefined;
let loading: Promise<void> | undefined;
let observer: MutationObserver | undefined;

function loadElements(): void {
  observer?.disconnect();
  observer = undefined;
  loading ??= (import(ELEMENTS) as Promise<ElementsModule>).then(
    (module) => {
      loaded = module;
      for (const r of requests.splice(0)) void r.after.then(() => r.settle(module.defineElements({ prefix: r.prefix })));
    },
    (e: unknown) => {
      let where = ELEMENTS;
      try {
        where = new URL(ELEMENTS, script?.src || document.baseURI).href;
      } catch {
        /* a blob: script has no folder; say what was asked for */
      }
      const error = `could not load its elements from ${where} (${e instanceof Error ? e.message : String(e)}). Serve cxdesk-elements.js beside cxdesk.min.js.`;
      console.error(`cxdesk: ${error}`);
      for (const r of requests.splice(0)) r.settle({ ...emptyResult(error), ready: r.result.ready });
      loading = undefined; // a later defineElements() asks again (a browser may keep the failure)
    },
  );
}

/** Loads the element code once one of the requested tags is in the document. */
function watch(): void {
  const selector = requests.flatMap((r) => Object.values(tagsFor(r.prefix))).join(',');
  if (!selector) return;
  if (document.querySelector(selector)) return loadElements();
  observer?.disconnect();
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.matches(selector) || node.querySelector(selector))) return loadElements();
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Registers every cxdesk element under `prefix` (default `cx`). In the script-tag build the element
 * code loads from beside the script when the page first uses one of the tags (or at once with
 * `eager: true`); until then the tags are listed in `pending`, and `ready` settles when they are
 * registered. Safe to call again; never throws.
 */
function defineElements(options: DefineOptions = {}): DefineResult {
  if (loaded) return loaded.defineElements(options ?? {});
  const prefix = checkPrefix(options ?? undefined);
  if (!prefix || typeof customElements === 'undefined') return emptyResult();
  const eager = !!options?.eager;
  const existing = requests.find((r) => r.prefix === prefix);
  if (existing) {
    if (eager) loadElements();
    return existing.result;
  }
  let settle!: (result: DefineResult) => void;
  const ready = new Promise<DefineResult>((resolve) => (settle = resolve));
  const tags = Object.values(tagsFor(prefix));
  const earlier = tags.map((t) => pendingTags.get(t)).filter((p) => p !== undefined);
  for (const t of tags) if (!pendingTags.has(t)) pendingTags.set(t, ready);
  void ready.then(() => {
    for (const t of tags) if (pendingTags.get(t) === ready) pendingTags.delete(t);
  });
  const result: DefineResult = { defined: [], skipped: [], pending: tags, ready };
  requests.push({ prefix, result, settle, after: Promise.all(earlier) });
  if (eager || loading) loadElements(); // a load under way settles this request too
  else watch();
  return result;
}

const api = { ...core, defineElements };

declare global {
  interface Window {
    CxDesk?: typeof api;
  }
}

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const data = script?.dataset ?? {};
if (!window.CxDesk) window.CxDesk = api;

const settings: core.CxConfig = {};
if (data['baseUrl']) {
  try {
    const credentials = data['credentials'] as RequestCredentials | undefined;
    if (credentials && !['include', 'same-origin', 'omit'].includes(credentials)) {
      console.warn(`cxdesk: data-credentials="${credentials}" is not include, same-origin or omit; using same-origin.`);
    }
    settings.adapter = core.createRestAdapter({
      baseUrl: data['baseUrl'],
      credentials: credentials && ['include', 'same-origin', 'omit'].includes(credentials) ? credentials : 'same-origin',
    });
  } catch (e) {
    console.error(`cxdesk: data-base-url is not usable: ${(e as Error).message}`);
  }
}
if (data['namespace']) settings.cacheOptions = { namespace: data['namespace'] };
if (data['locale']) settings.locale = data['locale'];
if (data['theme']) settings.theme = data['theme'] as core.CxTheme;
if (data['density']) settings.density = data['density'] as core.CxDensity;
if (Object.keys(settings).length) core.configure(settings);

defineElements({ prefix: data['prefix'] || 'cx', eager: 'eager' in data && data['eager'] !== 'false' });
