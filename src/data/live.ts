/**
 * Live updates, one subscription per adapter and customer however many elements listen: events are
 * validated, customer and next-action events replace what the store holds (so every element showing
 * them updates), and interaction events go to the listeners (the history).
 *
 * A page that goes into the back/forward cache keeps its connections open, and a browser allows only
 * six per host over HTTP/1.1: an agent moving between ticket pages would starve the backend of
 * connections after a few pages. So every subscription stops on `pagehide` and starts again when the
 * page is shown from that cache; what changed meanwhile is fetched again (the customer's records
 * are marked stale), since the new stream starts from now.
 */
import type { CxAdapter } from '../adapters/adapter.js';
import { checkLiveEvent } from '../model/schema.js';
import type { Interaction } from '../model/types.js';
import { customerKey, nextActionsKey } from './resources.js';
import type { CxStore } from './store.js';
import { redactCustomer, redactInteraction, redactKey, redactNextAction, type CxRedactOptions } from '../model/redact.js';

type Listener = (item: Interaction) => void;

interface Hub {
  customerId: string;
  listeners: Set<Listener>;
  stores: Set<CxStore>;
  start: () => void;
  stop: () => void;
  /** Stopped by `pagehide`, to start again on `pageshow`. */
  suspended: boolean;
}

const hubs = new Map<string, Hub>();
const ids = new WeakMap<object, number>();
let nextId = 0;

/** Adapter objects are told apart by identity here (two adapters may share a cacheKey). */
function identity(adapter: CxAdapter): string {
  let id = ids.get(adapter);
  if (id === undefined) ids.set(adapter, (id = ++nextId));
  return `${id}`;
}

function stopHub(hub: Hub): void {
  const stop = hub.stop;
  hub.stop = () => undefined;
  try {
    stop();
  } catch {
    /* the adapter's own problem */
  }
}

const onPageHide = () => {
  for (const hub of hubs.values()) {
    stopHub(hub);
    hub.suspended = true;
  }
};
const onPageShow = () => {
  for (const hub of hubs.values()) {
    if (!hub.suspended) continue;
    hub.suspended = false;
    hub.start();
    for (const store of hub.stores) store.invalidate(hub.customerId);
  }
};
/** The page lifecycle is watched while there is a subscription, and only then. */
function watchPage(on: boolean): void {
  if (typeof window === 'undefined') return;
  const method = on ? 'addEventListener' : 'removeEventListener';
  window[method]('pagehide', onPageHide);
  window[method]('pageshow', onPageShow);
}

/**
 * Listens to live events for one customer. Returns the function that stops listening; the
 * subscription itself ends when its last listener goes.
 */
export function watchLive(adapter: CxAdapter, store: CxStore, customerId: string, onInteraction: Listener, redact?: CxRedactOptions): () => void {
  if (typeof adapter.subscribe !== 'function') return () => undefined;
  const key = `${identity(adapter)}|${customerId}|${redactKey(redact)}`;
  let hub = hubs.get(key);
  if (!hub) {
    const created: Hub = { customerId, listeners: new Set(), stores: new Set(), start: () => undefined, stop: () => undefined, suspended: false };
    created.start = () => {
      try {
        const stop = adapter.subscribe!(customerId, (raw) => {
          const r = checkLiveEvent(raw);
          if (!r.ok) {
            console.warn('cxdesk: an invalid live event was ignored:', r.issues);
            return;
          }
          const event = r.value;
          if (event.type === 'interaction') {
            const item = redactInteraction(event.interaction, redact);
            for (const l of [...created.listeners]) l(item);
          } else if (event.type === 'customer') {
            const customer = redactCustomer(event.customer, redact);
            for (const s of created.stores) s.put(customerKey(adapter, customerId, redact), { data: customer, notices: r.notices, invalid: [] });
          } else {
            const actions = event.actions.map((a) => redactNextAction(a, redact));
            for (const s of created.stores) s.put(nextActionsKey(adapter, customerId, redact), { data: actions, notices: r.notices, invalid: [] });
          }
        });
        created.stop = typeof stop === 'function' ? stop : () => undefined;
      } catch (e) {
        console.warn('cxdesk: live updates could not start:', e);
      }
    };
    if (hubs.size === 0) watchPage(true);
    hubs.set(key, (hub = created));
    created.start();
  }
  const h = hub;
  h.listeners.add(onInteraction);
  h.stores.add(store);
  return () => {
    h.listeners.delete(onInteraction);
    if (h.listeners.size === 0 && hubs.get(key) === h) {
      hubs.delete(key);
      if (hubs.size === 0) watchPage(false);
      stopHub(h);
    }
  };
}

