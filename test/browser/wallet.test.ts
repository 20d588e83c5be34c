import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page, type WebSocketRoute } from 'playwright-core';
import { qrCode, qrPath } from '../../apps/ui/qrCode';
import { startExampleServer, type RunningExampleServer } from '../../examples/server/exampleServer';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { projectRoot } from '../../runtime/config/projectRoot';
import { findChromium, localHost } from '../../scripts/ensureChromium';
import { purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { setTierProgram } from '../support/ledger';
import { testDatabaseKind } from '../support/testDatabase';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';
import { expectAccessible, pageCapture, screenshots, widths } from './pageChecks';

const capture = pageCapture('wallet', 'phone');

const chromiumPath = findChromium(localHost);
const walletBundle = path.join(projectRoot(), 'dist/apps/wallet/index.html');

describe('the member wallet in a browser', () => {
  let graph: TestGraph;
  let examples: RunningExampleServer;
  let browser: Browser;
  let till: GraphClient;
  const email = `${unique('wanda')}@example.com`;
  let member: { id: string; card: { number: string; scanPayload: string } };

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH');
    if (!existsSync(walletBundle)) throw new Error('No wallet bundle: run `npm run build` (scripts/buildApps.ts)');
    graph = await startTestGraph();
    await setEarnRate(graph, 'GBP');
    await graph.admin.data(`mutation { setCampaignProgram(input: { timeZone: "UTC", currency: "GBP" }) { currency } }`);
    await setTierProgram(graph, 12, [
      { name: 'Member', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 100 },
    ]);
    const { createCampaign } = await graph.admin.data<{ createCampaign: { id: string } }, Record<string, unknown>>(
      `mutation { createCampaign(input: { name: "Review reward", trigger: ACTIVITY, activityKind: PRODUCT_REVIEW, reward: { kind: FIXED_BONUS, points: 25 } }) { id } }`,
    );
    await graph.admin.data(`mutation($id: ID!) { scheduleCampaign(id: $id) { id } }`, { id: createCampaign.id });
    // 29 of the first sale's 30 points; the tote bag stays out of reach.
    await graph.admin.data(
      `mutation { createReward(input: { name: "Flat white", kind: FREE_PRODUCT, costPoints: 29 }) { id } }`,
    );
    await graph.admin.data(
      `mutation { createReward(input: { name: "Tote bag", kind: FREE_PRODUCT, costPoints: 500 }) { id } }`,
    );
    const { enrollCustomer } = await graph.admin.data<
      { enrollCustomer: { id: string; memberCard: { number: string; scanPayload: string } } },
      Record<string, unknown>
    >(
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id memberCard { number scanPayload } } }`,
      { input: { givenName: 'Wanda', familyName: 'Wallet', email, channel: 'ONLINE' } },
    );
    member = { id: enrollCustomer.id, card: enrollCustomer.memberCard };
    till = await graph.as({ role: 'associate', subject: 'ana@london-1', storeId: 'london-1' });
    examples = await startExampleServer({ gatewayUrl: graph.url, wsUrl: graph.wsUrl, auth: developmentAuthConfig() });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await examples?.stop();
    await graph?.stop();
  });

  /** A purchase rung up at the London till, through the graph with the associate's token. */
  async function buyAtTheTill(pounds: number): Promise<void> {
    await till.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
      input: purchaseInput(member.id, {
        storeId: 'london-1',
        currency: 'GBP',
        lines: [{ sku: 'COFFEE-BEANS', quantity: 1, unitPrice: pounds * 100 }],
      }),
    });
  }

  /**
   * The wallet in a new page whose WebSocket to the gateway the test can cut: `drop()` closes it
   * as a lost network would and refuses reconnections until `restore()`.
   */
  async function openWallet(): Promise<{ page: Page; errors: string[]; drop(): void; restore(): void }> {
    const page = await browser.newPage({ viewport: widths.phone });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const sockets = new Set<WebSocketRoute>();
    let cut = false;
    await page.routeWebSocket(graph.wsUrl, (socket) => {
      // 1013, try again later: graphql-ws retries, as it would after a network drop.
      if (cut) {
        void socket.close({ code: 1013, reason: 'network down' });
        return;
      }
      socket.connectToServer();
      sockets.add(socket);
    });
    await page.goto(`${examples.url}/wallet/`);
    return {
      page,
      errors,
      drop() {
        cut = true;
        for (const socket of sockets) void socket.close({ code: 1013, reason: 'network down' });
        sockets.clear();
      },
      restore() {
        cut = false;
      },
    };
  }

  async function signIn(page: Page): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Wanda Wallet' }).waitFor();
  }

  const liveStatus = (page: Page) => page.locator('.live-status');

  it('shows a signed-in member their points, tier, rewards and a card the till can scan', async () => {
    const { page, errors } = await openWallet();
    await expectAccessible(page, 'sign-in');
    await page.screenshot({ path: path.join(screenshots, `wallet-sign-in-phone-${testDatabaseKind()}.png`) });
    await signIn(page);
    await expectText(page, '[data-testid=balance]', /^0 points$/);
    await expectText(page, '[data-testid=tier]', 'Member');
    await expectText(page, '[data-testid=next-tier]', '100 points to Silver');
    await liveStatus(page).getByText('Live', { exact: true }).waitFor();

    // The card: a QR code named by its number for screen readers, drawn from the scan payload.
    const grouped = member.card.number.replace(/(.{4})(?=.)/g, '$1 ');
    const qr = page.getByRole('img', { name: `QR code of your member card, number ${grouped}` });
    await qr.waitFor();
    expect(await qr.getAttribute('data-payload')).toBe(member.card.scanPayload);
    expect(await qr.locator('path').getAttribute('d')).toBe(qrPath(qrCode(member.card.scanPayload)));
    await expectText(page, '[data-testid=card-number]', grouped);
    // What a till's scanner reads finds this member.
    const { customerByIdentifier } = await till.data<
      { customerByIdentifier: { id: string } | null },
      { payload: string }
    >(`query($payload: String!) { customerByIdentifier(type: MEMBER_CARD, value: $payload) { id } }`, {
      payload: member.card.scanPayload,
    });
    expect(customerByIdentifier?.id).toBe(member.id);

    // Nothing affordable yet: how far each reward is. Campaigns are offers; base earn rates are not.
    await expectText(page, '[data-testid=rewards-later]', 'Flat white');
    await expectText(page, '[data-testid=rewards-later]', '29 points to go');
    await expectText(page, '[data-testid=offers]', 'Review reward');
    expect(await page.textContent('[data-testid=offers]')).not.toContain('Earn 1 point per');
    await capture(page, 'new-member');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a purchase made at the till in the open wallet without a reload, then redeems a reward', async () => {
    const { page, errors } = await openWallet();
    await signIn(page);
    await liveStatus(page).getByText('Live', { exact: true }).waitFor();
    await expectText(page, '[data-testid=balance]', /^0 points$/);

    await buyAtTheTill(30);
    await expectText(page, '[data-testid=balance]', /^30 points$/);
    await page.locator('[data-testid=history] li').first().getByText('Earned 30 points — purchase').waitFor();
    await expectText(page, '[data-testid=next-tier]', '70 points to Silver');
    // Flat white is affordable now; the tote bag says how many points are missing.
    await page.getByRole('button', { name: 'Redeem Flat white' }).waitFor();
    await expectText(page, '[data-testid=rewards-later]', '470 points to go');
    await capture(page, 'after-purchase');

    await page.getByRole('button', { name: 'Redeem Flat white' }).click();
    await expectText(page, '[data-testid=voucher]', /^Flat white: show code \S+ at the till\.$/);
    await expectText(page, '[data-testid=balance]', /^1 point$/);
    await page.locator('[data-testid=history] li').first().getByText('Redeemed 29 points — Flat white').waitFor();
    const history = (await page.textContent('[data-testid=history]')) ?? '';
    expect(history).not.toMatch(/\(IN_STORE\)|pts|pos-/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says it is reconnecting while the connection is down, and catches up when it is back', async () => {
    const { page, errors, drop, restore } = await openWallet();
    await signIn(page);
    await liveStatus(page).getByText('Live', { exact: true }).waitFor();
    const before = (await page.textContent('[data-testid=balance]')) ?? '';

    drop();
    await liveStatus(page).getByText('Reconnecting…', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(screenshots, `wallet-reconnecting-phone-${testDatabaseKind()}.png`) });
    await expectAccessible(page, 'reconnecting');
    // A purchase while the wallet is cut off: it arrives once the socket is back, from the last event seen.
    await buyAtTheTill(10);
    expect(await page.textContent('[data-testid=balance]')).toBe(before);

    restore();
    await liveStatus(page).getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
    await expectText(page, '[data-testid=balance]', /^11 points$/);
    await page.locator('[data-testid=history] li').first().getByText('Earned 10 points — purchase').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sets points aside to pay at a till, shows them as a code the till takes, and says Paid with the lower balance', async () => {
    // 100 points pay £1.00, at least 100, at most half a basket, in tens; 1,000 points to pay with.
    await graph.admin.data(
      `mutation($input: SetPointsPaymentRateInput!) { setPointsPaymentRate(input: $input) { currency } }`,
      {
        input: { currency: 'GBP', points: 100, perAmount: 100, minPoints: 100, maxSharePercent: 50, pointsStep: 10 },
      },
    );
    await graph.admin.data(`mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { id } }`, {
      input: { customerId: member.id, points: 1000, reason: 'Welcome gift' },
    });
    const { page, errors } = await openWallet();
    await signIn(page);
    await expectText(page, '[data-testid=balance]', /^1,011 points$/);
    const pay = page.getByRole('region', { name: 'Pay with points' });

    // A basket of £20.00: half of it, £10.00, is what points may pay; the member uses 600.
    await pay.getByLabel('Basket total (GBP)').fill('20.00');
    await expectText(page, '[data-testid=pay-quote]', 'Your points can pay up to £10.00 of £20.00: 1,000 points.');
    await pay.getByLabel('Points to use').fill('605');
    await pay.getByRole('button', { name: 'Set aside 605 points' }).click();
    await pay.getByText('In steps of 10 points.').waitFor();
    await pay.getByLabel('Points to use').fill('600');
    await expectText(page, '[data-testid=pay-split]', '600 points pay £6.00; £14.00 left to pay at the till.');
    await capture(page, 'pay-quote');
    // A double tap holds once: the attempt's key answers the same hold.
    await pay.getByRole('button', { name: 'Set aside 600 points' }).dblclick();
    await pay.getByText('Ready for the till').waitFor();
    const holdId = (await pay.getByTestId('hold-code').textContent()) ?? '';
    const qr = pay.getByRole('img', { name: 'QR code to pay £6.00 with 600 points' });
    expect(await qr.getAttribute('data-payload')).toBe(`loyaltygraph:hold:${holdId}`);
    expect(await qr.locator('path').getAttribute('d')).toBe(qrPath(qrCode(`loyaltygraph:hold:${holdId}`)));
    await expectText(page, '[data-testid=hold-countdown]', /^Expires in 1[45]:\d\d$/);
    await expectText(page, '[data-testid=balance]', /^411 points$/);
    await expectText(page, '[data-testid=held]', '600 points set aside to pay at a till');
    const { customer } = await graph.admin.data<
      { customer: { loyalty: { holds: { edges: { node: { id: string } }[] } } } },
      Record<string, unknown>
    >(`query($id: ID!) { customer(id: $id) { loyalty { holds(statuses: [HELD]) { edges { node { id } } } } } }`, {
      id: member.id,
    });
    expect(customer.loyalty.holds.edges.map((edge) => edge.node.id)).toEqual([holdId]);
    await page
      .locator('[data-testid=history] li')
      .first()
      .getByText('Used 600 points — paying £6.00 at the till')
      .waitFor();
    await capture(page, 'pay-held');

    // A reload shows the open hold again.
    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Wanda Wallet' }).waitFor();
    expect(await pay.getByTestId('hold-code').textContent()).toBe(holdId);

    // The till in London reads the code and records the £20.00 basket with it: £14.00 in cash earns 14.
    const { pointsHold } = await till.data<{ pointsHold: { points: number; amount: number } }, { id: string }>(
      `query($id: ID!) { pointsHold(id: $id) { points amount } }`,
      { id: holdId },
    );
    expect(pointsHold).toEqual({ points: 600, amount: 600 });
    await till.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
      input: purchaseInput(member.id, {
        storeId: 'london-1',
        currency: 'GBP',
        lines: [{ sku: 'TEAPOT', quantity: 1, unitPrice: 2000 }],
        pointsPayment: { holdId },
      }),
    });
    // Read again within a few seconds: paid, and the balance lower by the points it used.
    await expectText(page, '[data-testid=hold-outcome]', 'Paid: 600 points paid £6.00 at the till.');
    await pay.getByText('Paid', { exact: true }).waitFor();
    await expectText(page, '[data-testid=balance]', /^425 points$/);
    expect(await page.locator('[data-testid=held]').count()).toBe(0);
    await page.locator('[data-testid=history] li').first().getByText('Earned 14 points — purchase').waitFor();
    await capture(page, 'pay-paid');

    // Again, then cancelled: the points come back.
    await pay.getByRole('button', { name: 'Pay with points again' }).click();
    await pay.getByLabel('Basket total (GBP)').fill('4');
    await expectText(page, '[data-testid=pay-quote]', 'Your points can pay up to £2.00 of £4.00: 200 points.');
    await pay.getByRole('button', { name: 'Set aside 200 points' }).click();
    await expectText(page, '[data-testid=balance]', /^225 points$/);
    await pay.getByRole('button', { name: 'Cancel and give the points back' }).click();
    await expectText(page, '[data-testid=hold-outcome]', 'Cancelled: the 200 points are back in your balance.');
    await expectText(page, '[data-testid=balance]', /^425 points$/);
    await page
      .locator('[data-testid=history] li')
      .first()
      .getByText('Given back 200 points — payment with points cancelled')
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks French', async () => {
    const { page, errors } = await openWallet();
    await signIn(page);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Bonjour, Wanda Wallet' }).waitFor();
    await page.getByRole('heading', { name: 'Vos points', exact: true }).waitFor();
    await expectText(page, '[data-testid=balance]', /^425 points$/);
    await liveStatus(page).getByText('En direct', { exact: true }).waitFor();
    await page.getByRole('img', { name: /^QR code de votre carte de membre, numéro / }).waitFor();
    await page
      .locator('[data-testid=history] li')
      .first()
      .getByText('200 points rendus — paiement par points annulé')
      .waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await capture(page, 'fr');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a stamp card as its stamps, cashback as money with its expiry, a card shared with a household, and each one’s history', async () => {
    // Wallets besides points (issue 29), defined by a marketer: 3 stamps fill a card worth 100 points.
    const marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    const define = `mutation($input: DefineWalletInput!) { defineWallet(input: $input) { code } }`;
    await marketer.data(define, {
      input: {
        code: 'COFFEE_CARD',
        kind: 'STAMPS',
        name: 'Coffee card',
        stampsPerPurchase: 1,
        minPurchaseAmount: 500,
        stampsPerCard: 3,
        cardRewardPoints: 100,
        maxHouseholdMembers: 2,
      },
    });
    await marketer.data(define, {
      input: {
        code: 'CASHBACK',
        kind: 'CASHBACK',
        name: 'Cashback',
        currency: 'GBP',
        cashbackBasisPoints: 500,
        expiryDays: 365,
      },
    });
    // Her partner earns into Wanda's coffee card.
    const { enrollCustomer: partner } = await graph.admin.data<
      { enrollCustomer: { id: string } },
      Record<string, unknown>
    >(`mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`, {
      input: { givenName: 'Walt', familyName: 'Wallet', email: `${unique('walt')}@example.com`, channel: 'ONLINE' },
    });
    await till.data(`mutation($input: JoinWalletHouseholdInput!) { joinWalletHousehold(input: $input) { memberId } }`, {
      input: { wallet: 'COFFEE_CARD', ownerId: member.id, memberId: partner.id },
    });
    await buyAtTheTill(6);
    await till.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
      input: purchaseInput(partner.id, {
        storeId: 'london-1',
        currency: 'GBP',
        lines: [{ sku: 'FLAT-WHITE', quantity: 1, unitPrice: 500 }],
      }),
    });

    const { page, errors } = await openWallet();
    await signIn(page);
    const coffee = page.getByTestId('wallet-COFFEE_CARD');
    await coffee.getByRole('img', { name: '2 of 3 stamps' }).waitFor();
    await expectText(page, '[data-testid=wallet-COFFEE_CARD]', '2 of 3 — 1 more for 100 points');
    await expectText(
      page,
      '[data-testid=wallet-COFFEE_CARD]',
      'Shared with 1 household member: their purchases earn into it too.',
    );
    expect(await coffee.locator('.stamp-filled').count()).toBe(2);
    // 5% of £6.00, usable a year.
    await expectText(page, '[data-testid=wallet-CASHBACK]', /^£0\.30$/);
    await expectText(page, '[data-testid=wallet-CASHBACK]', /^£0\.30 expires on /);

    await page.getByRole('button', { name: 'Show its history: Coffee card' }).click();
    const history = page.getByTestId('wallet-history-COFFEE_CARD');
    await history
      .locator('li')
      .first()
      .getByText(/^Earned 1 stamp — a household member’s purchase on /)
      .waitFor();
    await history
      .locator('li')
      .nth(1)
      .getByText(/^Earned 1 stamp — purchase on /)
      .waitFor();
    expect(await history.textContent()).not.toMatch(/pos-|Purchase /);
    await capture(page, 'wallets');
    expect(errors).toEqual([]);
    await page.close();
  });
});

async function expectText(page: Page, selector: string, text: string | RegExp): Promise<void> {
  try {
    await page.locator(selector).getByText(text).waitFor({ timeout: 10_000 });
  } catch {
    const shown = await page.textContent(selector).catch(() => null);
    const alert = await page
      .locator('[role=alert]')
      .allTextContents()
      .catch(() => []);
    throw new Error(`${selector} shows "${shown}", not "${text}"; the page's alerts: ${JSON.stringify(alert)}`);
  }
}
