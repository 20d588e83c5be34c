import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startExampleServer, type RunningExampleServer } from '../../examples/server/exampleServer';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { projectRoot } from '../../runtime/config/projectRoot';
import { findChromium, localHost } from '../../scripts/ensureChromium';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { importRecords, postImportBatch } from '../support/imports';
import { startTestGraph, type TestGraph } from '../support/testGraph';
import { expectAccessible, pageCapture, widths } from './pageChecks';

const capture = pageCapture('console', 'desktop');

const chromiumPath = findChromium(localHost);
const consoleBundle = path.join(projectRoot(), 'dist/apps/console/index.html');

interface Simulation {
  pointsCost: number;
  customersReached: number;
  purchasesRewarded: number;
  purchasesConsidered: number;
}

/** The previous Saturday (never today) at noon UTC: a weekend purchase inside the lateness bound. */
function lastSaturdayNoon(): Date {
  const now = new Date();
  const back = (now.getUTCDay() + 1) % 7 || 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - back, 12));
}

describe('the marketer console in a browser', () => {
  let graph: TestGraph;
  let examples: RunningExampleServer;
  let browser: Browser;
  let member: { id: string; email: string };

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH');
    if (!existsSync(consoleBundle)) throw new Error('No console bundle: run `npm run build` (scripts/buildApps.ts)');
    // Webhooks dispatched quickly, so a failing endpoint's delivery becomes a dead letter within seconds.
    graph = await startTestGraph({
      webhooks: { followIntervalMs: 100, dispatchIntervalMs: 100, backoffBaseMs: 50, maxAttempts: 3, timeoutMs: 2000 },
    });
    await setEarnRate(graph, 'GBP');
    await graph.admin.data(
      `mutation { setCampaignProgram(input: { timeZone: "Europe/London", currency: "GBP" }) { currency } }`,
    );
    // Past purchases to simulate on, each on a Saturday (inside the weekend window) and the Wednesday after:
    // two members who joined 20 days ago (imported with their enrolment date) and one who joined in 2019.
    const saturday = lastSaturdayNoon();
    const wednesday = new Date(saturday.getTime() + 4 * 86_400_000);
    const joined = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const keys = [unique('new'), unique('new'), unique('old')];
    await postImportBatch(graph, 'MEMBERS', {
      records: importRecords(
        keys.map((memberKey, index) => ({
          memberKey,
          givenName: index === 0 ? 'Wendy' : 'Walter',
          familyName: 'Weekend',
          email: `${memberKey}@example.com`,
          enrolledAt: index < 2 ? joined : '2019-04-01T08:30:00Z',
          enrollmentChannel: 'ONLINE',
        })),
      ),
    });
    const members = await Promise.all(
      keys.map(async (key) => {
        const { customerByIdentifier } = await graph.admin.data<
          { customerByIdentifier: { id: string } },
          Record<string, unknown>
        >(`query($key: String!) { customerByIdentifier(type: LEGACY_MEMBER_ID, value: $key) { id } }`, { key });
        return { id: customerByIdentifier.id, email: `${key}@example.com` };
      }),
    );
    member = members[0]!;
    for (const { id } of members) {
      for (const occurredAt of [saturday, wednesday].filter((at) => at.getTime() < Date.now())) {
        await graph.admin.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
          input: purchaseInput(id, { storeId: 'london-1', currency: 'GBP', occurredAt: occurredAt.toISOString() }),
        });
      }
    }
    examples = await startExampleServer({ gatewayUrl: graph.url, wsUrl: graph.wsUrl, auth: developmentAuthConfig() });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await examples?.stop();
    await graph?.stop();
  });

  it('lets a marketer create, simulate and schedule the Weekend Welcome campaign without writing GraphQL', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/console/`);
    await expectAccessible(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in as a marketer' }).click();
    await page.getByRole('heading', { name: 'Programme at a glance' }).waitFor();
    await page.getByText('Net spend by channel').waitFor();
    // Members' data is for admins: a marketer's console has no member pages.
    expect(await page.getByRole('link', { name: 'Members' }).count()).toBe(0);
    await capture(page, 'home');

    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByText('No campaign yet').waitFor();
    await page.getByRole('link', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'Campaign rules' });

    // Sent empty: the form says what to fill in, and nothing is created.
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Some fields need attention').waitFor();
    await form.getByText('Fill this in.').waitFor();

    await form.getByLabel('Name', { exact: true }).fill('Weekend Welcome');
    await form
      .getByLabel('Description (members see it with the offer)')
      .fill('Double points at weekends in your first month');
    await form.getByLabel('Multiplier (%)').fill('200');
    await form.getByRole('button', { name: 'In store' }).click();
    await form.getByRole('button', { name: 'Online' }).click();
    await form.getByLabel('Members who joined within (days)').fill('30');
    await form.getByRole('button', { name: 'Add a weekly window' }).click();
    await form.getByLabel('Window 1 from day').selectOption('FRIDAY');
    await form.getByLabel('Window 1 from time').fill('18:00');
    await form.getByLabel('Window 1 to day').selectOption('SUNDAY');
    await form.getByLabel('Window 1 to time').fill('23:59');
    await form.getByLabel('Budget (points)').fill('50000');
    await form.getByLabel('Holdout (%)').fill('60');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText('Enter a percentage from 0 to 50.').waitFor();
    await form.getByLabel('Holdout (%)').fill('10');

    // Simulated before it is saved: the console's figures are the graph's for the same draft.
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByText('Points it would have cost').waitFor();
    await page.getByText('Holdout preview').waitFor();
    await page.getByText('10% of the audience is held out at random').waitFor();
    const draft = {
      name: 'Weekend Welcome',
      description: 'Double points at weekends in your first month',
      reward: { kind: 'MULTIPLIER', multiplierPercent: 200 },
      audience: {
        channels: ['IN_STORE', 'ONLINE'],
        tiers: [],
        segments: [],
        firstPurchase: false,
        firstPurchaseInChannel: false,
        newMemberWithinDays: 30,
        skus: [],
        categories: [],
      },
      schedule: { weekly: [{ startDay: 'FRIDAY', startTime: '18:00', endDay: 'SUNDAY', endTime: '23:59' }] },
      limits: { capPeriod: 'CAMPAIGN', budgetPoints: 50000 },
      holdoutPercent: 10,
    };
    const to = new Date();
    const { simulateCampaign: expected } = await graph.admin.data<
      { simulateCampaign: Simulation },
      Record<string, unknown>
    >(
      `query($input: CampaignInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
        simulateCampaign(input: $input, from: $from, to: $to) { pointsCost customersReached purchasesRewarded purchasesConsidered }
      }`,
      { input: draft, from: new Date(to.getTime() - 30 * 86_400_000).toISOString(), to: to.toISOString() },
    );
    // The test's purchases are worth simulating: without the holdout, the new members' Saturday purchases earn.
    const { simulateCampaign: everyone } = await graph.admin.data<
      { simulateCampaign: Simulation },
      Record<string, unknown>
    >(
      `query($input: CampaignInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
        simulateCampaign(input: $input, from: $from, to: $to) { pointsCost customersReached purchasesRewarded purchasesConsidered }
      }`,
      {
        input: { ...draft, holdoutPercent: 0 },
        from: new Date(to.getTime() - 30 * 86_400_000).toISOString(),
        to: to.toISOString(),
      },
    );
    expect(everyone).toMatchObject({ customersReached: 2, purchasesRewarded: 2 });
    expect(everyone.pointsCost).toBeGreaterThan(0);
    const figure = (label: string) =>
      page.locator('.simulation-result .stat', { hasText: label }).locator('dd').first();
    expect(await figure('Points it would have cost').textContent()).toBe(expected.pointsCost.toLocaleString('en-GB'));
    expect(await figure('Members reached').textContent()).toBe(String(expected.customersReached));
    expect(await figure('Purchases rewarded').textContent()).toBe(
      `${expected.purchasesRewarded} of ${expected.purchasesConsidered}`,
    );
    await capture(page, 'new-campaign');

    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: 'Weekend Welcome' }).waitFor();
    await page.locator('.pill', { hasText: 'Draft' }).waitFor();
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByText('Scheduled: it grants whenever its schedule is live.').waitFor();
    await capture(page, 'campaign');

    // The graph has it as the marketer set it, in the program's time zone.
    const { campaigns } = await graph.admin.data<
      { campaigns: { edges: Array<{ node: Record<string, unknown> }> } },
      Record<string, unknown>
    >(`{ campaigns(first: 5) { edges { node { name status holdoutPercent reward { multiplierPercent }
        audience { channels newMemberWithinDays } schedule { weekly { startDay startTime endDay endTime } }
        limits { budgetPoints } } } } }`);
    expect(campaigns.edges.map((edge) => edge.node)).toEqual([
      {
        name: 'Weekend Welcome',
        status: 'SCHEDULED',
        holdoutPercent: 10,
        reward: { multiplierPercent: 200 },
        audience: { channels: ['IN_STORE', 'ONLINE'], newMemberWithinDays: 30 },
        schedule: { weekly: [{ startDay: 'FRIDAY', startTime: '18:00', endDay: 'SUNDAY', endTime: '23:59' }] },
        limits: { budgetPoints: 50000 },
      },
    ]);

    await page.getByRole('link', { name: 'Performance against the holdout' }).click();
    await page.getByText('Against the holdout (10%)').waitFor();
    await capture(page, 'performance');

    await page.getByRole('link', { name: 'Campaigns' }).click();
    const row = page.locator('tbody tr', { hasText: 'Weekend Welcome' });
    await row.getByText(/Scheduled|Live now/).waitFor();
    await row.getByText('Fridays 18:00 to Sundays 23:59').waitFor();
    await capture(page, 'campaigns');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a marketer reward a custom event on conditions of its properties, typed, and change them later (EVENT)', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Campaign mutations the console sends: a value the form refuses must send none.
    const saves: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.url().endsWith('/graphql') && /mutation Console(Create|Update)Campaign/.test(body)) saves.push(body);
    });
    await page.goto(`${examples.url}/console/`);
    await page.getByRole('button', { name: 'Sign in as a marketer' }).click();
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('link', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'Campaign rules' });
    await form.getByLabel('Name', { exact: true }).fill('Review Rewards');
    await form.getByLabel('Rewards', { exact: true }).selectOption('EVENT');
    await form.getByLabel('Event type').fill('review.submitted');
    await form.getByLabel('Once per property').fill('productId');
    await form.getByLabel('Kind of reward').selectOption('FIXED_BONUS');
    await form.getByLabel('Points', { exact: true }).fill('50');
    await form.getByText('No condition: every event of this type qualifies.').waitFor();

    // Added from the keyboard: the new row takes the focus at its property.
    await form.getByRole('button', { name: 'Add a condition' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('rating');
    const first = form.getByRole('group', { name: 'Condition 1' });
    expect(await first.getByLabel('Condition 1 property').inputValue()).toBe('rating');
    await first.getByLabel('Condition 1 comparison').selectOption('GTE');
    await first.getByLabel('Condition 1 type of value').selectOption('number');
    await first.getByLabel('Condition 1 value').fill('four');
    // A second row, removed by its own button: the focus goes back to Add.
    await form.getByRole('button', { name: 'Add a condition' }).click();
    await form.getByLabel('Condition 2 property').fill('verified');
    await form.getByRole('button', { name: 'Remove condition 2' }).click();
    expect(await form.getByRole('group', { name: 'Condition 2' }).count()).toBe(0);
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Add a condition');

    // "four" is not a number: the form says so at the field and sends nothing.
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Some fields need attention').waitFor();
    await first.getByText('Enter a number, like 4 or 4.5.').waitFor();
    expect(saves).toEqual([]);
    await first.getByLabel('Condition 1 value').fill('4');
    await capture(page, 'event-campaign');

    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: 'Review Rewards' }).waitFor();
    const id = decodeURIComponent(/#\/campaigns\/([^/]+)$/.exec(page.url())![1]!);
    const savedTrigger = async () => {
      const { campaign } = await graph.admin.data<
        { campaign: { trigger: string; reward: Record<string, unknown>; eventTrigger: unknown } },
        Record<string, unknown>
      >(
        `query($id: ID!) { campaign(id: $id) { trigger reward { kind points } eventTrigger { eventType oncePer
          conditions { path operator value { string number boolean } values { string number boolean } } } } }`,
        { id },
      );
      return campaign;
    };
    const rating = (number: number) => ({
      eventType: 'review.submitted',
      oncePer: ['productId'],
      conditions: [{ path: ['rating'], operator: 'GTE', value: { string: null, number, boolean: null }, values: null }],
    });
    expect(await savedTrigger()).toEqual({
      trigger: 'EVENT',
      reward: { kind: 'FIXED_BONUS', points: 50 },
      eventTrigger: rating(4),
    });

    // Reopened, it is editable (no longer read-only) and shows the condition as saved.
    await page.reload();
    await page.getByRole('heading', { name: 'Review Rewards' }).waitFor();
    const reopened = page.getByRole('form', { name: 'Campaign rules' }).getByRole('group', { name: 'Condition 1' });
    expect(await reopened.getByLabel('Condition 1 property').inputValue()).toBe('rating');
    expect(await reopened.getByLabel('Condition 1 comparison').inputValue()).toBe('GTE');
    expect(await reopened.getByLabel('Condition 1 type of value').inputValue()).toBe('number');
    const value = reopened.getByLabel('Condition 1 value');
    expect(await value.inputValue()).toBe('4');
    await value.fill('5');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    expect((await savedTrigger()).eventTrigger).toEqual(rating(5));
    expect(saves).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a marketer add a reward, take it out of the catalog and put it back, and define a segment', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/console/`);
    await page.getByRole('button', { name: 'Sign in as a marketer' }).click();
    await page.getByRole('link', { name: 'Rewards' }).click();
    const form = page.getByRole('form', { name: 'Add a reward' });
    await form.getByLabel('Name', { exact: true }).fill('Free flat white');
    await form.getByLabel('Kind').selectOption('FREE_PRODUCT');
    await form.getByRole('button', { name: 'Add to the catalog' }).click();
    await form.getByText('Enter a whole number, 0 or more.').waitFor();
    await form.getByLabel('Cost in points').fill('120');
    await form.getByLabel('Product (SKU)').fill('FLAT-WHITE');
    await form.getByRole('button', { name: 'In store' }).click();
    await form.getByRole('button', { name: 'Add to the catalog' }).click();
    await page.getByText('Free flat white is in the catalog.').waitFor();
    const row = page.locator('tbody tr', { hasText: 'Free flat white' });
    await row.getByText('Product FLAT-WHITE').waitFor();
    await row.getByRole('button', { name: 'Take out Free flat white' }).click();
    await row.getByText('Taken out').waitFor();
    const catalog = async () =>
      (
        await graph.admin.data<
          { rewardCatalog: { edges: Array<{ node: { name: string } }> } },
          Record<string, unknown>
        >(`{ rewardCatalog(first: 100) { edges { node { name } } } }`)
      ).rewardCatalog.edges.map((edge) => edge.node.name);
    expect(await catalog()).not.toContain('Free flat white');
    await row.getByRole('button', { name: 'Put back Free flat white' }).click();
    await row.getByText('Active').waitFor();
    expect(await catalog()).toContain('Free flat white');
    await capture(page, 'rewards');

    await page.getByRole('link', { name: 'Segments' }).click();
    const segment = page.getByRole('form', { name: 'Define a segment' });
    await segment.getByLabel('Name', { exact: true }).fill('Weekend regulars');
    await segment.getByText('Campaigns name it weekend-regulars.').waitFor();
    await segment.getByLabel('At least this many purchases').fill('2');
    await segment.getByLabel('Bought within the last (days)').fill('30');
    await segment.getByRole('button', { name: 'Define the segment' }).click();
    // The three imported members bought twice each in the last 30 days (the Wednesday one may be today's future).
    await page.getByText(/^Weekend regulars defined: \d+ members? now\.$/).waitFor();
    const segmentRow = page.locator('tbody tr', { hasText: 'Weekend regulars' });
    await segmentRow.getByText('2+ purchases · bought within 30 days').waitFor();
    const { segments } = await graph.admin.data<
      { segments: Array<{ key: string; members: number }> },
      Record<string, unknown>
    >(`{ segments { key members } }`);
    const defined = segments.find((one) => one.key === 'weekend-regulars');
    expect(defined).toBeDefined();
    expect(await segmentRow.locator('td.number').textContent()).toBe(String(defined!.members));
    await capture(page, 'segments');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an admin check a members file, import it, and see each refused line with its field and code', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/console/`);
    await page.getByRole('button', { name: 'Sign in as an admin' }).click();
    await page.getByRole('link', { name: 'Imports' }).click();
    const form = page.getByRole('form', { name: 'Import a file' });
    await form.getByRole('button', { name: 'Check the file' }).click();
    await form.getByText('Choose a file.').waitFor();
    const file = path.join(projectRoot(), 'examples/imports/members.csv');
    await form.getByLabel('File', { exact: true }).setInputFiles(file);
    await form.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('members.csv checked').waitFor();
    const dryRun = page.locator('.job', { hasText: 'Dry run' });
    await dryRun.getByText('Completed').waitFor();
    await dryRun.getByText('5 of 5 records · 4 would go in · 0 already there · 1 would be refused').waitFor();
    const grace = `query { customerByIdentifier(type: LEGACY_MEMBER_ID, value: "OLD-1001") { name } }`;
    expect(
      (await graph.admin.data<{ customerByIdentifier: unknown }, Record<string, unknown>>(grace)).customerByIdentifier,
    ).toBeNull();

    await form.getByLabel('Dry run: check every line, change nothing').uncheck();
    await form.getByRole('button', { name: 'Import the file' }).click();
    await page.getByText('members.csv imported.').waitFor();
    const real = page.locator('.job').filter({ hasNotText: 'Dry run' }).first();
    await real.getByText('5 of 5 records · 4 applied · 0 already there · 1 refused').waitFor();
    await real.getByText('Refused lines (1)').click();
    await real.getByText(/^Line 6, email, BAD_USER_INPUT: /).waitFor();
    expect(await real.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(
      (await graph.admin.data<{ customerByIdentifier: unknown }, Record<string, unknown>>(grace)).customerByIdentifier,
    ).toEqual({
      name: 'Grace Hopper',
    });
    await capture(page, 'imports');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an admin merge a duplicate profile, download a member’s personal data and erase it, each confirmed first', async () => {
    const [survivorKey, duplicateKey] = [unique('dora'), unique('dora-old')];
    await postImportBatch(graph, 'MEMBERS', {
      records: importRecords(
        [survivorKey, duplicateKey].map((memberKey) => ({
          memberKey,
          givenName: 'Dora',
          familyName: 'Double',
          email: `${memberKey}@example.com`,
          enrollmentChannel: 'ONLINE',
        })),
      ),
    });
    type Found = { customerByIdentifier: { id: string } | null };
    const byEmail = async (email: string) =>
      (
        await graph.admin.data<Found, Record<string, unknown>>(
          `query($email: String!) { customerByIdentifier(type: EMAIL, value: $email) { id } }`,
          { email },
        )
      ).customerByIdentifier;
    const survivor = (await byEmail(`${survivorKey}@example.com`))!;
    const duplicate = (await byEmail(`${duplicateKey}@example.com`))!;
    await graph.admin.data(`mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { id } }`, {
      input: { customerId: duplicate.id, points: 40, reason: 'old engine balance', idempotencyKey: unique('adj') },
    });
    const balanceOf = async (id: string) =>
      (
        await graph.admin.data<{ customer: { loyalty: { balance: number } } }, Record<string, unknown>>(
          `query($id: ID!) { customer(id: $id) { loyalty { balance } } }`,
          { id },
        )
      ).customer.loyalty.balance;

    const page = await browser.newPage({ viewport: widths.desktop, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/console/#/members/${survivor.id}`);
    await page.getByRole('button', { name: 'Sign in as an admin' }).click();
    await page.getByRole('heading', { name: 'Dora Double' }).waitFor();
    const merge = page.getByRole('form', { name: 'Merge a duplicate profile into this one' });
    await merge.getByLabel('The duplicate’s email, phone or card number').fill(`${survivorKey}@example.com`);
    await merge.getByRole('button', { name: 'Find the duplicate' }).click();
    await merge.getByText('That identifier is this member’s own').waitFor();
    await merge.getByLabel('The duplicate’s email, phone or card number').fill(`${duplicateKey}@example.com`);
    await merge.getByRole('button', { name: 'Find the duplicate' }).click();
    await merge.getByText(`Merge Dora Double (${duplicateKey}@example.com, 40 points) into Dora Double?`).waitFor();
    // Nothing is merged until the confirmation is clicked, and not without a reason.
    expect((await byEmail(`${duplicateKey}@example.com`))!.id).toBe(duplicate.id);
    await merge.getByRole('button', { name: 'Merge Dora Double into Dora Double' }).click();
    await merge.getByText('Give a reason: it is recorded with your name.').waitFor();
    expect((await byEmail(`${duplicateKey}@example.com`))!.id).toBe(duplicate.id);
    await merge.getByLabel('Reason (kept in the audit log)').fill('Same person: two sign-ups');
    await capture(page, 'member-merge');
    await merge.getByRole('button', { name: 'Merge Dora Double into Dora Double' }).click();
    await merge.getByText('Dora Double is merged into Dora Double.').waitFor();
    expect((await byEmail(`${duplicateKey}@example.com`))!.id).toBe(survivor.id);
    await eventually(
      () => balanceOf(survivor.id),
      (balance) => balance === 40,
      'the merged points',
    );

    const personal = page.getByRole('form', { name: 'Personal data (GDPR)' });
    const downloading = page.waitForEvent('download');
    await personal.getByRole('button', { name: 'Download their personal data' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`personal-data-${survivor.id}.json`);
    const exported = JSON.stringify(JSON.parse(readFileSync((await download.path())!, 'utf8')));
    expect(exported).toContain(`${survivorKey}@example.com`);
    expect(exported).toContain(`${duplicateKey}@example.com`);

    await personal.getByRole('button', { name: 'Erase personal data…' }).click();
    await personal.getByText('Give a reason: it is recorded with your name.').waitFor();
    await personal.getByLabel('Reason for erasing').fill('Erasure request by email');
    await personal.getByRole('button', { name: 'Erase personal data…' }).click();
    await personal.getByText('Erase Dora Double’s personal data for good?').waitFor();
    await personal.getByRole('button', { name: 'Cancel' }).click();
    expect(await byEmail(`${survivorKey}@example.com`)).toEqual(survivor);
    await personal.getByRole('button', { name: 'Erase personal data…' }).click();
    await personal.getByRole('button', { name: 'Erase Dora Double for good' }).click();
    await page.getByRole('heading', { name: 'Erased member' }).waitFor();
    expect(await byEmail(`${survivorKey}@example.com`)).toBeNull();
    expect(await byEmail(`${duplicateKey}@example.com`)).toBeNull();
    expect(await balanceOf(survivor.id)).toBe(40);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an admin register a webhook endpoint, see a dead letter and send it again, rotate its secret and replay past events', async () => {
    // The integration: answers 503 until told otherwise.
    let answer = 503;
    const receiver: Server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(answer).end(answer === 200 ? 'ok' : 'receiver says no'));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/loyalty`;
    type Deliveries = { webhookDeliveries: { edges: Array<{ node: { status: string; replay: number } }> } };
    const deliveries = async () =>
      (
        await graph.admin.data<Deliveries, Record<string, unknown>>(
          `{ webhookDeliveries(first: 100) { edges { node { status replay } } } }`,
        )
      ).webhookDeliveries.edges.map((edge) => edge.node);
    try {
      const page = await browser.newPage({ viewport: widths.desktop });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${examples.url}/console/`);
      await page.getByRole('button', { name: 'Sign in as an admin' }).click();
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.getByText('No endpoint yet').waitFor();
      const form = page.getByRole('form', { name: 'Register an endpoint' });
      await form.getByRole('button', { name: 'Register the endpoint' }).click();
      await form.getByText('Enter an http:// or https:// address.').waitFor();
      await form.getByText('Choose at least one event type, or every event.').waitFor();
      await form.getByLabel('URL', { exact: true }).fill(receiverUrl);
      await form.getByLabel('Description (optional)').fill('CRM sync');
      await form.getByRole('button', { name: 'CustomerEnrolled', exact: true }).click();
      await form.getByRole('button', { name: 'Register the endpoint' }).click();
      const secretNotice = page.getByText(`The signing secret of ${receiverUrl}, shown this once`);
      await secretNotice.waitFor();
      const secret = (await page.locator('code.secret').textContent())!;
      const endpoint = page.locator('.job', { hasText: receiverUrl });
      await endpoint.getByText(`Gets CustomerEnrolled · signing secret whsec_…${secret.slice(-4)}`).waitFor();

      // A member enrols: the endpoint refuses every attempt, so the delivery becomes a dead letter.
      await enrollMember(graph, 'Hook');
      await eventually(deliveries, (log) => log.some((one) => one.status === 'DEAD'), 'a dead letter');
      await page.getByLabel('Status', { exact: true }).selectOption('DEAD');
      const dead = page.locator('tbody tr', { hasText: 'CustomerEnrolled' });
      await dead.getByText('HTTP 503: receiver says no').waitFor();
      await dead.getByText('3 attempts').waitFor();
      await capture(page, 'webhooks');
      answer = 200;
      await dead.getByRole('button', { name: /^Send again: CustomerEnrolled delivery / }).click();
      await page.getByText('No delivery matches.').waitFor();
      await page.getByLabel('Status', { exact: true }).selectOption('');
      await page.locator('tbody tr', { hasText: 'CustomerEnrolled' }).getByText('Delivered', { exact: true }).waitFor();

      await endpoint.getByRole('button', { name: `Disable ${receiverUrl}` }).click();
      await endpoint.getByText('Disabled', { exact: true }).waitFor();
      await endpoint.getByRole('button', { name: `Enable ${receiverUrl}` }).click();
      await endpoint.getByText('Enabled', { exact: true }).waitFor();
      await endpoint.getByRole('button', { name: `New secret ${receiverUrl}` }).click();
      await endpoint.getByText(/the previous secret also signs until/).waitFor();
      const rotated = (await page.locator('code.secret').textContent())!;
      expect(rotated).not.toBe(secret);

      await endpoint.getByRole('button', { name: `Send past events again ${receiverUrl}` }).click();
      const replay = endpoint.getByRole('form', { name: 'Send past events again' });
      await replay.getByLabel('Events of').selectOption('profile');
      await replay.getByRole('button', { name: 'Send again' }).click();
      await replay
        .getByText(/^\d+ deliveries queued \(replay 1, through event \d+\)\. That is all of them\.$/)
        .waitFor();
      const queued = Number((await replay.locator('.notice').textContent())!.match(/^\d+/)![0]);
      expect(queued).toBeGreaterThan(0);
      expect((await deliveries()).filter((one) => one.replay === 1)).toHaveLength(queued);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('lets a marketer download members and balances as files, with the rows counted', async () => {
    const page = await browser.newPage({ viewport: widths.desktop, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/console/`);
    await page.getByRole('button', { name: 'Sign in as a marketer' }).click();
    await page.getByRole('link', { name: 'Exports' }).click();
    const form = page.getByRole('form', { name: 'Download an export' });
    await form.getByLabel('Format').selectOption('csv');
    const today = new Date().toISOString().slice(0, 10);
    await form.getByLabel('From').fill(today);
    await form.getByLabel('Up to').fill(today);
    await form.getByRole('button', { name: 'Download' }).click();
    await form.getByText('“Up to” must be after “From”.').waitFor();
    await form.getByLabel('Up to').fill('');
    await form.getByLabel('From').fill('2019-01-01');
    let downloading = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Download' }).click();
    let download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^members-.+\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toMatch(/^customerId,givenName,familyName,email,/);
    expect(csv.some((line) => line.includes(member.email))).toBe(true);
    await form.getByText(`${download.suggestedFilename()} is downloaded: ${csv.length - 1} rows`).waitFor();

    // Balances are as of now: no range to choose; NDJSON, one member per line.
    await form.getByLabel('Dataset').selectOption('balances');
    expect(await form.getByLabel('From').count()).toBe(0);
    await form.getByLabel('Format').selectOption('ndjson');
    downloading = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Download' }).click();
    download = await downloading;
    const balances = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { customerId: string; balance: number });
    const mine = balances.find((row) => row.customerId === member.id);
    const { customer } = await graph.admin.data<
      { customer: { loyalty: { balance: number } } },
      Record<string, unknown>
    >(`query($id: ID!) { customer(id: $id) { loyalty { balance } } }`, { id: member.id });
    expect(mine?.balance).toBe(customer.loyalty.balance);
    await form.getByText(`${download.suggestedFilename()} is downloaded: ${balances.length} rows`).waitFor();
    await capture(page, 'exports');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a marketer set an earn rate and the tiers, define and retire a badge, and write a message in French', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${examples.url}/console/`);
    await page.getByRole('button', { name: 'Sign in as a marketer' }).click();
    await page.getByRole('link', { name: 'Program' }).click();

    const earning = page.getByRole('form', { name: 'Set an earn rate' });
    await earning.getByLabel('Currency').fill('usd');
    await earning.getByLabel('Points').fill('2');
    await earning.getByLabel('For every (USD)').fill('0');
    await earning.getByRole('button', { name: 'Save the rate' }).click();
    await earning.getByText('An amount above 0, e.g. 1.00.').waitFor();
    await earning.getByLabel('For every (USD)').fill('1.00');
    await earning.getByRole('button', { name: 'Save the rate' }).click();
    await earning.getByText(/^Saved: .+\. Purchases from now on earn at this rate\.$/).waitFor();
    type Rates = { earnRates: Array<{ currency: string; points: number; perAmount: number }> };
    expect(
      (
        await graph.admin.data<Rates, Record<string, unknown>>(`{ earnRates { currency points perAmount } }`)
      ).earnRates.find((rate) => rate.currency === 'USD'),
    ).toEqual({ currency: 'USD', points: 2, perAmount: 100 });
    await page.locator('table tr', { hasText: 'USD' }).waitFor();

    const tiers = page.getByRole('form', { name: 'Tiers' });
    await tiers.getByLabel('Qualifying window (months)').waitFor();
    for (const legend of await tiers.locator('legend').all()) {
      void legend;
      await tiers
        .getByRole('button', { name: /^Remove tier / })
        .first()
        .click();
    }
    await tiers.getByLabel('Qualifying window (months)').fill('12');
    for (const [name, points, percent] of [
      ['Member', '10', '100'],
      ['Silver', '2000', '125'],
      ['Gold', '500', '150'],
    ] as const) {
      await tiers.getByRole('button', { name: 'Add a tier' }).click();
      const row = tiers.locator('fieldset').last();
      await row.getByLabel('Name').fill(name);
      await row.getByLabel('Qualifying points').fill(points);
      await row.getByLabel('Earning (%)').fill(percent);
    }
    await tiers.getByRole('button', { name: 'Save the tiers' }).click();
    await tiers.getByText('The first tier is where every member starts: 0 points.').waitFor();
    await tiers.getByText('Each tier needs more points than the one before.').waitFor();
    await tiers.locator('fieldset').first().getByLabel('Qualifying points').fill('0');
    await tiers.locator('fieldset').last().getByLabel('Qualifying points').fill('5000');
    await tiers.getByRole('button', { name: 'Save the tiers' }).click();
    await tiers.getByText('Tiers saved.').waitFor();
    await tiers
      .getByText('Now: Member (0) → Silver (2,000) → Gold (5,000), qualifying points counted over 12 months.')
      .waitFor();
    type Program = { tierProgram: { windowMonths: number; tiers: unknown[] } };
    expect(
      (
        await graph.admin.data<Program, Record<string, unknown>>(
          `{ tierProgram { windowMonths tiers { name qualifyingPoints multiplierPercent } } }`,
        )
      ).tierProgram,
    ).toEqual({
      windowMonths: 12,
      tiers: [
        { name: 'Member', qualifyingPoints: 0, multiplierPercent: 100 },
        { name: 'Silver', qualifyingPoints: 2000, multiplierPercent: 125 },
        { name: 'Gold', qualifyingPoints: 5000, multiplierPercent: 150 },
      ],
    });

    const badgeName = `Three Visits ${unique('b').slice(-6)}`;
    const newBadge = page.getByRole('form', { name: 'Define a badge' });
    await newBadge.getByLabel('Name').fill(badgeName);
    await newBadge.getByLabel('How many').fill('3');
    await newBadge.getByLabel('Within').selectOption('MONTH');
    await newBadge.getByRole('button', { name: 'In store' }).click();
    await newBadge.getByLabel('Points on completion').fill('100');
    await newBadge.getByRole('button', { name: 'Define the badge' }).click();
    await newBadge.getByText(`${badgeName} is defined`).waitFor();
    const badgeRow = page.locator('tbody tr', { hasText: badgeName });
    await badgeRow.getByText('3 purchases · in one calendar month · In store').waitFor();
    await capture(page, 'program');
    await badgeRow.getByRole('button', { name: `Retire ${badgeName}` }).click();
    await badgeRow.getByText('Retired', { exact: true }).waitFor();
    type Badges = {
      badges: Array<{ name: string; retiredAt: string | null; rule: { count: number; period: string } }>;
    };
    const badge = (
      await graph.admin.data<Badges, Record<string, unknown>>(
        `{ badges(includeRetired: true) { name retiredAt rule { count period } } }`,
      )
    ).badges.find((one) => one.name === badgeName);
    expect(badge).toMatchObject({ rule: { count: 3, period: 'MONTH' } });
    expect(badge!.retiredAt).not.toBeNull();

    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByLabel('Message', { exact: true }).selectOption('POINTS_EARNED');
    await page.getByLabel('Language (two letters)').fill('fr');
    const french = page.getByRole('form', { name: 'Points earned · Email · fr' });
    await french.getByLabel('Subject').fill('Vos points');
    await french.getByLabel('Text').fill('Bonjour {{prenom}}');
    await french.getByText('This message has no prenom').waitFor();
    await french.getByLabel('Text').fill('Bonjour, vous avez gagné {{points}} points.');
    await french.getByRole('button', { name: 'Save the text' }).click();
    const saved = page.getByRole('form', { name: 'Points earned · Email · fr' });
    await saved.getByText(/^Set by a marketer, /).waitFor();
    type Templates = {
      notificationTemplates: Array<{ kind: string; channel: string; language: string; body: string }>;
    };
    const template = (
      await graph.admin.data<Templates, Record<string, unknown>>(
        `{ notificationTemplates { kind channel language body } }`,
      )
    ).notificationTemplates.find(
      (one) => one.kind === 'POINTS_EARNED' && one.channel === 'EMAIL' && one.language === 'fr',
    );
    expect(template?.body).toBe('Bonjour, vous avez gagné {{points}} points.');
    await capture(page, 'messages');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an admin find a member by email, see their page and adjust their points; in French too', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/console/`);
    await page.getByRole('button', { name: 'Sign in as an admin' }).click();
    // A voucher the member took in the app shows on their page.
    const { createReward } = await graph.admin.data<{ createReward: { id: string } }, Record<string, unknown>>(
      `mutation { createReward(input: { name: "Tote bag", kind: FREE_PRODUCT, costPoints: 5 }) { id } }`,
    );
    const app = await graph.as({ role: 'member', subject: member.id });
    const { redeemReward } = await app.data<{ redeemReward: { voucher: { code: string } } }, Record<string, unknown>>(
      `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { voucher { code } } }`,
      {
        input: {
          redemptionId: crypto.randomUUID(),
          rewardId: createReward.id,
          customerId: member.id,
          channel: 'MOBILE_APP',
        },
      },
    );
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Email, phone, card or id').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Find a member' }).click();
    await page.getByText('No member is known by “nobody@example.com”').waitFor();
    await page.getByLabel('Email, phone, card or id').fill(member.email);
    await page.getByRole('button', { name: 'Find a member' }).click();
    await page.getByRole('heading', { name: 'Wendy Weekend' }).waitFor();
    const balance = page.locator('.stat', { hasText: 'Balance' }).locator('dd').first();
    const before = Number((await balance.textContent())!.replace(/\D/g, ''));
    await page
      .getByText(/Bought £25\.00, earned \d+ points/)
      .first()
      .waitFor();

    const voucherRow = page.getByRole('region', { name: 'Vouchers' }).locator('tr', { hasText: 'Tote bag' });
    await voucherRow.getByText(redeemReward.voucher.code).waitFor();
    await voucherRow.getByText('Can be used').waitFor();

    // Zero points and no reason: refused in the form, nothing sent.
    await page.getByRole('button', { name: 'Adjust', exact: true }).click();
    await page.getByText('Enter a whole number of points other than 0.').waitFor();
    await page.getByLabel('Points', { exact: true }).fill('25');
    await page.getByLabel('Reason', { exact: true }).fill('Goodwill: late delivery');
    await page.getByRole('button', { name: 'Adjust', exact: true }).click();
    await page.getByText(`Adjusted by 25 points: the balance is now ${before + 25}.`).waitFor();
    await balance.getByText(String(before + 25)).waitFor();
    await capture(page, 'member');

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Campagnes' }).waitFor();
    await page.getByRole('heading', { name: 'Points et niveau' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    await capture(page, 'member-fr');
    expect(errors).toEqual([]);
    await page.close();
  });
});
