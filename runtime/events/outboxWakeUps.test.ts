import type { Database } from '../database/database';
import { eventNotice, eventsChannel, noticeTypes } from './outbox';
import { outboxWakeUps } from './outboxWakeUps';

describe("an outbox's notice", () => {
  it('names the last id and each type once', () => {
    const notice = eventNotice([
      { id: 7, type: 'BalanceUpdated' },
      { id: 8, type: 'PurchaseRecorded' },
      { id: 9, type: 'BalanceUpdated' },
    ]);
    expect(notice).toBe('9:BalanceUpdated,PurchaseRecorded');
    expect(noticeTypes(notice)).toEqual(['BalanceUpdated', 'PurchaseRecorded']);
  });

  it('names no type when it is empty (a reconnect) or an id alone (an older writer)', () => {
    expect(noticeTypes('')).toBeNull();
    expect(noticeTypes('12')).toBeNull();
  });

  it("wakes every follower of any type it names, and none of other types' followers", () => {
    const channel = eventsChannel('ledger');
    const notice = eventNotice([
      { id: 3, type: 'PurchaseRecorded' },
      { id: 4, type: 'BalanceUpdated' },
      { id: 5, type: 'TierChanged' },
    ]);
    const follower = (types: readonly string[] | null) => outboxWakeUps({} as Database, { ledger: types });
    expect(follower(['TierChanged']).accepts!(channel, notice)).toBe(true);
    expect(follower(['BalanceUpdated', 'PointsExpiring']).accepts!(channel, notice)).toBe(true);
    expect(follower(['PurchaseRecorded']).accepts!(channel, notice)).toBe(true);
    expect(follower(null).accepts!(channel, notice)).toBe(true);
    expect(follower(['PointsExpiring']).accepts!(channel, notice)).toBe(false);
    expect(follower(['PointsExpiring']).accepts!(channel, '')).toBe(true);
  });
});
