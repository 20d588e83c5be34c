import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { LedgerError, LedgerErrorKind } from '../errors';
import { itemFailure, requireBatchSize, runGrouped } from './batch';

describe('batch items', () => {
  it('runs one group in input order, groups side by side, and keeps each failure to its item', async () => {
    const log: string[] = [];
    // a1 finishes only once b2 ran: the groups must run side by side.
    let b2Ran!: () => void;
    const b2 = new Promise<void>((resolve) => (b2Ran = resolve));
    const items = ['a1', 'b1', 'a2', 'bad', 'b2', 'a3'];
    const outcomes = await runGrouped(
      items,
      (item) => item[0]!,
      async (item) => {
        if (item === 'a1') await b2;
        if (item === 'b2') b2Ran();
        log.push(item);
        if (item === 'bad') throw new LedgerError(LedgerErrorKind.UnknownCustomer, 'No customer');
        return item.toUpperCase();
      },
      4,
    );
    expect(outcomes.map((o) => (o.ok ? o.value : o.error.code))).toEqual(['A1', 'B1', 'A2', 'NOT_FOUND', 'B2', 'A3']);
    expect(log.filter((item) => item.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(log.indexOf('b2')).toBeLessThan(log.indexOf('a1'));
  });

  it('codes errors as the single mutations do, naming the field when there is one', () => {
    expect(itemFailure(new LedgerError(LedgerErrorKind.InvalidInput, 'Name it', { argument: 'purchaseId' }))).toEqual({
      ok: false,
      error: { code: 'BAD_USER_INPUT', message: 'Name it', field: 'purchaseId' },
    });
    expect(itemFailure(new GraphQLError('Not your store', { extensions: { code: 'FORBIDDEN' } }))).toMatchObject({
      error: { code: 'FORBIDDEN', field: null },
    });
    expect(itemFailure(new Error('connection reset'))).toMatchObject({
      error: { code: 'INTERNAL_SERVER_ERROR', field: null },
    });
  });

  it('refuses a batch over the limit on its argument', () => {
    expect(() => requireBatchSize(100, 100)).not.toThrow();
    expect(() => requireBatchSize(101, 100)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'inputs' }) }),
    );
  });
});
