/**
 * 200 customer switches and 200 mount/unmount cycles must leave nothing behind: no listeners on the
 * window or document, no subscriptions, no timers, no BroadcastChannels, no requests in flight.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { configure } from '../src/config.js';
import { createMemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import type { CxAdapter } from '../src/adapters/adapter.js';
import { data } from './data.js';
import { deepText, isolatedCacheOptions, sleep } from './helpers.js';

const counts = { listeners: 0, intervals: 0, timeouts: 0, channels: 0, subscriptions: 0, inFlight: 0 };
const live = new Map<string, number>();

// count what is added and removed on window and document
for (const target of [window, document]) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const name = target === window ? 'window' : 'document';
  target.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, opts?: AddEventListenerOptions | boolean) => {
    if (typeof opts === 'object' && opts?.once) return add(type, fn, opts);
    const key = `${name}:${type}`;
    live.set(key, (live.get(key) ?? 0) + 1);
    return add(type, fn, opts);
  }) as typeof target.addEventListener;
  target.removeEventListener = ((type: string, fn: EventListenerOrEventListenerObject, opts?: EventListenerOptions | boolean) => {
    const key = `${name}:${type}`;
    live.set(key, (live.get(key) ?? 0) - 1);
    return remove(type, fn, opts);
  }) as typeof target.removeEventListener;
}
const activeTimeouts = new Set<number>();
const activeIntervals = new Set<number>();
const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id: number = st(() => {
    activeTimeouts.delete(id);
    if (typeof fn === 'function') (fn as (...a: unknown[]) => void)(...args);
  }, ms);
  activeTimeouts.add(id);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) activeTimeouts.delete(id);
  ct(id);
}) as typeof window.clearTimeout;
window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = si(fn, ms, ...args);
  activeIntervals.add(id);
  return id;
}) as typeof window.setInterval;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) activeIntervals.delete(id);
  ci(id);
}) as typeof window.clearInterval;
const NativeChannel = window.BroadcastChannel;
window.BroadcastChannel = class extends NativeChannel {
  #open = true;
  constructor(name: string) {
    super(name);
    counts.channels++;
  }
  override close() {
    if (this.#open) counts.channels--;
    this.#open = false;
    super.close();
  }
};

function snapshot() {
  let listeners = 0;
  for (const n of live.values()) listeners += n;
  return {
    listeners,
    intervals: activeIntervals.size,
    // timers still waiting more than a moment from now are left behind
    timeouts: activeTimeouts.size,
    channels: counts.channels,
    subscriptions: counts.subscriptions,
    inFlight: counts.inFlight,
  };
}

/** A memory adapter that counts live subscriptions and requests in flight. */
function countingAdapter(): CxAdapter {
  const memory = createMemoryAdapter({ ...data, latencyMs: 5 });
  const track = <T>(p: Promise<T>) => {
    counts.inFlight++;
    return p.finally(() => counts.inFlight--);
  };
  return {
    ...memory,
    cacheKey: memory.cacheKey,
    getCustomer: (id, o) => track(memory.getCustomer(id, o)),
    listInteractions: (id, q) => track(memory.listInteractions(id, q)),
    getNextActions: (id, o) => track(memory.getNextActions(id, o)),
    subscribe(id, onEvent) {
      counts.subscriptions++;
      const stop = memory.subscribe(id, onEvent);
      return () => {
        counts.subscriptions--;
        stop();
      };
    },
  };
}

describe('lifecycle', () => {
  after(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('leaves nothing behind after 200 customer switches and 200 mount/unmount cycles', async function () {
    this.timeout(120_000);
    configure({ adapter: countingAdapter(), cacheOptions: isolatedCacheOptions({ staleTime: 0 }) });
    const ids = data.customers.map((c) => c.id);
    const mount = () => {
      const desk = document.createElement('cx-desk');
      desk.customerId = ids[0]!;
      document.body.append(desk);
      return desk;
    };
    // warm up: the store, its listeners and its channel exist once per namespace
    const warm = mount();
    await waitUntil(() => deepText(warm).includes(data.customers[0]!.name), 'warm-up did not load', { timeout: 5000 });
    warm.remove();
    await sleep(300);
    const before = snapshot();

    const desk = mount();
    for (let i = 0; i < 200; i++) {
      desk.customerId = ids[i % ids.length]!;
      await desk.updateComplete;
      if (i % 20 === 0) await sleep(20); // some loads finish, some are aborted
    }
    await waitUntil(() => deepText(desk).includes(data.customers[199 % ids.length]!.name), 'the last customer did not load', { timeout: 5000 });
    desk.remove();

    for (let i = 0; i < 200; i++) {
      const d = mount();
      d.customerId = ids[i % ids.length]!;
      await d.updateComplete;
      if (i % 10 === 0) await sleep(15);
      d.remove();
    }
    await sleep(800);
    const after = snapshot();
    // the test framework keeps a timer or two of its own: ours must not add any
    expect(after.timeouts, 'timers').to.be.at.most(before.timeouts);
    expect({ ...after, timeouts: 0 }).to.deep.equal({ ...before, timeouts: 0 });
    console.log(`lifecycle: after 200 switches and 200 cycles: ${JSON.stringify(after)} (before: ${JSON.stringify(before)})`);
  });
});
