// The helpdesk demo: a host page with a ticket list, the ticket, and <cx-desk> in the sidebar,
// fed by the memory adapter with the deterministic demo data set.
import '../src/define.js';
import { createMemoryAdapter, createRestAdapter } from '../src/index.js';
import type { CxDeskElement, Customer, CxDensity, CxTheme, Interaction } from '../src/index.js';
import { generateDataset } from './data/seed.js';

// The same deterministic data set the demo backend serves (its first 12 customers).
const data = generateDataset({ customers: 12 });
const memory = createMemoryAdapter({ ...data, latencyMs: 300 });
const rest = createRestAdapter({ baseUrl: '/api/cx/' });

const desk = document.querySelector<CxDeskElement>('#desk')!;
desk.adapter = rest;

/** Switches of the demo backend (not part of the contract). */
function backendSettings(settings: Record<string, unknown>) {
  return fetch('/__control/default/settings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  }).catch(() => undefined);
}

interface Ticket {
  customer: Customer;
  subject: string;
  last?: Interaction;
  /** Some tickets only know the caller's email: the desk looks the customer up. */
  byEmail: boolean;
}

const tickets: Ticket[] = data.customers.map((customer, i) => {
  const last = data.interactions[customer.id]?.[0];
  return {
    customer,
    last,
    subject: last?.subject ?? last?.summary ?? customer.openCases?.[0]?.subject ?? 'New conversation',
    byEmail: i % 3 === 1 && !!customer.emails?.length,
  };
});

const list = document.querySelector('#tickets')!;
const conversation = document.querySelector('#conversation')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function open(t: Ticket, button: HTMLButtonElement) {
  for (const b of list.querySelectorAll('button')) b.setAttribute('aria-current', String(b === button));
  if (t.byEmail) {
    desk.customerId = undefined;
    desk.customerEmail = t.customer.emails![0];
  } else {
    desk.customerEmail = undefined;
    desk.customerId = t.customer.id;
  }
  const who = t.byEmail ? `${t.customer.emails![0]} (looked up by email)` : t.customer.name;
  const body = t.last?.body?.text ?? t.last?.summary ?? 'No message yet.';
  conversation.replaceChildren(
    el('h1', { textContent: t.subject }),
    el('p', { className: 'meta', textContent: `From ${who} · via ${t.last?.channel ?? 'web'}` }),
    el('div', { className: 'msg', textContent: body }),
  );
}

// ?ticket=N&theme=dark&density=compact&locale=de-DE&latency=0 pre-selects the demo's settings
const params = new URLSearchParams(location.search);
const first = Math.min(tickets.length - 1, Math.max(0, Number(params.get('ticket')) || 0));

tickets.forEach((t, i) => {
  const button = el(
    'button',
    { type: 'button' },
    el('span', { className: 'who', textContent: t.byEmail ? t.customer.emails![0]! : t.customer.name }),
    el('span', { className: 'what', textContent: t.subject }),
  );
  button.addEventListener('click', () => open(t, button));
  list.append(el('li', {}, button));
  if (i === first) open(t, button);
});

const form = document.querySelector<HTMLFormElement>('.settings')!;
for (const name of ['theme', 'density', 'locale', 'latency', 'adapter', 'backend']) {
  const value = params.get(name);
  const select = form.elements.namedItem(name) as HTMLSelectElement | null;
  if (value && select && [...select.options].some((o) => o.value === value)) select.value = value;
}
const apply = () => {
  const f = new FormData(form);
  desk.theme = f.get('theme') as CxTheme;
  desk.density = f.get('density') as CxDensity;
  const locale = String(f.get('locale'));
  desk.locale = locale;
  document.documentElement.dir = locale.startsWith('ar') ? 'rtl' : 'ltr';
  const latencyMs = Number(f.get('latency'));
  memory.latencyMs = latencyMs;
  desk.adapter = f.get('adapter') === 'memory' ? memory : rest;
  const backend = String(f.get('backend'));
  void backendSettings({
    latencyMs,
    errorRate: backend === 'flaky' ? 0.3 : 0,
    offline: backend === 'offline',
    requireAuth: backend === 'unauthorized' ? 'Bearer signed-in' : null,
  });
  const dark = desk.theme === 'dark' || (desk.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.body.classList.toggle('dark', dark);
};
form.addEventListener('change', apply);
apply();

// What the host does on accept: here it shows the workflow it would start, with the action's payload.
desk.addEventListener('cx-action-accept', (e) => {
  const { action } = e.detail;
  conversation.append(
    el('div', { className: 'msg host-action', textContent: `Host workflow started: “${action.title}”${action.payload ? `, payload ${JSON.stringify(action.payload)}` : ''}` }),
  );
});
desk.addEventListener('cx-error', (e) => console.warn('cx-error', e.detail.source, e.detail.error));
desk.addEventListener('cx-auth-required', () => console.info('cx-auth-required: a real host would refresh the session, then call desk.refresh()'));
