import { expect } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import { Validator } from '@cfworker/json-schema';
import { checkCustomer, checkInteractionPage, checkNextActions, checkLiveEvent } from '../../src/model/schema.js';
import { Scope } from './backend.js';

type Response = { $ref?: string; content?: Record<string, { schema: unknown }> };
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  components: { schemas: Record<string, unknown>; responses?: Record<string, Response> };
};

let doc: Doc;

/** A validator for a schema of the document (its $refs resolve inside the document). */
function validatorFor(schema: unknown): Validator {
  return new Validator({ ...(schema as object), components: doc.components } as never, '2020-12', false);
}

function responseSchema(path: string, method: string, status: string): unknown {
  let response = doc.paths[path]?.[method]?.responses[status];
  if (response?.$ref) response = doc.components.responses?.[response.$ref.split('/').pop()!];
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`openapi.json has no ${status} JSON schema for ${method.toUpperCase()} ${path}`);
  return schema;
}

function conforms(schema: unknown, value: unknown, what: string): void {
  const result = validatorFor(schema).validate(value);
  expect(result.valid, `${what}: ${JSON.stringify(result.errors.slice(0, 3))}`).to.equal(true);
}

describe('the REST contract (openapi.json) and the demo backend', () => {
  before(async () => {
    doc = (await (await fetch('/dist/openapi.json')).json()) as Doc;
  });

  it('ships as OpenAPI 3.1 with the contract endpoints', () => {
    expect(doc.openapi).to.match(/^3\.1\./);
    expect(Object.keys(doc.paths).sort()).to.deep.equal([
      '/customers',
      '/customers/{customerId}',
      '/customers/{customerId}/events',
      '/customers/{customerId}/interactions',
      '/customers/{customerId}/next-actions',
      '/customers/{customerId}/next-actions/{actionId}/feedback',
    ]);
  });

  it('rejects what the contract rejects (the check can fail)', () => {
    const schema = responseSchema('/customers/{customerId}', 'get', '200');
    expect(validatorFor(schema).validate({ id: 'c-1' }).valid).to.equal(false);
    expect(validatorFor(schema).validate({ id: 'c-1', name: 'X', health: { nps: 150 } }).valid).to.equal(false);
  });

  it('every customer, page, lookup and next-action answer of the backend conforms, and passes the SDK validation', async () => {
    const scope = new Scope();
    const get = async (path: string) => {
      const r = await fetch(scope.baseUrl + path);
      expect(r.ok, path).to.equal(true);
      return r.json();
    };
    for (let n = 1001; n <= 1012; n++) {
      const id = `c-${n}`;
      const customer = await get(`customers/${id}`);
      conforms(responseSchema('/customers/{customerId}', 'get', '200'), customer, id);
      expect(checkCustomer(customer)).to.include({ ok: true });
      const page = await get(`customers/${id}/interactions?limit=50`);
      conforms(responseSchema('/customers/{customerId}/interactions', 'get', '200'), page, `${id} interactions`);
      const checked = checkInteractionPage(page);
      expect(checked.ok && checked.invalid.length === 0 && checked.notices.length === 0, `${id} interactions`).to.equal(true);
      const actions = await get(`customers/${id}/next-actions`);
      conforms(responseSchema('/customers/{customerId}/next-actions', 'get', '200'), actions, `${id} next actions`);
      const a = checkNextActions(actions.items);
      expect('items' in a && a.invalid.length === 0, `${id} next actions`).to.equal(true);
    }
    conforms(responseSchema('/customers', 'get', '200'), await get('customers?email=ada@example.com'), 'lookup');
    conforms(
      responseSchema('/customers/{customerId}/interactions', 'get', '200'),
      await get('customers/c-1002/interactions?limit=200&channel=email,phone&q=order'),
      'filtered page of the big account',
    );
  });

  it('errors conform to the Error schema', async () => {
    const scope = new Scope();
    const r = await fetch(`${scope.baseUrl}customers/nobody`);
    expect(r.status).to.equal(404);
    conforms(responseSchema('/customers/{customerId}', 'get', '404'), await r.json(), '404');
  });

  it('live events conform to LiveEvent', async () => {
    const scope = new Scope();
    const event = { type: 'interaction', interaction: { id: 'live-1', channel: 'chat', occurredAt: '2026-11-20T10:00:00Z' } };
    await scope.push('c-1001', event);
    const controller = new AbortController();
    const r = await fetch(`${scope.baseUrl}customers/c-1001/events`, { headers: { 'Last-Event-ID': '0' }, signal: controller.signal });
    const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    controller.abort();
    const data = JSON.parse(/^data: (.*)$/m.exec(text)![1]!);
    conforms({ $ref: '#/components/schemas/LiveEvent' }, data, 'live event');
    expect(checkLiveEvent(data).ok).to.equal(true);
  });
});
