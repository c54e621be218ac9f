// The portal demo: a full-width page that lays the customer panel out itself inside <cx-desk>,
// looking customers up by email, on two systems composed into one view: the CRM (the demo backend
// over REST) and a billing system (here in memory) that knows the customer by its own id.
import '../src/define.js';
import { composeAdapters, createMemoryAdapter, createRestAdapter } from '../src/index.js';
import type { CxDeskElement } from '../src/index.js';

const billing = createMemoryAdapter({
  customers: [
    {
      id: 'B-9001',
      name: 'Ada Quinn',
      attributes: [
        { label: 'Billing account', value: 'B-9001' },
        { label: 'Payment method', value: 'Visa ending 4242' },
      ],
      tags: ['autopay'],
    },
  ],
  interactions: {
    'B-9001': [{ id: 'bill-1', channel: 'email', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), subject: 'Your November invoice', direction: 'outbound' }],
  },
});

const desk = document.querySelector<CxDeskElement>('#desk')!;
desk.adapter = composeAdapters([
  { name: 'crm', adapter: createRestAdapter({ baseUrl: '/api/cx/' }) },
  { name: 'billing', adapter: billing, resolveId: (id) => (id === 'c-1001' ? 'B-9001' : `unknown:${id}`) },
]);

const form = document.querySelector<HTMLFormElement>('#lookup')!;
form.addEventListener('submit', (e) => {
  e.preventDefault();
  desk.customerEmail = String(new FormData(form).get('q') ?? '').trim();
});
