// In-page helpers of the benchmarks (test/bench/run.mjs drives them through puppeteer-core).
(() => {
  const part = (el, selector) => el?.shadowRoot?.querySelector(selector) ?? null;
  const isReady = {
    panel: (el) => !!part(el, '[part="name"]')?.textContent?.trim(),
    history: (el) => !!(part(el, 'article') || part(el, '[data-kind="empty"]')),
    actions: (el) => !!(part(el, 'li[part="action"]') || part(el, '[data-kind="empty"]')),
  };
  const kindOf = (el) =>
    el.localName.endsWith('-customer-panel') ? 'panel' : el.localName.endsWith('-interaction-history') ? 'history' : el.localName.endsWith('-next-actions') ? 'actions' : 'desk';
  const deskParts = (desk) => {
    const r = desk.shadowRoot;
    return r ? [...r.querySelectorAll('*')].filter((e) => e.localName.includes('-') && kindOf(e) !== 'desk') : [];
  };
  /** Every element (desks stand for their three parts) shows its data or its empty state. */
  const allReady = (elements) =>
    elements.every((el) => {
      if (kindOf(el) !== 'desk') return isReady[kindOf(el)](el);
      const parts = deskParts(el);
      return parts.length >= 3 && parts.every((p) => isReady[kindOf(p)](p));
    });

  /**
   * Resolves with performance.now() once `check()` holds and layout is done. Checked after every
   * cx-load (once that element has rendered) and on every frame.
   */
  function when(check, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (value, error) => {
        done = true;
        document.removeEventListener('cx-load', onLoad);
        clearTimeout(timer);
        error ? reject(error) : resolve(value);
      };
      const attempt = () => {
        if (done || !check()) return;
        void document.documentElement.offsetHeight; // flush style and layout, shadow trees included
        finish(performance.now());
      };
      const onLoad = (e) => Promise.resolve(e.composedPath()[0]?.updateComplete).then(attempt);
      const frame = () => {
        attempt();
        if (!done) requestAnimationFrame(frame);
      };
      const timer = setTimeout(() => finish(undefined, new Error(`not ready within ${timeoutMs} ms`)), timeoutMs);
      document.addEventListener('cx-load', onLoad);
      frame();
    });
  }

  const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

  /** Interactions for the scale benchmark: plain, valid, newest first, one every 7 minutes. */
  function makeItems(n) {
    const channels = ['email', 'phone', 'chat', 'sms', 'social', 'web', 'in_person'];
    const start = Date.UTC(2026, 10, 20, 12);
    const items = new Array(n);
    for (let i = 0; i < n; i++) {
      items[i] = {
        id: `i-${i}`,
        channel: channels[i % 7],
        direction: i % 2 ? 'inbound' : 'outbound',
        occurredAt: new Date(start - i * 7 * 60_000).toISOString(),
        subject: `Interaction ${i}`,
        summary: `Customer asked about order ${100000 + i}; the agent answered and closed the case.`,
      };
    }
    return items;
  }

  if (window.customElements) customElements.whenDefined('cx-desk').then(() => (window.__defined = performance.now()));

  window.bench = {
    isReady,
    allReady,
    when,
    nextFrame,
    makeItems,

    /** B2: script tag to desk painted with customer, first history page and actions. */
    async deskPainted() {
      const desk = document.querySelector('cx-desk');
      const t = await when(() => allReady([desk])).catch((e) => {
        const state = deskParts(desk).map((p) => `${p.localName}: ${isReady[kindOf(p)](p) ? 'ready' : (p.shadowRoot?.textContent ?? '(no shadow root)').replace(/\s+/g, ' ').slice(0, 160)}`);
        throw new Error(`${e.message}; ${state.join(' | ') || 'the desk has no parts'}`);
      });
      const res = (file) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(file));
      const el = res('/dist/cxdesk-elements.js');
      return {
        ms: t - window.__t0,
        sinceNavigation: t,
        scriptStart: window.__t0,
        elementsFetch: el ? [Math.round(el.startTime - window.__t0), Math.round(el.responseEnd - window.__t0), el.transferSize] : null,
        defined: window.__defined ? Math.round(window.__defined - window.__t0) : null,
      };
    },

    /** B2: another customer in the running desk: ms from the switch to all three parts painted. */
    async timedSwitch(customerId) {
      const t0 = performance.now();
      await window.bench.switchTo(customerId);
      return performance.now() - t0;
    },

    /** B4: mounts `count` standalone elements for one customer (panel, history, actions in turn). */
    async mount(count, customerId) {
      const tags = ['cx-customer-panel', 'cx-interaction-history', 'cx-next-actions'];
      const main = document.querySelector('main');
      const els = [];
      for (let i = 0; i < count; i++) {
        const el = document.createElement(tags[i % 3]);
        el.setAttribute('customer-id', customerId);
        main.append(el);
        els.push(el);
      }
      await when(() => allReady(els));
      return els.length;
    },
    unmountAll() {
      document.querySelector('main').replaceChildren();
    },

    /** B5: shows another customer in the desk and waits until all three parts show that customer. */
    async switchTo(customerId) {
      const desk = document.querySelector('cx-desk');
      const seen = new Set();
      const onLoad = (e) => {
        if (e.detail?.customerId === customerId) seen.add(e.detail.source);
      };
      document.addEventListener('cx-load', onLoad);
      try {
        desk.setAttribute('customer-id', customerId);
        await when(() => seen.size >= 3 && allReady([desk]), 10000).catch((e) => {
          throw new Error(`${e.message}: ${customerId} loaded ${[...seen].join(', ') || 'nothing'}`);
        });
      } finally {
        document.removeEventListener('cx-load', onLoad);
      }
    },

    /**
     * B3: one history of `n` interactions, answered at once by an in-page adapter (one page; the
     * persistent cache is off so only the element is measured). First the answer is validated and
     * shown (firstRowsAnswerMs: from the adapter's answer to rows on screen); then a second element
     * shows the same list from memory (firstRowsMs: from mounting to rows on screen), rendered
     * virtualized or — `virtual: false` — every row, and scrolled from top to bottom.
     */
    async history(n, { virtual = true, scrollFrames = 240 } = {}) {
      const items = window.__items?.length === n ? window.__items : (window.__items = makeItems(n));
      let answeredAt = 0;
      const adapter = {
        cacheKey: `bench-history-${n}-${Math.random()}`,
        async getCustomer(id) {
          return { id, name: 'Bench Customer' };
        },
        async listInteractions() {
          answeredAt = performance.now();
          return { items, nextCursor: null, total: n };
        },
        async getNextActions() {
          return [];
        },
      };
      CxDesk.configure({ adapter, cacheOptions: { enabled: false, namespace: `bench-${n}` } });
      await customElements.whenDefined('cx-interaction-history');
      const main = document.querySelector('main');
      const mount = (all) => {
        const el = document.createElement('cx-interaction-history');
        el.setAttribute('customer-id', 'c-bench');
        if (all) el.visibleRange = function () { return [0, this.rows.length]; };
        main.replaceChildren(el);
        return el;
      };
      main.replaceChildren();
      await nextFrame();
      const first = mount(false);
      const answered = await when(() => isReady.history(first) && answeredAt > 0);
      const firstRowsAnswerMs = answered - answeredAt;
      main.replaceChildren();
      await nextFrame();
      await nextFrame();
      const t0 = performance.now();
      const el = mount(!virtual);
      const shown = await when(() => isReady.history(el));
      const result = { n, virtual, firstRowsMs: shown - t0, firstRowsAnswerMs, itemsInDom: el.shadowRoot.querySelectorAll('article').length };
      if (scrollFrames > 0) {
        const list = el.shadowRoot.querySelector('.list');
        const step = Math.max(1, (list.scrollHeight - list.clientHeight) / scrollFrames);
        const frames = [];
        let maxInDom = result.itemsInDom;
        let last = await nextFrame();
        for (let i = 0; i < scrollFrames; i++) {
          list.scrollTop = Math.min(list.scrollHeight, list.scrollTop + step);
          const now = await nextFrame();
          frames.push(now - last);
          last = now;
          maxInDom = Math.max(maxInDom, el.shadowRoot.querySelectorAll('article').length);
        }
        await nextFrame();
        result.frames = frames;
        result.maxItemsInDomWhileScrolling = maxInDom;
        result.reachedEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 2;
        result.lastRowShown = [...el.shadowRoot.querySelectorAll('article')].some((a) => a.textContent.includes(`Interaction ${n - 1}`));
      }
      main.replaceChildren();
      return result;
    },
  };
})();
