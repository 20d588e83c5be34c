import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startExampleServer, type RunningExampleServer } from '../../examples/server/exampleServer';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { projectRoot } from '../../runtime/config/projectRoot';
import { findChromium, localHost } from '../../scripts/ensureChromium';
import { setEarnRate, unique } from '../support/fixtures';
import { testDatabaseKind } from '../support/testDatabase';
import { startTestGraph, type TestGraph } from '../support/testGraph';

/** CHROMIUM_PATH, or Debian's `chromium` on PATH (`npm test` installs it first when it may). */
const chromiumPath = findChromium(localHost);
const screenshots = path.join(projectRoot(), 'test-results/screenshots');

// The member wallet, the till and the console have their own tests (wallet, pos and console.test.ts);
// here the example dashboard, over a sale and a redemption made through the graph as those apps make them.
describe('the example dashboard in a browser', () => {
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
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await examples?.stop();
    await graph?.stop();
  });

  it("shows the program's figures, including that sale and redemption, in the program's currency only", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/dashboard/`);
    // One member bought once (+30 points at a till) and redeemed 29 of them, this week.
    await expectText(page, '#tiles', 'Active members1');
    await expectText(page, '#tiles', 'Points issued30');
    await expectText(page, '#tiles', 'Redemption rate96.7%');
    await expectText(page, '#tiles', 'Net spend£30.00');
    await expectText(page, '#channels', 'In store');
    await expectText(page, '#tiles', 'NPSno answers');
    await expectText(page, '#segments', 'Single-channel shoppers');
    await expectText(page, '#campaigns', 'Review reward');
    expect(await page.inputValue('#currency')).toBe('GBP');
    expect(await page.locator('#spend-chart svg rect.bar').count()).toBe(12);
    const shown = (await page.textContent('#dashboard')) ?? '';
    expect(shown).toContain('£');
    expect(shown).not.toMatch(/€|\$/);
    await page.screenshot({ path: path.join(screenshots, `dashboard-${testDatabaseKind()}.png`), fullPage: true });

    // In euros, nothing in pounds: the campaigns' money, counted in pounds, stays out.
    await page.selectOption('#currency', 'EUR');
    await page.click('#range button');
    await expectText(page, '#tiles', 'Net spend€0.00');
    await expectText(page, '#campaigns-currency', 'count in GBP');
    expect((await page.textContent('#dashboard')) ?? '').not.toContain('£');
    expect(errors).toEqual([]);
    await page.close();
  });
});

async function expectText(page: Page, selector: string, text: string | RegExp): Promise<void> {
  try {
    await page.locator(selector).getByText(text).waitFor({ timeout: 10_000 });
  } catch {
    const shown = await page.textContent(selector);
    throw new Error(
      `${selector} shows "${shown}", not "${text}"; the page's error: "${await page.textContent('#error')}"`,
    );
  }
}
