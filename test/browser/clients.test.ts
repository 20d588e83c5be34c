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

describe('the example wallet, POS console and dashboard in a browser', () => {
  let graph: TestGraph;
  let examples: RunningExampleServer;
  let browser: Browser;
  const phone = `+4420794${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
  const email = `${unique('wallet')}@example.com`;

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH');
    graph = await startTestGraph();
    await setEarnRate(graph);
    await graph.admin.data(
      `mutation { createReward(input: { name: "Flat white", kind: FREE_PRODUCT, costPoints: 20 }) { id } }`,
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

  it('shows a purchase recorded at the POS in the open wallet without a reload, then redeems and uses a voucher', async () => {
    const context = await browser.newContext();
    const wallet = await context.newPage();
    const pos = await context.newPage();
    const errors: string[] = [];
    for (const page of [wallet, pos]) page.on('pageerror', (error) => errors.push(error.message));

    await wallet.goto(`${examples.url}/wallet/`);
    await wallet.fill('#email', email);
    await wallet.click('#sign-in button');
    await expectText(wallet, '#name', 'Wanda Wallet');
    await expectText(wallet, '#balance', '0 pts');
    await wallet.locator('#live-status').getByText('live').waitFor();

    await pos.goto(`${examples.url}/pos/?store=berlin-1`);
    await pos.fill('#identifier', phone);
    await pos.click('#find button');
    await expectText(pos, '#name', 'Wanda Wallet');
    await pos.click('#add-line');
    const second = pos.locator('#lines tr').nth(1);
    await second.locator('input[name=sku]').fill('CROISSANT');
    await second.locator('input[name=quantity]').fill('2');
    await second.locator('input[name=unitPrice]').fill('250');
    await pos.click('#purchase button[type=submit]');
    await expectText(pos, '#receipt', '+30 points');
    await pos.screenshot({ path: path.join(screenshots, `pos-${testDatabaseKind()}.png`) });

    // The wallet page was never reloaded: the balance arrives over the subscription.
    await expectText(wallet, '#balance', '30 pts');
    await wallet.locator('#history li').first().getByText('+30').waitFor();
    await wallet.screenshot({
      path: path.join(screenshots, `wallet-${testDatabaseKind()}.png`),
    });

    await wallet.click('#rewards button');
    await wallet.locator('#voucher').getByText('show code').waitFor();
    const code = /code (\S+) at/.exec((await wallet.textContent('#voucher')) ?? '')?.[1];
    expect(code).toBeDefined();
    await expectText(wallet, '#balance', '10 pts');

    await pos.fill('#voucher-code', code!);
    await pos.click('#voucher button');
    await expectText(pos, '#voucher-result', 'Flat white: CONSUMED');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the program's figures, including that sale and redemption, on the dashboard", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/dashboard/`);
    // One member bought once (+30 points at the POS) and redeemed 20 of them, this week.
    await expectText(page, '#tiles', 'Active members1');
    await expectText(page, '#tiles', 'Points issued30');
    await expectText(page, '#tiles', 'Redemption rate66.7%');
    await expectText(page, '#channels', 'IN_STORE');
    await expectText(page, '#tiles', 'NPSno answers');
    await expectText(page, '#segments', 'Single-channel shoppers');
    expect(await page.locator('#spend-chart svg rect.bar').count()).toBe(12);
    await page.screenshot({ path: path.join(screenshots, `dashboard-${testDatabaseKind()}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  try {
    await page.locator(selector).getByText(text).waitFor({ timeout: 10_000 });
  } catch {
    const shown = await page.textContent(selector);
    throw new Error(
      `${selector} shows "${shown}", not "${text}"; the page's error: "${await page.textContent('#error')}"`,
    );
  }
}
