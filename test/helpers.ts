/**
 * Shared test helpers. Importing this module also makes the test file fail on any unhandled promise
 * rejection: cxdesk must never leave one behind, whatever fails.
 */
const unhandled: string[] = [];
window.addEventListener('unhandledrejection', (e) => unhandled.push(String((e as PromiseRejectionEvent).reason)));
after('no unhandled promise rejections', () => {
  if (unhandled.length) throw new Error(`unhandled promise rejections: ${unhandled.join('; ')}`);
});

import type { CxAdapter } from '../src/adapters/adapter.js';
import type { Customer, NextAction } from '../src/model/types.js';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (r: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface Call {
  customerId: string;
  signal: AbortSignal;
  answer: Deferred<unknown>;
  /** Set when the signal fired. */
  aborted: boolean;
}

let adapters = 0;
let namespaces = 0;

/** Gives the global configuration a cache namespace of its own, so tests never share records. */
export function isolatedCacheOptions(extra: Record<string, unknown> = {}) {
  return { namespace: `test-${Date.now().toString(36)}-${++namespaces}`, ...extra };
}

/**
 * An adapter whose `getCustomer` answers only when the test says so, recording every call and
 * whether its signal was aborted. `honourAbort: false` simulates an adapter that ignores the signal.
 */
export function controllableAdapter(options: { honourAbort?: boolean } = {}) {
  const calls: Call[] = [];
  const adapter: CxAdapter & { calls: Call[] } = {
    calls,
    cacheKey: `controllable-${++adapters}`,
    getCustomer(customerId, { signal }) {
      const answer = deferred<unknown>();
      const call: Call = { customerId, signal, answer, aborted: false };
      signal.addEventListener('abort', () => {
        call.aborted = true;
        if (options.honourAbort !== false) answer.reject(signal.reason);
      });
      calls.push(call);
      return answer.promise as Promise<Customer>;
    },
    listInteractions: async () => ({ items: [] }),
    getNextActions: async (): Promise<NextAction[]> => [],
  };
  return adapter;
}

/** Resolves after the given number of milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** All text inside an element, its shadow root and nested shadow roots. */
export function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    // nodeType checks, not instanceof: nodes may come from another realm (an iframe)
    const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : undefined;
    if (el?.shadowRoot) walk(el.shadowRoot);
    if (el?.localName === 'slot') for (const a of (el as HTMLSlotElement).assignedNodes({ flatten: true })) walk(a);
    else for (const c of n.childNodes) walk(c);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim();
}

/** Every element inside `root`, through shadow roots. */
export function deepElements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (const c of n.childNodes) {
      if (c.nodeType === Node.ELEMENT_NODE) {
        out.push(c as Element);
        if ((c as Element).shadowRoot) walk((c as Element).shadowRoot!);
      }
      walk(c);
    }
  };
  if (root.nodeType === Node.ELEMENT_NODE && (root as Element).shadowRoot) walk((root as Element).shadowRoot!);
  walk(root);
  return out;
}

/** Loads a page in an iframe of its own (its own realm, registry and document) and waits for it. */
export async function loadFrame(src: string, size: { width?: string; height?: string } = {}): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  if (size.width) iframe.style.width = size.width;
  if (size.height) iframe.style.height = size.height;
  const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
  iframe.src = src;
  document.body.append(iframe);
  await loaded;
  return iframe;
}
