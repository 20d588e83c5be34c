import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { startExampleServer, type RunningExampleServer } from '../../examples/server/exampleServer';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { findChromium, localHost } from '../../scripts/ensureChromium';
import { setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type TestGraph } from '../support/testGraph';
import { pageCapture, widths } from './pageChecks';

/** CHROMIUM_PATH, or Debian's `chromium` on PATH (`npm test` installs it first when it may). */
const chromiumPath = findChromium(localHost);
const capture = pageCapture('console', 'desktop');

// The console's home (the program dashboard), over a sale and a redemption made through the graph as
// the till and the wallet make them (their own tests are pos.test.ts and wallet.test.ts).
describe("the console's home in a browser", () => {
  let graph: TestGraph;
  let examples: RunningExampleServer;
  let browser: Browser;
  const phone = `+4420794${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
  const email = `${unique('wallet')}@example.com`;

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH');
    graph = await startTestGraph();
    // A British program, as the demo's: it earns in pounds and in euros, and counts in pounds.
    await setEarnRate(graph, 'GBP');
    await setEarnRate(graph, 'EUR');
    await graph.admin.data(`mutation { setCampaignProgram(input: { timeZone: "UTC", currency: "GBP" }) { currency } }`);
    const { createCampaign } = await graph.admin.data<{ createCampaign: { id: string } }, Record<string, unknown>>(
      `mutation { createCampaign(input: { name: "Review reward", trigger: ACTIVITY, activityKind: PRODUCT_REVIEW, reward: { kind: FIXED_BONUS, points: 25 } }) { id } }`,
    );
    await graph.admin.data(`mutation($id: ID!) { scheduleCampaign(id: $id) { id } }`, { id: createCampaign.id });
    // 29 of the sale's 30 points: one point is left.
    const { createReward } = await graph.admin.data<{ createReward: { id: string } }, Record<string, unknown>>(
      `mutation { createReward(input: { name: "Flat white", kind: FREE_PRODUCT, costPoints: 29 }) { id } }`,
    );
    const { enrollCustomer } = await graph.admin.data<{ enrollCustomer: { id: string } }, Record<string, unknown>>(
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
      { input: { givenName: 'Wanda', familyName: 'Wallet', email, phone, channel: 'ONLINE' } },
    );
    const customerId = enrollCustomer.id;
    // A till in london-1 records a £30 sale; the member redeems 29 of its points in the app; the till takes the voucher.
    const till = await graph.as({ role: 'associate', subject: 'pos-london-1', storeId: 'london-1' });
    const receiptNumber = unique('receipt');
    await till.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
      input: {
        customerId,
        channel: 'IN_STORE',
        storeId: 'london-1',
        externalOrderId: receiptNumber,
        currency: 'GBP',
        lines: [
          { sku: 'COFFEE-BEANS', quantity: 1, unitPrice: 2500 },
          { sku: 'CROISSANT', quantity: 2, unitPrice: 250 },
        ],
      },
    });
    const member = await graph.as({ role: 'member', subject: customerId });
    const { redeemReward } = await member.data<
      { redeemReward: { voucher: { code: string } } },
      Record<string, unknown>
    >(`mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { voucher { code } } }`, {
      input: { redemptionId: randomUUID(), rewardId: createReward.id, customerId, channel: 'MOBILE_APP' },
    });
    await till.data(`mutation($input: ConsumeVoucherInput!) { consumeVoucher(input: $input) { status } }`, {
      input: { code: redeemReward.voucher.code, channel: 'IN_STORE', orderReference: receiptNumber },
    });
    examples = await startExampleServer({
      gatewayUrl: graph.url,
      wsUrl: graph.wsUrl,
      auth: developmentAuthConfig(),
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await examples?.stop();
    await graph?.stop();
  });

  it("shows the program's figures on the console's home, including that sale and redemption, one currency at a time", async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The old dashboard address leads to the console, whose home is the dashboard.
    await page.goto(`${examples.url}/dashboard/`);
    await page.getByRole('button', { name: 'Sign in as a marketer' }).click();
    await page.getByRole('heading', { name: 'Programme at a glance' }).waitFor();
    const stat = (card: string, label: string) =>
      page
        .locator('section.card', { has: page.getByRole('heading', { name: card, exact: true }) })
        .locator('.stat', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
        .locator('dd')
        .first();
    const expectStat = async (card: string, label: string, value: string) => {
      const exactly = new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}$`);
      await stat(card, label).filter({ hasText: exactly }).waitFor({ timeout: 10_000 });
    };
    // One member bought once (+30 points at a till) and redeemed 29 of them, this week.
    await expectStat('Members', 'Bought in the range', '1');
    await expectStat('Points', 'Issued', '30');
    await expectStat('Points', 'Redemption rate', '96.7%');
    await expectStat('Sales', 'Net spend', '£30.00');
    await expectStat('Net Promoter Score', 'Overall', 'no answers');
    await page.getByRole('figure', { name: 'Net spend by channel' }).getByText('In store').waitFor();
    await page
      .locator('section.card', { hasText: 'Segments: what their members bought' })
      .getByText('Single-channel shoppers')
      .waitFor();
    await page.locator('section.card', { hasText: 'Campaigns' }).getByRole('link', { name: 'Review reward' }).waitFor();
    const weekly = page.getByRole('figure', { name: 'Net spend, the last 12 weeks' });
    await weekly.locator('.bar-row').nth(11).waitFor();
    expect(await weekly.locator('.bar-row').count()).toBe(12);
    await weekly.locator('.bar-row').last().getByText('£30.00 · 30 points issued').waitFor();
    expect(await page.getByLabel('Counted in').inputValue()).toBe('GBP');
    const shown = (await page.locator('main').textContent()) ?? '';
    expect(shown).toContain('£');
    expect(shown).not.toMatch(/€|\$/);
    await capture(page, 'home');

    // In euros, nothing in pounds: the campaigns' money, counted in pounds, is said to be.
    await page.getByLabel('Counted in').selectOption('EUR');
    await expectStat('Sales', 'Net spend', '€0.00');
    await page.getByText('Campaign money counts in GBP, the programme’s currency.').waitFor();
    await weekly
      .locator('.bar-row')
      .last()
      .getByText(/^€0\.00 · \d+ points issued$/)
      .waitFor();
    expect((await page.locator('main').textContent()) ?? '').not.toContain('£');
    expect(errors).toEqual([]);
    await page.close();
  });
});
