import { randomUUID } from 'node:crypto';
import {
  DefineBadgeDocument,
  DefineEventTypeDocument,
  MyBadgeProgressDocument,
  TrackEventDocument,
  type BadgeInput,
  type MyBadgeProgressQuery,
} from '../../examples/sdk/graphql';
import { eventually } from '../support/eventually';
import { enrollMember } from '../support/fixtures';
import { TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;
type Progress = NonNullable<NonNullable<MyBadgeProgressQuery['me']>['badges']>[number];

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;
const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
const argumentOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.argument;
const balanceQuery = `query($id: ID!) { customer(id: $id) { loyalty { balance } } }`;
const badgeKeysQuery = `{ badges(includeRetired: true) { key } }`;

/**
 * The profile takes events up to 30 days old by its own (wall) clock, so the weeks are real ones:
 * `anchor` is the Wednesday noon (UTC) of this week or the last, `weeksAgo(k)` the Wednesday noon
 * k weeks before it. The campaign's clock is the test's: badges are defined 22 days before the
 * anchor (so those weeks count) and progress is read at the anchor.
 */
const realNow = Date.now();
const mondayUtc = Math.floor((realNow / dayMs + 3) / 7) * weekMs - 3 * dayMs;
const anchorMs = mondayUtc + 2.5 * dayMs <= realNow ? mondayUtc + 2.5 * dayMs : mondayUtc - 4.5 * dayMs;
const anchorWeekStart = anchorMs - 2.5 * dayMs;
const daysBefore = (days: number) => new Date(anchorMs - days * dayMs).toISOString();
const weeksAgo = (weeks: number) => daysBefore(7 * weeks);
const iso = (ms: number) => new Date(ms).toISOString();

const threeWeeks: BadgeInput = {
  key: 'three-week-visitor',
  name: 'Three weeks in a row',
  pointsOnCompletion: 100,
  rule: { event: 'CUSTOM_EVENT', count: 3, streak: 'WEEK', eventTrigger: { eventType: 'store.visited' } },
};
const twoGoodReviews: BadgeInput = {
  key: 'good-reviewer',
  name: 'Two good reviews',
  pointsOnCompletion: 30,
  rule: {
    event: 'CUSTOM_EVENT',
    count: 2,
    eventTrigger: {
      eventType: 'review.submitted',
      conditions: [{ path: ['rating'], operator: 'GTE', value: { number: 4 } }],
    },
  },
};
const challenge: BadgeInput = {
  key: 'ten-day-challenge',
  name: 'Open the app twice in ten days',
  pointsOnCompletion: 20,
  startsAt: daysBefore(20),
  endsAt: daysBefore(10),
  rule: { event: 'CUSTOM_EVENT', count: 2, eventTrigger: { eventType: 'app.opened' } },
};

describe('badges and challenges over custom events, through the gateway', () => {
  const clock = new TestClock(new Date(anchorMs - 22 * dayMs));
  let graph: TestGraph;
  let marketer: GraphClient;

  const track = (customerId: string, type: string, occurredAt: string, properties: Vars = {}) =>
    graph.admin.data(TrackEventDocument, {
      input: { customerId, type, properties, occurredAt, channel: 'ONLINE', idempotencyKey: randomUUID() },
    });
  /** A run under way may have started before the events: the run after it surely reads them. */
  const settle = async () => {
    const { job } = graph.stack.subgraphs.campaign.customEvents;
    await job.run();
    await job.run();
  };
  const progressOf = async (customerId: string, key: string): Promise<Progress> => {
    const member = await graph.as({ role: 'member', subject: customerId });
    const { me } = await member.data(MyBadgeProgressDocument);
    return me!.badges!.find((progress) => progress.badge.key === key)!;
  };
  const balance = async (id: string) => {
    const { customer } = await graph.admin.data<{ customer: { loyalty: { balance: number } | null } }, Vars>(
      balanceQuery,
      { id },
    );
    return customer.loyalty?.balance ?? 0;
  };

  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now, program: { timeZone: 'UTC', currency: 'EUR' } });
    marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    const types = [
      { name: 'store.visited', properties: [] },
      { name: 'app.opened', properties: [] },
      { name: 'review.submitted', properties: [{ name: 'rating', kind: 'NUMBER' as const, required: true }] },
    ];
    for (const input of types) await marketer.data(DefineEventTypeDocument, { input });
    for (const input of [threeWeeks, twoGoodReviews, challenge]) {
      const { defineBadge } = await marketer.data(DefineBadgeDocument, { input });
      expect(defineBadge).toMatchObject({ key: input.key, countsFrom: clock.now().toISOString() });
    }
    clock.advanceDays(22);
  });
  afterAll(() => graph?.stop());

  it('completes a custom event badge with a property condition and credits it once, however often the events are read', async () => {
    const { id } = await enrollMember(graph, 'Carl', 'Reviewer');
    await track(id, 'review.submitted', weeksAgo(1), { rating: 5 });
    await track(id, 'review.submitted', weeksAgo(1), { rating: 2 });
    await settle();
    expect(await progressOf(id, 'good-reviewer')).toMatchObject({ current: 1, target: 2, completed: false });

    const completing = daysBefore(1);
    await track(id, 'review.submitted', completing, { rating: 4 });
    await settle();
    expect(await progressOf(id, 'good-reviewer')).toMatchObject({
      current: 2,
      completed: true,
      completedAt: completing,
      streak: null,
      endsAt: null,
    });
    expect(await balance(id)).toBe(30);

    // Every profile event read again, the award PENDING as after a crash before its answer was kept.
    await graph.database.db.query(
      `update campaign.consumer_cursors set last_event_id = 0 where source = 'custom-events:profile'`,
    );
    await graph.database.db.query(`update campaign.badge_awards set status = 'PENDING' where customer_id = $1`, [id]);
    await settle();
    expect(await balance(id)).toBe(30);
    const { rows } = await graph.database.db.query<{ payload: Record<string, unknown> }>(
      `select payload from campaign.events where type = 'BadgeEarned' and aggregate_id = $1`,
      [id],
    );
    expect(rows.map((row) => row.payload)).toEqual([
      expect.objectContaining({ badgeKey: 'good-reviewer', points: 30, purchaseId: null, eventId: expect.any(String) }),
    ]);
  });

  it('keeps a weekly streak from occurredAt: a gap breaks it, and a late event filling the gap completes it', async () => {
    const nextMonday = iso(anchorWeekStart + weekMs);
    const { id: ada } = await enrollMember(graph, 'Ada', 'Visitor');
    await track(ada, 'store.visited', weeksAgo(3));
    await track(ada, 'store.visited', weeksAgo(1));
    await settle();
    // Last week's visit keeps a streak of 1 alive until this week ends; three weeks ago is its own run.
    expect(await progressOf(ada, 'three-week-visitor')).toMatchObject({
      current: 1,
      target: 3,
      completed: false,
      streak: { unit: 'WEEK', current: 1, best: 1, target: 3, unitEndsAt: nextMonday, breaksAt: nextMonday },
    });
    expect(await balance(ada)).toBe(0);

    // The visit two weeks ago arrives late: it fills the gap, and the streak completes at last week's visit.
    await track(ada, 'store.visited', weeksAgo(2));
    await settle();
    expect(await progressOf(ada, 'three-week-visitor')).toMatchObject({
      current: 3,
      completed: true,
      completedAt: weeksAgo(1),
      streak: { current: 3, best: 3 },
    });
    expect(await balance(ada)).toBe(100);

    // Three and two weeks ago, then nothing last week: broken, the best run stays.
    const { id: bob } = await enrollMember(graph, 'Bob', 'Lapsed');
    await track(bob, 'store.visited', weeksAgo(3));
    await track(bob, 'store.visited', weeksAgo(2));
    await settle();
    expect(await progressOf(bob, 'three-week-visitor')).toMatchObject({
      current: 0,
      completed: false,
      streak: { current: 0, best: 2, unitEndsAt: nextMonday, breaksAt: null },
    });
    // A visit this week starts a new streak of 1, which breaks unless next week has one.
    await track(bob, 'store.visited', daysBefore(0));
    await settle();
    expect((await progressOf(bob, 'three-week-visitor')).streak).toMatchObject({
      current: 1,
      best: 2,
      breaksAt: iso(anchorWeekStart + 2 * weekMs),
    });
  });

  it('counts only what happens in a challenge window, shows its deadline and cannot complete after it', async () => {
    const { id } = await enrollMember(graph, 'Dana', 'Challenger');
    await track(id, 'app.opened', daysBefore(21)); // before the window
    await track(id, 'app.opened', daysBefore(15));
    await track(id, 'app.opened', daysBefore(5)); // after it ended
    await settle();
    expect(await progressOf(id, 'ten-day-challenge')).toMatchObject({
      current: 1,
      target: 2,
      completed: false,
      endsAt: challenge.endsAt,
    });
    expect(await balance(id)).toBe(0);

    // One inside the window, tracked late, completes it (at its own time, before the deadline).
    await track(id, 'app.opened', daysBefore(12));
    await settle();
    expect(await progressOf(id, 'ten-day-challenge')).toMatchObject({
      current: 2,
      completed: true,
      completedAt: daysBefore(12),
    });
    expect(await balance(id)).toBe(20);
  });

  it("completes an event badge for the survivor of a profile merge from both profiles' events, once", async () => {
    const [survivor, merged] = await Promise.all([enrollMember(graph, 'Sam'), enrollMember(graph, 'Sammy')]);
    await track(merged.id, 'review.submitted', weeksAgo(2), { rating: 5 });
    await track(survivor.id, 'review.submitted', weeksAgo(1), { rating: 4 });
    await settle();
    expect(await progressOf(survivor.id, 'good-reviewer')).toMatchObject({ current: 1, completed: false });
    await graph.admin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "one person") { mergedId } }`,
      { s: survivor.id, m: merged.id },
    );
    const progress = await eventually(
      async () => {
        await settle();
        return progressOf(survivor.id, 'good-reviewer');
      },
      (view) => view.completed,
      'the merge to reach the badge',
    );
    expect(progress).toMatchObject({ current: 2, completedAt: weeksAgo(1) });
    expect(await balance(survivor.id)).toBe(30);
  });

  it.each<[string, BadgeInput, string]>([
    [
      'a streak within a period',
      { ...threeWeeks, key: 'bad-period', rule: { ...threeWeeks.rule, period: 'MONTH' } },
      'input.rule.period',
    ],
    [
      'custom events counted by store',
      { ...twoGoodReviews, key: 'bad-counting', rule: { ...twoGoodReviews.rule, counting: 'STORES' } },
      'input.rule.counting',
    ],
    [
      'a custom event badge without its event',
      { ...threeWeeks, key: 'bad-trigger', rule: { event: 'CUSTOM_EVENT', count: 3 } },
      'input.rule.eventTrigger',
    ],
    [
      'a property condition without a value',
      {
        ...twoGoodReviews,
        key: 'bad-condition',
        rule: {
          ...twoGoodReviews.rule,
          eventTrigger: { eventType: 'review.submitted', conditions: [{ path: ['rating'], operator: 'GTE' }] },
        },
      },
      'input.rule.eventTrigger.conditions[0].value',
    ],
    ['a challenge that has ended', { ...challenge, key: 'bad-window', endsAt: daysBefore(1) }, 'input.endsAt'],
  ])('refuses %s, naming the argument, and stores nothing', async (_, input, argument) => {
    const result = await marketer.request(DefineBadgeDocument, { input });
    expect([codeOf(result), argumentOf(result)]).toEqual(['BAD_USER_INPUT', argument]);
    const { badges } = await marketer.data<{ badges: Array<{ key: string }> }, Vars>(badgeKeysQuery);
    expect(badges.map((badge) => badge.key)).not.toContain(input.key);
  });
});
