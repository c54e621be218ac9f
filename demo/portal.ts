// The portal demo: a full-width page that lays the customer panel out itself inside <cx-desk>,
// looking customers up by email through the demo backend.
import '../src/define.js';
import { createRestAdapter } from '../src/index.js';
import type { CxDeskElement } from '../src/index.js';

const desk = document.querySelector<CxDeskElement>('#desk')!;
desk.adapter = createRestAdapter({ baseUrl: '/api/cx/' });

const form = document.querySelector<HTMLFormElement>('#lookup')!;
form.addEventListener('submit', (e) => {
  e.preventDefault();
  desk.customerEmail = String(new FormData(form).get('q') ?? '').trim();
});
