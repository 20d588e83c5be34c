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

describe('the example wallet and dashboard in a browser', () => {
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
    await graph.admin.data(
      `mutation { createReward(input: { name: "Flat white", kind: FREE_PRODUCT, costPoints: 29 }) { id } }`,
    );
    await graph.admin.data(`mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`, {
      input: { givenName: 'Wanda', familyName: 'Wallet', email, phone, channel: 'ONLINE' },
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

  it('shows a purchase recorded at a till in the open wallet without a reload, then redeems a voucher the till takes', async () => {
    const context = await browser.newContext();
    const wallet = await context.newPage();
    const errors: string[] = [];
    wallet.on('pageerror', (error) => errors.push(error.message));

    await wallet.goto(`${examples.url}/wallet/`);
    await wallet.fill('#email', email);
    await wallet.click('#sign-in button');
    await expectText(wallet, '#name', 'Wanda Wallet');
    await expectText(wallet, '#balance', /^0 points$/);
    await wallet.locator('#live-status').getByText('live').waitFor();
    // Campaigns are offers; the base earn rates are not.
    await expectText(wallet, '#offers', 'Review reward');
    expect(await wallet.textContent('#offers')).not.toContain('Earn 1 point per');

    // A till in london-1 records the sale (the till app itself is test/browser/pos.test.ts).
    const till = await graph.as({ role: 'associate', subject: 'pos-london-1', storeId: 'london-1' });
    const { customerByIdentifier } = await till.data<{ customerByIdentifier: { id: string } }, Record<string, unknown>>(
      `query($phone: String!) { customerByIdentifier(type: PHONE, value: $phone) { id } }`,
      { phone },
    );
    const receiptNumber = unique('receipt');
    await till.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
      input: {
        customerId: customerByIdentifier.id,
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

    // The wallet page was never reloaded: the balance arrives over the subscription.
    await expectText(wallet, '#balance', /^30 points$/);
    await wallet.locator('#history li').first().getByText('Earned 30 points — purchase in store').waitFor();

    await wallet.click('#rewards button');
    await wallet.locator('#voucher').getByText('show code').waitFor();
    const code = /code (\S+) at/.exec((await wallet.textContent('#voucher')) ?? '')?.[1];
    expect(code).toBeDefined();
    await expectText(wallet, '#balance', /^1 point$/);
    await wallet.locator('#history li').first().getByText('Redeemed 29 points — Flat white').waitFor();
    const history = (await wallet.textContent('#history')) ?? '';
    expect(history).not.toContain(receiptNumber);
    expect(history).not.toMatch(/\(IN_STORE\)|pts/);
    await wallet.screenshot({ path: path.join(screenshots, `wallet-${testDatabaseKind()}.png`), fullPage: true });

    const { consumeVoucher } = await till.data<{ consumeVoucher: { status: string } }, Record<string, unknown>>(
      `mutation($input: ConsumeVoucherInput!) { consumeVoucher(input: $input) { status } }`,
      { input: { code, channel: 'IN_STORE', orderReference: receiptNumber } },
    );
    expect(consumeVoucher.status).toBe('CONSUMED');
    expect(errors).toEqual([]);
    await context.close();
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
