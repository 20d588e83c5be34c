import { refreshHistoryMutation } from '../campaigns/support';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { expectConsistentLedger, TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;

const defineBadgeMutation = `mutation($input: BadgeInput!) {
  defineBadge(input: $input) { key name pointsOnCompletion countsFrom retiredAt earnedBy
    rule { event count counting channels storeId period withinDays } }
}`;
const badgesQuery = `query($all: Boolean!) { badges(includeRetired: $all) { key earnedBy retiredAt } }`;
const myBadgesQuery = `{ me { id badges { badge { key } current target channels completed completedAt } } }`;
const historyQuery = `query($id: ID!) {
  customer(id: $id) { loyalty { balance history(first: 50) { edges { node { kind points reason sourceType } } } } }
}`;
const leaderboardQuery = `query($storeId: String!, $period: LeaderboardPeriod!, $at: DateTimeISO) {
  leaderboard(storeId: $storeId, period: $period, at: $at) { from to entries { rank displayName points } }
}`;
const joinMutation = `mutation($name: String) { joinLeaderboards(displayName: $name) { displayName } }`;
const purchaseMutation = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned } }`;

interface BadgeProgressView {
  badge: { key: string };
  current: number;
  target: number;
  channels: string[];
  completed: boolean;
  completedAt: string | null;
}
interface HistoryView {
  customer: {
    loyalty: { balance: number; history: { edges: Array<{ node: { kind: string; points: number; reason: string } }> } };
  };
}
interface LeaderboardView {
  leaderboard: { from: string; to: string; entries: Array<{ rank: number; displayName: string; points: number }> };
}

const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
const argumentOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.argument;

const twoChannels = {
  key: 'two-channels',
  name: 'Two channels',
  description: 'Buy in store and online.',
  rule: { count: 2, counting: 'CHANNELS' },
  pointsOnCompletion: 50,
};

// Tuesday 3 March 2026, 11:00 in Paris (UTC+1).
const start = new Date('2026-03-03T10:00:00Z');

describe('badges and leaderboards through the gateway', () => {
  const clock = new TestClock(start);
  let graph: TestGraph;
  let marketer: GraphClient;

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      program: { timeZone: 'Europe/Paris', currency: 'EUR' },
      historyIntervalMs: 0,
    });
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    await setEarnRate(graph, 'EUR', 1, 100);
    await marketer.data(defineBadgeMutation, { input: twoChannels });
  });
  afterAll(() => graph?.stop());

  const at = (iso: string) => clock.advanceDays((new Date(iso).getTime() - clock.now().getTime()) / 86_400_000);
  const refresh = () => graph.admin.data(refreshHistoryMutation);
  const buy = (customerId: string, changes: Vars = {}) =>
    graph.admin.data<{ recordPurchase: { pointsEarned: number } }, Vars>(purchaseMutation, {
      input: purchaseInput(customerId, changes),
    });
  const badgeOf = async (member: GraphClient, key: string) => {
    const { me } = await member.data<{ me: { badges: BadgeProgressView[] } }, Vars>(myBadgesQuery);
    return me.badges.find((progress) => progress.badge.key === key);
  };
  const badgeEntries = async (member: GraphClient, id: string) => {
    const { customer } = await member.data<HistoryView, Vars>(historyQuery, { id });
    return customer.loyalty.history.edges.map((edge) => edge.node).filter((node) => node.reason.startsWith('Badge'));
  };

  it('completes a badge from purchases on two channels and credits its points once, however often the history is read', async () => {
    const { id } = await enrollMember(graph, 'Ada', 'Lovelace');
    const member = await graph.as({ role: 'member', subject: id });

    await buy(id);
    await refresh();
    expect(await badgeOf(member, 'two-channels')).toEqual({
      badge: { key: 'two-channels' },
      current: 1,
      target: 2,
      channels: ['IN_STORE'],
      completed: false,
      completedAt: null,
    });

    clock.advanceDays(0.5);
    await buy(id, { channel: 'ONLINE', storeId: null });
    await refresh();
    expect(await badgeOf(member, 'two-channels')).toEqual({
      badge: { key: 'two-channels' },
      current: 2,
      target: 2,
      channels: ['IN_STORE', 'ONLINE'],
      completed: true,
      completedAt: clock.now().toISOString(),
    });
    const credited = [{ kind: 'BONUS', points: 50, reason: 'Badge earned: Two channels', sourceType: 'CAMPAIGN' }];
    expect(await badgeEntries(member, id)).toEqual(credited);

    // The whole ledger history read again, with the award left PENDING as after a crash between the
    // ledger's answer and its record: the ledger is asked again and credits nothing more.
    await graph.database.db.query(`update campaign.consumer_cursors set last_event_id = 0 where source = 'ledger'`);
    await graph.database.db.query(`update campaign.badge_awards set status = 'PENDING' where customer_id = $1`, [id]);
    await refresh();
    await refresh();
    expect(await badgeEntries(member, id)).toEqual(credited);
    const { rows: awards } = await graph.database.db.query(
      'select status from campaign.badge_awards where customer_id = $1',
      [id],
    );
    expect(awards).toEqual([{ status: 'CREDITED' }]);
    expect((await expectConsistentLedger(graph, id)).balance).toBe(25 + 25 + 50);

    const { rows: events } = await graph.database.db.query<{ payload: unknown }>(
      `select payload from campaign.events where type = 'BadgeEarned' and aggregate_id = $1`,
      [id],
    );
    expect(events.map((event) => event.payload)).toEqual([
      {
        customerId: id,
        badgeKey: 'two-channels',
        badgeName: 'Two channels',
        points: 50,
        purchaseId: expect.any(String),
        eventId: null,
        occurredAt: clock.now().toISOString(),
      },
    ]);
    const { badges } = await marketer.data<{ badges: Array<{ key: string; earnedBy: number }> }, Vars>(badgesQuery, {
      all: false,
    });
    expect(badges.find((badge) => badge.key === 'two-channels')?.earnedBy).toBe(1);
  });

  it("completes a badge for the survivor of a profile merge from both profiles' purchases", async () => {
    const [survivor, merged] = await Promise.all([enrollMember(graph, 'Sam'), enrollMember(graph, 'Sammy')]);
    await buy(merged.id);
    await buy(survivor.id, { channel: 'ONLINE', storeId: null });
    await refresh();
    await graph.admin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "one person") { mergedId } }`,
      { s: survivor.id, m: merged.id },
    );
    const member = await graph.as({ role: 'member', subject: survivor.id });
    const progress = await eventually(
      async () => {
        await refresh();
        return badgeOf(member, 'two-channels');
      },
      (view) => view?.completed === true,
      'the merge to reach the badge',
    );
    expect(progress?.channels.sort()).toEqual(['IN_STORE', 'ONLINE']);
    expect(await badgeEntries(member, survivor.id)).toHaveLength(1);
  });

  it('refuses bad badge definitions with the argument to fix, and changes to unknown or retired badges', async () => {
    const define = (input: Vars, client = marketer) => client.request(defineBadgeMutation, { input });
    const base = { key: 'five-visits', name: 'Regular', rule: { count: 5, channels: ['IN_STORE'], period: 'MONTH' } };
    const refused: Array<[Vars, string, string]> = [
      [{ ...base, rule: { ...base.rule, count: 0 } }, 'BAD_USER_INPUT', 'input.rule.count'],
      [{ ...base, rule: { ...base.rule, withinDays: 30 } }, 'BAD_USER_INPUT', 'input.rule.withinDays'],
      [{ ...base, rule: { ...base.rule, channels: ['in store'] } }, 'BAD_USER_INPUT', 'input.rule.channels'],
      [{ ...base, key: 'Five Visits' }, 'BAD_USER_INPUT', 'input.key'],
      [{ ...base, pointsOnCompletion: -5 }, 'BAD_USER_INPUT', 'input.pointsOnCompletion'],
      [{ ...twoChannels }, 'CONFLICT', 'input.key'],
    ];
    for (const [input, code, argument] of refused) {
      const result = await define(input);
      expect([codeOf(result), argumentOf(result)]).toEqual([code, argument]);
    }
    const member = await graph.as({ role: 'member', subject: (await enrollMember(graph)).id });
    expect(codeOf(await define(base, member))).toBe('FORBIDDEN');
    expect(codeOf(await define(base, graph.anonymous))).toBe('UNAUTHENTICATED');

    // Nothing of the refused ones was saved; a sound one is.
    expect((await define(base)).errors).toBeUndefined();
    const update = (key: string) =>
      marketer.request(
        `mutation($key: String!) { updateBadge(key: $key, input: { pointsOnCompletion: 10 }) { key } }`,
        {
          key,
        },
      );
    expect(codeOf(await update('no-such-badge'))).toBe('NOT_FOUND');
    await marketer.data(`mutation { retireBadge(key: "five-visits") { retiredAt } }`);
    expect(codeOf(await update('five-visits'))).toBe('CONFLICT');
    const live = await marketer.data<{ badges: Array<{ key: string }> }, Vars>(badgesQuery, { all: false });
    const all = await marketer.data<{ badges: Array<{ key: string }> }, Vars>(badgesQuery, { all: true });
    expect(live.badges.map((badge) => badge.key)).toEqual(['two-channels']);
    expect(all.badges.map((badge) => badge.key)).toEqual(['two-channels', 'five-visits']);
  });

  it('ranks only opted-in members of a store by points earned in the week or month, under their display names', async () => {
    const [ada, bea, cal] = await Promise.all([
      enrollMember(graph, 'Ada', 'Lovelace'),
      enrollMember(graph, 'Bea', 'Klein'),
      enrollMember(graph, 'Cal', 'Moss'),
    ]);
    const clients = {
      ada: await graph.as({ role: 'member', subject: ada.id }),
      bea: await graph.as({ role: 'member', subject: bea.id }),
      cal: await graph.as({ role: 'member', subject: cal.id }),
    };
    // An alias that is an email address, or the member's full name, is refused.
    for (const name of ['ada@example.com', 'Ada Lovelace']) {
      const result = await clients.ada.request(joinMutation, { name });
      expect([codeOf(result), argumentOf(result)]).toEqual(['BAD_USER_INPUT', 'displayName']);
    }
    expect((await clients.ada.data<Vars, Vars>(joinMutation, { name: 'SpeedyShopper' })).joinLeaderboards).toEqual({
      displayName: 'SpeedyShopper',
    });
    // No alias: the given name and the family initial.
    expect((await clients.bea.data<Vars, Vars>(joinMutation, {})).joinLeaderboards).toEqual({ displayName: 'Bea K.' });

    at('2026-03-10T12:00:00Z'); // Tuesday of the week from Monday 9 March
    await buy(ada.id); // 25 points
    await buy(ada.id, { channel: 'ONLINE', storeId: null }); // not in the store
    await buy(bea.id, { lines: [{ sku: 'COAT', quantity: 1, unitPrice: 8000 }] }); // 80 points
    await buy(bea.id, { storeId: 'hamburg-2' }); // another store
    await buy(cal.id, { lines: [{ sku: 'TV', quantity: 1, unitPrice: 20000 }] }); // not opted in
    at('2026-03-15T22:30:00Z'); // Sunday 23:30 in Paris: still that week
    await buy(ada.id);
    at('2026-03-15T23:30:00Z'); // Monday 00:30 in Paris: the next week
    await buy(ada.id, { lines: [{ sku: 'BAG', quantity: 1, unitPrice: 5000 }] }); // 50 points
    await refresh();

    const board = async (client: GraphClient, period: string, when?: string) =>
      (await client.data<LeaderboardView, Vars>(leaderboardQuery, { storeId: 'berlin-1', period, at: when }))
        .leaderboard;
    expect(await board(clients.cal, 'WEEK', '2026-03-11T12:00:00Z')).toEqual({
      from: '2026-03-08T23:00:00.000Z',
      to: '2026-03-15T23:00:00.000Z',
      entries: [
        { rank: 1, displayName: 'Bea K.', points: 80 },
        { rank: 2, displayName: 'SpeedyShopper', points: 50 },
      ],
    });
    expect((await board(clients.ada, 'WEEK')).entries).toEqual([{ rank: 1, displayName: 'SpeedyShopper', points: 50 }]);
    const associate = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
    expect((await board(associate, 'MONTH')).entries).toEqual([
      { rank: 1, displayName: 'SpeedyShopper', points: 100 },
      { rank: 2, displayName: 'Bea K.', points: 80 },
    ]);

    const elsewhere = await graph.as({ role: 'associate', subject: 'olaf@hamburg-2', storeId: 'hamburg-2' });
    const query = (client: GraphClient) => client.request(leaderboardQuery, { storeId: 'berlin-1', period: 'MONTH' });
    expect(codeOf(await query(elsewhere))).toBe('FORBIDDEN');
    expect(codeOf(await query(graph.anonymous))).toBe('UNAUTHENTICATED');

    expect(
      (await clients.ada.data<{ leaveLeaderboards: boolean }, Vars>(`mutation { leaveLeaderboards }`))
        .leaveLeaderboards,
    ).toBe(true);
    expect((await board(marketer, 'MONTH')).entries).toEqual([{ rank: 1, displayName: 'Bea K.', points: 80 }]);
  });
});
