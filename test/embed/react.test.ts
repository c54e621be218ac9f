import { expect, waitUntil } from '@open-wc/testing';
// React, react-dom and the built cxdesk/react, bundled as one ES module before the tests start
type Bundle = typeof import('../../src/react.js') & {
  React: typeof import('react');
  createRoot: typeof import('react-dom/client').createRoot;
};
const bundleUrl = '../../.cache/react-bundle.js';
const { React, createRoot, CxDesk, CxNextActions } = (await import(/* computed, so the bundle is not type-checked */ bundleUrl)) as Bundle;
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxActionAcceptEvent } from '../../src/events/events.js';
import { deepText, isolatedCacheOptions } from '../helpers.js';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('cxdesk/react', () => {
  it('mounts the desk with an adapter object as a property and hands cx-action-accept to onActionAccept', async () => {
    const adapter = createMemoryAdapter({
      customers: [{ id: 'c-1', name: 'React Customer' }],
      nextActions: { 'c-1': [{ id: 'a-1', title: 'Call them back', payload: { workflow: 'callback' } }] },
    });
    const accepted: CxActionAcceptEvent[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    try {
      await React.act(async () => {
        root.render(
          React.createElement(
            CxDesk,
            { customerId: 'c-1', adapter, cacheOptions: isolatedCacheOptions(), onActionAccept: (e: CxActionAcceptEvent) => accepted.push(e) },
            React.createElement(CxNextActions, { max: 3 }),
          ),
        );
      });
      const desk = host.querySelector('cx-desk') as HTMLElement & { adapter?: unknown };
      expect(desk.adapter).to.equal(adapter); // a property, not an attribute
      const actions = desk.querySelector('cx-next-actions') as HTMLElement & { max?: number };
      expect(actions.max).to.equal(3);
      await waitUntil(() => actions.shadowRoot?.querySelector('[part~=accept]'), 'the suggestion did not render', { timeout: 5000 });
      expect(deepText(actions)).to.contain('Call them back');
      actions.shadowRoot!.querySelector<HTMLButtonElement>('[part~=accept]')!.click();
      await waitUntil(() => accepted.length === 1);
      expect(accepted[0]!.detail.action.payload).to.deep.equal({ workflow: 'callback' });
    } finally {
      await React.act(async () => root.unmount());
      host.remove();
    }
  });
});
