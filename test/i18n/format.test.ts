import { expect } from '@open-wc/testing';
import '../helpers.js'; // fails the file on any unhandled rejection
import { formatter, resolveLocale } from '../../src/i18n/format.js';
import { translate, checkStrings } from '../../src/i18n/strings.js';

describe('formatting', () => {
  it('formats money by locale', () => {
    expect(formatter('en-US').money({ amount: 1234.5, currency: 'USD' })).to.equal('$1,234.50');
    expect(formatter('de-DE').money({ amount: 1234.5, currency: 'EUR' }).replace(/\s/g, ' ')).to.equal('1.234,50 €');
  });

  it('formats dates and relative times by locale', () => {
    expect(formatter('en-US').date('2026-03-01', 'UTC')).to.equal('Mar 1, 2026');
    expect(formatter('de-DE').date('2026-03-01T10:00:00Z', 'UTC')).to.equal('01.03.2026');
    const now = Date.parse('2026-11-20T15:00:00Z');
    expect(formatter('en-US').relative('2026-11-17T15:00:00Z', now)).to.equal('3 days ago');
    expect(formatter('de-DE').relative('2026-11-17T15:00:00Z', now)).to.equal('vor 3 Tagen');
  });

  it('never prints Invalid Date or NaN', () => {
    const f = formatter('en-US');
    expect(f.date('not a date')).to.equal('');
    expect(f.relative(undefined)).to.equal('');
    expect(f.number(NaN)).to.equal('');
    expect(f.money({ amount: 5, currency: 'ZZZ1' })).to.equal('5.00 ZZZ1');
  });

  it('falls back from an invalid locale', () => {
    expect(resolveLocale('en_US!!')).to.be.a('string').and.not.equal('en_US!!');
    expect(resolveLocale('de-de')).to.equal('de-DE');
  });
});

describe('strings', () => {
  it('fills placeholders and picks plural forms', () => {
    expect(translate({}, 'droppedDetails', { count: 1 })).to.equal('1 detail could not be shown');
    expect(translate({}, 'droppedDetails', { count: 3 })).to.equal('3 details could not be shown');
    expect(translate({ noCustomerFound: 'Kein Kunde für {query}.' }, 'noCustomerFound', { query: 'a@b.c' }, 'de')).to.equal('Kein Kunde für a@b.c.');
  });

  it('names overrides that are not usable', () => {
    const { strings, problems } = checkStrings({ retry: 'Nochmal', nope: 'x', loading: 5 });
    expect(strings).to.deep.equal({ retry: 'Nochmal' });
    expect(problems).to.deep.equal(['strings.nope is not a known key', 'strings.loading must be text or { one, other } plural text']);
  });
});
