import { describeError, describeGraphError } from './errorWords';

const answer = (...errors: Array<{ message: string; extensions?: Record<string, unknown> }>) =>
  Object.assign(new Error('raw'), { errors });

describe('errors in plain words', () => {
  it('says a receipt number reused with another basket, not the code', () => {
    const conflict = answer({
      message: 'Order x-1 on IN_STORE was already recorded with different content',
      extensions: { code: 'CONFLICT', reason: 'OrderConflict', serviceName: 'ledger' },
    });
    expect(describeError(conflict)).toBe(
      'This receipt number was already used for a different basket. Check the receipt number.',
    );
  });

  it('has words for every code the graph sends, none of which shows the code', () => {
    for (const code of [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'INSUFFICIENT_POINTS',
      'BAD_USER_INPUT',
      'SERVICE_UNAVAILABLE',
      'RATE_LIMITED',
      'INTERNAL_SERVER_ERROR',
      'SOMETHING_NEW',
    ]) {
      const words = describeGraphError({ message: 'server words', extensions: { code } });
      expect(words).not.toContain(code);
      expect(words).not.toContain('server words');
      expect(words).toMatch(/^[A-Z].+\.$/);
    }
  });

  it('names the fields of bad input in the page’s words, with their line', () => {
    const invalid = answer({
      message: 'Invalid input: quantity must not be less than 1',
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'lines.1.quantity' }, { path: 'lines.1.unitPrice' }, { path: 'externalOrderId' }],
      },
    });
    const fields = {
      'lines.#.quantity': 'quantity',
      'lines.#.unitPrice': 'unit price',
      externalOrderId: 'receipt number',
    };
    expect(describeError(invalid, { fields })).toBe(
      'Something entered is not valid. Check the quantity on line 2, the unit price on line 2 and the receipt number.',
    );
    expect(
      describeGraphError(
        { message: 'x', extensions: { code: 'BAD_USER_INPUT', argument: 'code' } },
        { fields: { code: 'voucher code' } },
      ),
    ).toBe('Something entered is not valid. Check the voucher code.');
  });

  it('says how many points there are when there are not enough', () => {
    expect(describeGraphError({ message: 'x', extensions: { code: 'INSUFFICIENT_POINTS', balance: 1 } })).toBe(
      'There are not enough points for this. The balance is 1 point.',
    );
  });

  it('lets a page say a code in its own words', () => {
    const notFound = answer({ message: 'x', extensions: { code: 'NOT_FOUND' } });
    expect(describeError(notFound, { codes: { NOT_FOUND: 'No such voucher.' } })).toBe('No such voucher.');
  });

  it('says an unreachable service, and keeps a page’s own sentence', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe(
      'The loyalty service cannot be reached. Check the connection and try again.',
    );
    expect(describeError(new Error('No member has the phone +44 1.'))).toBe('No member has the phone +44 1.');
  });
});
