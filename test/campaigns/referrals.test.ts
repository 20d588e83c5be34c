import {
  EnrollCustomerDocument,
  HeldReferralsDocument,
  MemberReferralDocument,
  RecordPurchaseDocument,
  RecordReturnDocument,
  ReviewReferralDocument,
  UseReferralCodeDocument,
  type UseReferralCodeInput,
} from '../../examples/sdk/graphql';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger, runPointsJobMutation, TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';
import { launchCampaign } from './support';

const setProgramMutation = `mutation($input: ReferralProgramInput!) { setReferralProgram(input: $input) { capPerReferrer } }`;
const program = {
  linkBase: 'https://shop.example.com/join',
  capPeriod: 'MONTH',
  signalWindowDays: 90,
  newMemberHours: 72,
};

describe('referral codes through the gateway', () => {
  // The ledger and campaign clock; profiles enroll at the database's time, which it starts at.
  const clock = new TestClock(new Date());
  let graph: TestGraph;
  let marketer: GraphClient;
  let ada: { id: string; email: string };
  let code: string;

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      ledgerPolicy: { ...defaultLedgerPolicy, pendingDays: 14, expiry: { kind: 'NEVER' }, jobIntervalMs: 0 },
    });
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    await setEarnRate(graph, 'EUR', 1, 100);
    for (const [activityKind, points] of [
      ['REFERRAL', 200],
      ['REFERRED_FRIEND', 50],
    ] as const) {
      await launchCampaign(marketer, {
        name: `Referral ${activityKind}`,
        trigger: 'ACTIVITY',
        activityKind,
        reward: { kind: 'FIXED_BONUS', points },
      });
    }
    await marketer.data(setProgramMutation, { input: { ...program, capPerReferrer: 10 } });
    ada = await enrollMember(graph, 'Ada');
  });
  afterAll(() => graph?.stop());

  const asMember = (id: string) => graph.as({ role: 'member', subject: id });
  const balanceOf = async (id: string) => (await expectConsistentLedger(graph, id)).balance;
  const use = async (input: Partial<UseReferralCodeInput> & { friendId: string }) =>
    (await asMember(input.friendId)).request(UseReferralCodeDocument, { input: { code, ...input } });
  const referralOf = async (id: string) =>
    (await (await asMember(id)).data(MemberReferralDocument, { id })).customer!.referral!;
  const runJob = () => graph.admin.data(runPointsJobMutation);

  it('gives every member one code and a link on the program base', async () => {
    const first = await referralOf(ada.id);
    code = first.code;
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(first.link).toBe(`https://shop.example.com/join?ref=${code}`);
    expect((await referralOf(ada.id)).code).toBe(code);
    const other = await enrollMember(graph);
    const peek = await (await asMember(other.id)).request(MemberReferralDocument, { id: ada.id });
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("rewards the friend at once, pays the referrer once the friend's first purchase leaves its pending window, and never twice", async () => {
    const bob = await enrollMember(graph, 'Bob');
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const first = await use({ friendId: bob.id, code: typed, deviceHash: unique('device-bob') });
    expect(first.data?.useReferralCode).toMatchObject({
      status: 'ACCEPTED',
      signals: [],
      recorded: true,
      referrer: { id: ada.id },
    });
    const retry = await use({ friendId: bob.id, code });
    expect(retry.data?.useReferralCode.id).toBe(first.data?.useReferralCode.id);
    expect(await balanceOf(bob.id)).toBe(50);
    expect(await referralOf(ada.id)).toMatchObject({ accepted: 1, held: 0 });

    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(bob.id) });
    await runJob();
    expect(await balanceOf(ada.id)).toBe(0);

    // Cy's first purchase comes back inside its window: that referral pays nothing.
    const cy = await enrollMember(graph, 'Cy');
    expect((await use({ friendId: cy.id })).data?.useReferralCode.status).toBe('ACCEPTED');
    const order = purchaseInput(cy.id);
    const { recordPurchase } = await graph.admin.data(RecordPurchaseDocument, { input: order });
    clock.advanceDays(2);
    await graph.admin.data(RecordReturnDocument, {
      input: {
        channel: 'IN_STORE',
        storeId: 'berlin-1',
        externalReturnId: unique('ret'),
        purchaseId: recordPurchase.id,
        lines: [{ sku: 'SHIRT-M', quantity: 2 }],
      },
    });

    clock.advanceDays(13);
    await Promise.all([runJob(), runJob()]);
    await runJob();
    expect(await balanceOf(ada.id)).toBe(200);
    expect(await balanceOf(cy.id)).toBe(50);
    // A late friend after the window is no new member any more.
    const late = await enrollMember(graph, 'Late');
    const refused = await use({ friendId: late.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', signal: 'EXISTING_MEMBER' });
    clock.advanceDays(-15);
  });

  it('refuses self-referral, unknown and malformed codes, a second code and another member acting, changing nothing', async () => {
    expect((await use({ friendId: ada.id })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      signal: 'SELF_REFERRAL',
    });
    const dan = await enrollMember(graph, 'Dan');
    expect((await use({ friendId: dan.id, code: 'ZZZZZZZZ' })).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      argument: 'code',
    });
    expect((await use({ friendId: dan.id, code: 'not a code' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const stranger = await asMember(ada.id);
    const forged = await stranger.request(UseReferralCodeDocument, { input: { friendId: dan.id, code } });
    expect(forged.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const other = await enrollMember(graph, 'Other');
    const otherCode = (await referralOf(other.id)).code;
    expect((await use({ friendId: dan.id, code: otherCode })).data?.useReferralCode.status).toBe('ACCEPTED');
    expect((await use({ friendId: dan.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await balanceOf(dan.id)).toBe(50);
  });

  it('holds a shared mailbox or device for review; a marketer approves one (then it is taken) and rejects the other', async () => {
    const [local] = ada.email.split('@');
    const { enrollCustomer: dee } = await graph.admin.data(EnrollCustomerDocument, {
      input: { givenName: 'Dee', familyName: 'Member', email: `${local}+dee@example.com`, channel: 'ONLINE' },
    });
    const eve = await enrollMember(graph, 'Eve');
    const device = unique('device-shared');
    const fay = await enrollMember(graph, 'Fay');
    expect((await use({ friendId: fay.id, deviceHash: device })).data?.useReferralCode.status).toBe('ACCEPTED');

    const heldDee = (await use({ friendId: dee.id })).data!.useReferralCode;
    const heldEve = (await use({ friendId: eve.id, deviceHash: device })).data!.useReferralCode;
    expect(heldDee).toMatchObject({ status: 'HELD', signals: ['SHARED_EMAIL'], recorded: false });
    expect(heldEve).toMatchObject({ status: 'HELD', signals: ['SAME_DEVICE'] });
    expect(await balanceOf(dee.id)).toBe(0);
    expect(await referralOf(ada.id)).toMatchObject({ held: 2 });

    const queue = await marketer.data(HeldReferralsDocument, { first: 100 });
    expect(queue.referrals.edges.map((edge) => edge.node.id)).toEqual(expect.arrayContaining([heldDee.id, heldEve.id]));
    const member = await asMember(ada.id);
    expect((await member.request(HeldReferralsDocument, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const approved = await marketer.data(ReviewReferralDocument, { input: { id: heldEve.id, decision: 'APPROVE' } });
    expect(approved.reviewReferral).toMatchObject({ status: 'ACCEPTED', recorded: true, reviewedBy: 'marketer:mara' });
    expect(await balanceOf(eve.id)).toBe(50);
    const again = await marketer.data(ReviewReferralDocument, { input: { id: heldEve.id, decision: 'APPROVE' } });
    expect(again.reviewReferral.status).toBe('ACCEPTED');
    expect(await balanceOf(eve.id)).toBe(50);

    await marketer.data(ReviewReferralDocument, { input: { id: heldDee.id, decision: 'REJECT', note: 'Same person' } });
    const flip = await marketer.request(ReviewReferralDocument, { input: { id: heldDee.id, decision: 'APPROVE' } });
    expect(flip.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await balanceOf(dee.id)).toBe(0);
  });

  it('lets only as many friends through as the cap allows, however many use the code at once', async () => {
    const taken = await referralOf(ada.id);
    await marketer.data(setProgramMutation, { input: { ...program, capPerReferrer: taken.accepted + taken.held + 1 } });
    const friends = await Promise.all(Array.from({ length: 4 }, (_, i) => enrollMember(graph, `Rush${i}`)));
    const answers = await Promise.all(friends.map((friend) => use({ friendId: friend.id })));
    expect(answers.filter((answer) => answer.data?.useReferralCode.status === 'ACCEPTED')).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.signal === 'CAP_REACHED')).toHaveLength(3);
    const rewarded = await Promise.all(friends.map((friend) => balanceOf(friend.id)));
    expect(rewarded.sort()).toEqual([0, 0, 0, 50]);
  });

  // Last: it stops this graph's ledger.
  it('a referral approved while the ledger is away is sent to it later by the sweep, and paid once', async () => {
    const shared = unique('device-shared');
    const referrer = await enrollMember(graph, 'Cy');
    const referrerCode = (await referralOf(referrer.id)).code;
    const first = await enrollMember(graph, 'Dee');
    await use({ friendId: first.id, code: referrerCode, deviceHash: shared });
    const friend = await enrollMember(graph, 'Eve');
    const held = await use({ friendId: friend.id, code: referrerCode, deviceHash: shared });
    expect(held.data?.useReferralCode).toMatchObject({ status: 'HELD' });
    const id = held.data!.useReferralCode.id;
    await graph.stack.subgraphs.ledger.stop();
    const approved = await marketer.request(ReviewReferralDocument, { input: { id, decision: 'APPROVE' } });
    expect(approved.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    // Another deployment of the graph on the same database; its campaign's sweep finds the referral.
    const instance = await graph.startInstance();
    const sweep = instance.stack.subgraphs.campaign.referralSweep;
    expect(await sweep.run()).toEqual({ recorded: 0, failed: 0 }); // still inside its grace period
    clock.advanceMinutes(1);
    expect(await sweep.run()).toEqual({ recorded: 1, failed: 0 });
    expect(await sweep.run()).toEqual({ recorded: 0, failed: 0 });
    const { rows } = await graph.database.db.query<{ kind: string }>(
      'select kind from ledger.activities where customer_id = $1',
      [friend.id],
    );
    expect(rows.map((row) => row.kind)).toEqual(['REFERRED_FRIEND']);
    expect(await balanceOf(friend.id)).toBe(50);
  });
});
