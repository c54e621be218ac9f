import { expect } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import {
  AuthError,
  CxError,
  NotFoundError,
  isAuthError,
  isCxError,
  isNetworkError,
  isNotFoundError,
  isTimeoutError,
  isAdapterError,
  isInvalidDataError,
  toCxError,
} from '../../src/model/errors.js';

const withProps = (props: Record<string, unknown>) => Object.assign(new Error('boom'), props);

describe('errors', () => {
  it('classifies a plain Error by its HTTP status', () => {
    expect(toCxError(withProps({ status: 401 })).code).to.equal('auth');
    expect(toCxError(withProps({ status: 401 })).status).to.equal(401);
    expect(toCxError(withProps({ status: 403 })).status).to.equal(403);
    expect(isNotFoundError(toCxError(withProps({ status: 404 })))).to.equal(true);
    expect(isTimeoutError(toCxError(withProps({ status: 408 })))).to.equal(true);
    expect(isAdapterError(toCxError(withProps({ status: 500 })))).to.equal(true);
    expect(isAdapterError(toCxError(withProps({ status: 429 })))).to.equal(true);
    expect(toCxError(withProps({ response: { status: 404 } })).code).to.equal('not-found');
  });

  it('classifies a plain Error by its code', () => {
    expect(isNetworkError(toCxError(withProps({ code: 'ECONNREFUSED' })))).to.equal(true);
    expect(isTimeoutError(toCxError(withProps({ code: 'ETIMEDOUT' })))).to.equal(true);
    expect(isAuthError(toCxError(withProps({ code: 'PERMISSION_DENIED' })))).to.equal(true);
    expect(isNotFoundError(toCxError(withProps({ code: 'not-found' })))).to.equal(true);
  });

  it('classifies fetch failures, JSON errors and anything else', () => {
    expect(isNetworkError(toCxError(new TypeError('Failed to fetch')))).to.equal(true);
    expect(isInvalidDataError(toCxError(new SyntaxError('Unexpected token < in JSON')))).to.equal(true);
    const other = toCxError('something odd', 'customer');
    expect(isAdapterError(other)).to.equal(true);
    expect(other.source).to.equal('customer');
    expect(other.cause).to.equal('something odd');
  });

  it('keeps cxdesk errors as they are and fills in the source', () => {
    const e = new NotFoundError('gone');
    expect(toCxError(e, 'interactions')).to.equal(e);
    expect(e.source).to.equal('interactions');
  });

  it('recognises errors of another copy of cxdesk by code, not instanceof', () => {
    const foreign = { name: 'AuthError', code: 'auth', message: 'x', [Symbol.for('cxdesk.error')]: true };
    expect(isCxError(foreign)).to.equal(true);
    expect(isAuthError(foreign)).to.equal(true);
    expect(isAuthError({ code: 'auth' })).to.equal(false);
    expect(new AuthError() instanceof CxError).to.equal(true);
  });
});
