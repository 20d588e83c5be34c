import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startExampleServer, type RunningExampleServer } from '../../examples/server/exampleServer';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { projectRoot } from '../../runtime/config/projectRoot';
import { findChromium, localHost } from '../../scripts/ensureChromium';
import { setEarnRate, unique } from '../support/fixtures';
import { setTierProgram } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';
import { pageCapture, widths } from './pageChecks';

const capture = pageCapture('pos', 'desktop');

const chromiumPath = findChromium(localHost);
const tillBundle = path.join(projectRoot(), 'dist/apps/pos/index.html');

interface Loyalty {
  balance: number;
  held: number;
  history: { edges: Array<{ node: { kind: string; points: number } }> };
}

describe('the till (apps/pos) in a browser', () => {
  let graph: TestGraph;
  let examples: RunningExampleServer;
  let browser: Browser;
  let ada: { id: string };
  let grace: { id: string };
  const graceEmail = `${unique('grace')}@example.com`;
  const email = `${unique('ada')}@example.com`;
  const phone = `+4420794${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH');
    if (!existsSync(tillBundle)) throw new Error('No till bundle: run `npm run build` (scripts/buildApps.ts)');
    graph = await startTestGraph();
    // A British program, as the demo's: one point per pound, prices in pounds.
    await setEarnRate(graph, 'GBP');
    await graph.admin.data(`mutation { setCampaignProgram(input: { timeZone: "UTC", currency: "GBP" }) { currency } }`);
    // The sale's 30 points leave Ada 70 qualifying points short of Silver.
    await setTierProgram(graph, 12, [
      { name: 'Bronze', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 100 },
    ]);
    // 29 of the sale's 30 points: redeemed at the till, then used on the same sale.
    await graph.admin.data(
      `mutation { createReward(input: { name: "Flat white", kind: FREE_PRODUCT, costPoints: 29 }) { id } }`,
    );
    ({ enrollCustomer: ada } = await graph.admin.data<{ enrollCustomer: { id: string } }, Record<string, unknown>>(
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
      { input: { givenName: 'Ada', familyName: 'Lovelace', email, phone, channel: 'ONLINE' } },
    ));
    // Points pay for baskets (issue 29): 100 points pay £1.00, at least 10, at most half a basket, in tens.
    await graph.admin.data(
      `mutation($input: SetPointsPaymentRateInput!) { setPointsPaymentRate(input: $input) { currency } }`,
      {
        input: { currency: 'GBP', points: 100, perAmount: 100, minPoints: 10, maxSharePercent: 50, pointsStep: 10 },
      },
    );
    // Grace has 500 points to pay with (and to redeem the flat white for).
    ({ enrollCustomer: grace } = await graph.admin.data<{ enrollCustomer: { id: string } }, Record<string, unknown>>(
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
      { input: { givenName: 'Grace', familyName: 'Hopper', email: graceEmail, channel: 'ONLINE' } },
    ));
    await graph.admin.data(`mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { id } }`, {
      input: { customerId: grace.id, points: 500, reason: 'Welcome gift' },
    });
    examples = await startExampleServer({ gatewayUrl: graph.url, wsUrl: graph.wsUrl, auth: developmentAuthConfig() });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await examples?.stop();
    await graph?.stop();
  });

  async function loyalty(id = ada.id): Promise<Loyalty> {
    const { customer } = await graph.admin.data<{ customer: { loyalty: Loyalty } }, Record<string, unknown>>(
      `query($id: ID!) { customer(id: $id) { loyalty { balance held history(first: 50) { edges { node { kind points } } } } } }`,
      { id },
    );
    return customer.loyalty;
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${examples.url}/pos/`);
    await page.getByRole('heading', { name: 'Sign the till in' }).waitFor();
    // No ?store=: the till offers the program's stores and opens in the first.
    expect(await page.getByLabel('Store').inputValue()).toBe('london-1');
    await page.getByRole('button', { name: 'Sign in as an associate' }).click();
    await page.getByText('Loyalty till · London 1').waitFor();
  }

  async function find(page: Page, value: string): Promise<void> {
    const field = page.getByLabel('Phone, card or email');
    await field.fill(value);
    await field.press('Enter');
  }

  it('finds Ada by email, by her card’s code and by phone, quotes her basket, and records it once however often it is sent', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${examples.url}/pos/`);
    await page.getByRole('heading', { name: 'Sign the till in' }).waitFor();
    await capture(page, 'sign-in');
    await signIn(page);

    // By email: the card says who she is, her balance and her tier.
    await find(page, email);
    const member = page.getByRole('region', { name: 'Ada Lovelace' });
    await member.getByText('0 points').waitFor();
    await member.getByRole('button', { name: 'Next customer' }).click();
    // By the code the member app shows, as a scanner types it.
    const { customer: card } = await graph.admin.data<
      { customer: { memberCard: { scanPayload: string } } },
      Record<string, unknown>
    >(`query($id: ID!) { customer(id: $id) { memberCard { scanPayload } } }`, { id: ada.id });
    await find(page, card.memberCard.scanPayload);
    await member.waitFor();
    await member.getByRole('button', { name: 'Next customer' }).click();
    // By phone, typed as the customer says it.
    await find(page, phone.replace(/^\+44(\d{2})(\d{4})/, '+44 $1 $2 '));
    await member.waitFor();

    // The basket from the keyboard: Enter moves product → quantity → price → a new line.
    const sku1 = page.getByLabel('Product code or description, line 1');
    await sku1.fill('COFFEE-BEANS');
    await sku1.press('Enter');
    await page.getByLabel('Quantity, line 1').press('Enter');
    const price1 = page.getByLabel('Unit price in £, line 1');
    await price1.fill('25.00');
    await price1.press('Enter');
    await page.getByLabel('Product code or description, line 2').fill('CROISSANT');
    await page.getByLabel('Quantity, line 2').fill('2');
    await page.getByLabel('Unit price in £, line 2').fill('2.50');
    await page.getByText('£30.00', { exact: true }).waitFor();
    // The quote before recording, the graph's own.
    await page.getByText('This basket earns 30 points.').waitFor();
    const { pointsQuote } = await graph.admin.data<{ pointsQuote: { totalPoints: number } }, Record<string, unknown>>(
      `query($order: QuoteOrderInput!) { pointsQuote(order: $order) { totalPoints } }`,
      {
        order: {
          customerId: ada.id,
          channel: 'IN_STORE',
          storeId: 'london-1',
          currency: 'GBP',
          lines: [
            { sku: 'COFFEE-BEANS', quantity: 1, unitPrice: 2500 },
            { sku: 'CROISSANT', quantity: 2, unitPrice: 250 },
          ],
        },
      },
    );
    expect(pointsQuote.totalPoints).toBe(30);
    await capture(page, 'basket');

    // A double click on Record sends one sale; the ledger has one purchase of 30 points.
    const receipt = await page.getByLabel('Receipt number').inputValue();
    await page.getByRole('button', { name: 'Record the sale (£30.00)' }).dblclick();
    await page.getByText(`Receipt ${receipt}: £30.00 recorded for Ada Lovelace.`).waitFor();
    await page.getByText('30 points earned.').waitFor();
    await page.getByText('New balance: 30 points.').waitFor();
    await member.getByText('30 points').waitFor();
    await member.getByText('Bronze').waitFor();
    await member.getByText('70 qualifying points to Silver.').waitFor();
    expect(await member.getByRole('progressbar', { name: 'Progress to Silver' }).getAttribute('aria-valuenow')).toBe(
      '30',
    );
    const after = await loyalty();
    expect(after.balance).toBe(30);
    expect(after.history.edges.filter(({ node }) => node.kind === 'EARN')).toHaveLength(1);
    // The same receipt sent again (a till retrying after a timeout) is the same sale.
    const associate = await graph.as({ role: 'associate', subject: 'pos-london-1', storeId: 'london-1' });
    const { recordPurchase } = await associate.data<
      { recordPurchase: { balanceAfter: number } },
      Record<string, unknown>
    >(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { balanceAfter } }`, {
      input: {
        customerId: ada.id,
        channel: 'IN_STORE',
        storeId: 'london-1',
        externalOrderId: receipt,
        currency: 'GBP',
        lines: [
          { sku: 'COFFEE-BEANS', quantity: 1, unitPrice: 2500 },
          { sku: 'CROISSANT', quantity: 2, unitPrice: 250 },
        ],
      },
    });
    expect(recordPurchase.balanceAfter).toBe(30);
    expect((await loyalty()).history.edges.filter(({ node }) => node.kind === 'EARN')).toHaveLength(1);
    await capture(page, 'recorded');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('redeems a reward for points at the till and takes the voucher on the sale', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    await find(page, email);
    const member = page.getByRole('region', { name: 'Ada Lovelace' });
    await member.getByText('30 points').waitFor();
    const rewards = page.getByRole('region', { name: 'Rewards for points' });
    await rewards.getByRole('button', { name: 'Redeem for 29 points (Flat white)' }).click();
    await page.getByText(/^Flat white redeemed for 29 points: voucher \S+, valid until/).waitFor();
    await member.getByText('1 point', { exact: true }).waitFor();
    const vouchers = page.getByRole('region', { name: 'Vouchers' });
    const receipt = await page.getByLabel('Receipt number').inputValue();
    await vouchers.getByRole('button', { name: 'Use on this sale (Flat white)' }).click();
    await page.getByText(`Flat white taken on receipt ${receipt} (Ada Lovelace’s voucher).`).waitFor();
    await vouchers.getByText('No voucher to use.').waitFor();
    const { customer } = await graph.admin.data<
      { customer: { rewards: { vouchers: Array<{ code: string; status: string; consumedOrderReference: string }> } } },
      Record<string, unknown>
    >(`query($id: ID!) { customer(id: $id) { rewards { vouchers { code status consumedOrderReference } } } }`, {
      id: ada.id,
    });
    expect(customer.rewards.vouchers).toEqual([
      expect.objectContaining({ status: 'CONSUMED', consumedOrderReference: receipt }),
    ]);

    // The same code again, typed at the till: refused in words, not taken twice.
    await vouchers.getByLabel('Voucher code').fill(customer.rewards.vouchers[0]!.code);
    await vouchers.getByRole('button', { name: 'Use this code' }).click();
    await page.getByText('This voucher has already been used. It cannot be taken again.').waitFor();
    await capture(page, 'voucher');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pays part of a basket with points and takes a redeemed voucher on it; a hold given back or refused returns the points', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const associate = await graph.as({ role: 'associate', subject: 'pos-london-1', storeId: 'london-1' });
    // The holds the till takes, as the graph answered them.
    const holds: string[] = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('/graphql') || !response.request().postData()?.includes('PosHoldPoints')) return;
      void response.json().then((body: { data?: { holdPoints?: { id: string } } }) => {
        if (body.data?.holdPoints) holds.push(body.data.holdPoints.id);
      });
    });
    // The responses are read after the page has them: wait for the hold the till shows to be counted.
    const holdsTaken = async (count: number) => {
      for (let tries = 0; holds.length < count && tries < 100; tries++) await page.waitForTimeout(50);
      expect(holds).toHaveLength(count);
    };
    await signIn(page);
    await find(page, graceEmail);
    const member = page.getByRole('region', { name: 'Grace Hopper' });
    await member.getByText('500 points').waitFor();

    // A flat white for 29 points, its voucher used on this sale below.
    const rewards = page.getByRole('region', { name: 'Rewards for points' });
    await rewards.getByRole('button', { name: 'Redeem for 29 points (Flat white)' }).click();
    await page.getByText(/^Flat white redeemed for 29 points: voucher \S+, valid until/).waitFor();
    await member.getByText('471 points').waitFor();
    const before = (await loyalty(grace.id)).balance;
    expect(before).toBe(471);

    const sku1 = page.getByLabel('Product code or description, line 1');
    await sku1.fill('COFFEE-BEANS');
    await page.getByLabel('Unit price in £, line 1').fill('25.00');
    await page.getByLabel('Unit price in £, line 1').press('Enter');
    await page.getByLabel('Product code or description, line 2').fill('CROISSANT');
    await page.getByLabel('Quantity, line 2').fill('2');
    await page.getByLabel('Unit price in £, line 2').fill('2.50');
    await page.getByText('This basket earns 30 points.').waitFor();

    // What her points may pay of £30.00: half is £15.00, but her 471 points pay at most 470 (in tens).
    const pay = page.getByRole('region', { name: 'Pay with points' });
    await pay.getByText('Up to 470 points may pay £4.70 of this basket.').waitFor();
    const { quotePointsPayment } = await associate.data<
      { quotePointsPayment: { maxPoints: number; maxAmount: number } },
      Record<string, unknown>
    >(
      `query($id: ID!) { quotePointsPayment(customerId: $id, currency: "GBP", amount: 3000) { maxPoints maxAmount } }`,
      { id: grace.id },
    );
    expect(quotePointsPayment).toEqual({ maxPoints: 470, maxAmount: 470 });
    const points = pay.getByLabel('Points to pay with');
    expect(await points.inputValue()).toBe('470');
    // Lowered by the associate, in the rate's steps: the form says so before any hold.
    await points.fill('305');
    await points.press('Enter');
    await pay.getByText('In steps of 10 points.').waitFor();
    expect(await points.getAttribute('aria-invalid')).toBe('true');
    await points.fill('300');
    await pay.getByText('300 points pay £3.00; £27.00 left to pay.').waitFor();
    await points.press('Enter');
    await pay.getByText(/^300 points held for this basket \(£3\.00\); £27\.00 left to pay\./).waitFor();
    await member.getByText('171 points').waitFor();
    await member.getByText('Held to pay a basket').waitFor();
    await page.getByText('Paid in part with points, the sale earns on its cash part only.').waitFor();
    expect(await loyalty(grace.id)).toMatchObject({ balance: 171, held: 300 });
    // The focus is on recording the sale, the rest taken in cash.
    const recordButton = page.getByRole('button', { name: 'Record the sale (£27.00 and 300 points)' });
    await page.waitForFunction(`document.activeElement?.textContent === 'Record the sale (£27.00 and 300 points)'`);
    await capture(page, 'points-held');

    const receipt = await page.getByLabel('Receipt number').inputValue();
    const vouchers = page.getByRole('region', { name: 'Vouchers' });
    await vouchers.getByRole('button', { name: 'Use on this sale (Flat white)' }).click();
    await page.getByText(`Flat white taken on receipt ${receipt} (Grace Hopper’s voucher).`).waitFor();
    await recordButton.click();
    await page.getByText(`Receipt ${receipt}: £30.00 recorded for Grace Hopper.`).waitFor();
    await page.getByText('Paid with points: 300 points (£3.00).').waitFor();
    await page.getByText('Left to pay: £27.00.').waitFor();
    await page.getByText('27 points earned on the part paid in cash.').waitFor();
    await page.getByText('New balance: 198 points.').waitFor();
    await member.getByText('198 points').waitFor();
    await capture(page, 'paid-with-points');

    // Through the graph: the purchase names the hold, and only its £27.00 of cash earned (27, not 30).
    await holdsTaken(1);
    const { recordPurchase } = await associate.data<
      {
        recordPurchase: {
          pointsEarned: number;
          balanceAfter: number;
          pointsPayment: { holdId: string; points: number; amount: number };
        };
      },
      Record<string, unknown>
    >(
      `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned balanceAfter pointsPayment { holdId points amount } } }`,
      {
        input: {
          customerId: grace.id,
          channel: 'IN_STORE',
          storeId: 'london-1',
          externalOrderId: receipt,
          currency: 'GBP',
          lines: [
            { sku: 'COFFEE-BEANS', quantity: 1, unitPrice: 2500 },
            { sku: 'CROISSANT', quantity: 2, unitPrice: 250 },
          ],
          pointsPayment: { holdId: holds[0] },
        },
      },
    );
    expect(recordPurchase).toEqual({
      pointsEarned: 27,
      balanceAfter: 198,
      pointsPayment: { holdId: holds[0], points: 300, amount: 300 },
    });
    const { pointsHold } = await associate.data<{ pointsHold: { status: string } }, Record<string, unknown>>(
      `query($id: ID!) { pointsHold(id: $id) { status } }`,
      { id: holds[0] },
    );
    expect(pointsHold.status).toBe('CAPTURED');
    const paid = await loyalty(grace.id);
    expect(paid.held).toBe(0);
    expect(paid.balance).toBe(before - 300 + 27);
    expect(paid.history.edges.filter(({ node }) => node.kind === 'EARN').map(({ node }) => node.points)).toEqual([27]);

    // The next basket: points held, then the member pays cash after all: they come back.
    await page.getByRole('button', { name: 'New sale' }).click();
    await page.getByLabel('Product code or description, line 1').fill('TEA-ASSAM');
    await page.getByLabel('Unit price in £, line 1').fill('10.00');
    await pay.getByText('Up to 190 points may pay £1.90 of this basket.').waitFor();
    await pay.getByLabel('Points to pay with').press('Enter');
    await pay.getByText(/^190 points held for this basket/).waitFor();
    expect(await loyalty(grace.id)).toMatchObject({ balance: 8, held: 190 });
    await pay.getByRole('button', { name: 'Give the points back (pay cash)' }).click();
    await pay.getByText('Up to 190 points may pay £1.90 of this basket.').waitFor();
    await member.getByText('198 points').waitFor();
    expect(await loyalty(grace.id)).toMatchObject({ balance: 198, held: 0 });

    // Held again (a new hold), then given back behind the till's back (as if it had expired): the
    // sale is refused in words, nothing recorded, and the till offers the points afresh.
    await pay.getByLabel('Points to pay with').press('Enter');
    await pay.getByText(/^190 points held for this basket/).waitFor();
    await holdsTaken(3);
    expect(new Set(holds).size).toBe(3);
    await associate.data(`mutation($id: ID!) { releasePointsHold(holdId: $id) { status } }`, { id: holds[2] });
    await page.getByRole('button', { name: 'Record the sale (£8.10 and 190 points)' }).click();
    await page
      .getByRole('alert')
      .getByText(
        'The points hold has expired or was given back, so its points cannot pay this sale; nothing was recorded. Pay with points again to hold them afresh, or take cash.',
      )
      .waitFor();
    await pay.getByText('Up to 190 points may pay £1.90 of this basket.').waitFor();
    expect(await loyalty(grace.id)).toMatchObject({ balance: 198, held: 0 });
    await capture(page, 'points-refused');
    // Paid in cash: the whole £10.00 earns.
    await page.getByRole('button', { name: 'Record the sale (£10.00)' }).click();
    await page.getByText('10 points earned.').waitFor();
    await page.getByText('New balance: 208 points.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the points a member set aside in their app by the code it shows, and records the sale with them', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Mary sets 400 points aside in her app (£4.00), for a till of any store; Ada sets 100 aside.
    const { enrollCustomer: mary } = await graph.admin.data<
      { enrollCustomer: { id: string } },
      Record<string, unknown>
    >(`mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`, {
      input: { givenName: 'Mary', familyName: 'Jackson', email: `${unique('mary')}@example.com`, channel: 'ONLINE' },
    });
    const appHold = async (customerId: string, points: number) => {
      await graph.admin.data(`mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { id } }`, {
        input: { customerId, points: 1000, reason: 'Welcome gift' },
      });
      const app = await graph.as({ role: 'member', subject: customerId });
      const { holdPoints } = await app.data<{ holdPoints: { id: string } }, Record<string, unknown>>(
        `mutation($input: HoldPointsInput!) { holdPoints(input: $input) { id } }`,
        {
          input: {
            customerId,
            channel: 'IN_STORE',
            storeId: null,
            currency: 'GBP',
            points,
            idempotencyKey: unique('app'),
          },
        },
      );
      return holdPoints.id;
    };
    const maryHold = await appHold(mary.id, 400);
    const adaHold = await appHold(ada.id, 100);
    await signIn(page);

    // The app's code, scanned into the find field: the member it holds for, and the hold.
    await find(page, `loyaltygraph:hold:${maryHold}`);
    const member = page.getByRole('region', { name: 'Mary Jackson' });
    await member.getByText('600 points').waitFor();
    await member.getByText('Held to pay a basket').waitFor();
    const pay = page.getByRole('region', { name: 'Pay with points' });
    await pay.getByText(/^Mary Jackson’s app set aside 400 points to pay £4\.00, until /).waitFor();
    await pay.getByText('Ring up the basket first: the points pay part of its total.').waitFor();
    const use = pay.getByRole('button', { name: 'Pay £4.00 with these 400 points' });
    expect(await use.isDisabled()).toBe(true);
    await capture(page, 'app-hold-offered');

    await page.getByLabel('Product code or description, line 1').fill('TEAPOT');
    await page.getByLabel('Unit price in £, line 1').fill('12.00');
    await page.getByText('This basket earns 12 points.').waitFor();
    await use.click();
    await pay.getByText(/^400 points held for this basket \(£4\.00\); £8\.00 left to pay\./).waitFor();
    const record = page.getByRole('button', { name: 'Record the sale (£8.00 and 400 points)' });
    await page.waitForFunction(`document.activeElement?.textContent === 'Record the sale (£8.00 and 400 points)'`);
    await capture(page, 'app-hold-used');
    await record.click();
    await page.getByText('Paid with points: 400 points (£4.00).').waitFor();
    await page.getByText('8 points earned on the part paid in cash.').waitFor();
    await page.getByText('New balance: 608 points.').waitFor();
    const { pointsHold } = await graph.admin.data<
      { pointsHold: { status: string; purchaseId: string | null } },
      Record<string, unknown>
    >(`query($id: ID!) { pointsHold(id: $id) { status purchaseId } }`, { id: maryHold });
    expect(pointsHold.status).toBe('CAPTURED');
    expect(await loyalty(mary.id)).toMatchObject({ balance: 608, held: 0 });

    // The next basket, with the id of Ada's hold typed in: not Mary's to pay with.
    await page.getByRole('button', { name: 'New sale' }).click();
    await page.getByLabel('Product code or description, line 1').fill('TEA-ASSAM');
    await page.getByLabel('Unit price in £, line 1').fill('10.00');
    await pay.getByText('Up to 500 points may pay £5.00 of this basket.').waitFor();
    await pay.getByLabel('Code from the member’s app').fill(adaHold);
    await pay.getByRole('button', { name: 'Look up the code' }).click();
    await pay.getByText(/^Ada Lovelace’s app set aside 100 points to pay £1\.00/).waitFor();
    await pay.getByRole('button', { name: 'Pay £1.00 with these 100 points' }).click();
    await page
      .getByRole('alert')
      .getByText('These points are Ada Lovelace’s, not this member’s. Find Ada Lovelace to use them.')
      .waitFor();
    // Nothing was taken: Ada's points stay set aside for her.
    expect((await loyalty(ada.id)).held).toBe(100);
    expect(await loyalty(mary.id)).toMatchObject({ balance: 608, held: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in plain words that no member has an unknown identifier or that the network is down, and speaks French', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    await find(page, 'nobody-here@example.com');
    await page
      .getByRole('alert')
      .getByText(
        'No member is known by “nobody-here@example.com” (Email). Check it with the customer, or try their phone, card or email.',
      )
      .waitFor();
    await capture(page, 'unknown-member');

    // The network drops: the till says so, and what to do.
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await find(page, email);
    await page
      .getByRole('alert')
      .getByText('The till cannot reach the loyalty service. Check the network and try again')
      .waitFor();
    await page.unroute('**/graphql');

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Trouver le membre' }).waitFor();
    await page.getByLabel('Téléphone, carte ou e-mail').fill(email);
    await page.getByLabel('Téléphone, carte ou e-mail').press('Enter');
    await page.getByRole('region', { name: 'Ada Lovelace' }).getByText('Solde de points').waitFor();
    await page.getByText('Saisissez le panier pour voir les points qu’il rapporte.').waitFor();
    await capture(page, 'french');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a member’s stamp card, store credit and cashback, pays part of a basket with store credit as a tender of the sale, and says what its cash part earned into them', async () => {
    // Wallets besides points (issue 29), defined by a marketer: 5 stamps a card, 2% back, store credit.
    const marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    const define = `mutation($input: DefineWalletInput!) { defineWallet(input: $input) { code } }`;
    await marketer.data(define, {
      input: {
        code: 'TILL_STAMPS',
        kind: 'STAMPS',
        name: 'Coffee card',
        stampsPerPurchase: 1,
        stampsPerCard: 5,
        cardRewardPoints: 50,
      },
    });
    await marketer.data(define, {
      input: { code: 'TILL_CASHBACK', kind: 'CASHBACK', name: 'Cashback', currency: 'GBP', cashbackBasisPoints: 200 },
    });
    await marketer.data(define, {
      input: { code: 'TILL_CREDIT', kind: 'STORE_CREDIT', name: 'Store credit', currency: 'GBP' },
    });
    const hedyEmail = `${unique('hedy')}@example.com`;
    const { enrollCustomer: hedy } = await graph.admin.data<
      { enrollCustomer: { id: string } },
      Record<string, unknown>
    >(`mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`, {
      input: { givenName: 'Hedy', familyName: 'Lamarr', email: hedyEmail, channel: 'ONLINE' },
    });
    // £20.00 of store credit, a refund given as credit.
    await marketer.data(`mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { balanceAfter } }`, {
      input: {
        customerId: hedy.id,
        wallet: 'TILL_CREDIT',
        amount: 2000,
        reason: 'Refund as credit',
        idempotencyKey: unique('credit'),
      },
    });
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    await find(page, hedyEmail);
    const member = page.getByRole('region', { name: 'Hedy Lamarr' });
    const wallets = member.getByTestId('member-wallets');
    await wallets.locator('[data-wallet=TILL_STAMPS]').getByText('0 of 5 stamps').waitFor();
    await wallets.locator('[data-wallet=TILL_CREDIT]').getByText('£20.00').waitFor();
    await wallets.locator('[data-wallet=TILL_CASHBACK]').getByText('£0.00').waitFor();

    await page.getByLabel('Product code or description, line 1').fill('TEAPOT');
    await page.getByLabel('Unit price in £, line 1').fill('30.00');
    await page.getByText('This basket earns 30 points.').waitFor();
    // Store credit pays £5.00 of the £30.00; the rest is cash.
    const pay = page.getByRole('region', { name: 'Pay with store credit or cashback' });
    await pay.getByText('Store credit: £20.00 to spend.').waitFor();
    const amount = pay.getByLabel('Amount from Store credit (GBP)');
    expect(await amount.inputValue()).toBe('20.00');
    await amount.fill('25');
    await pay.getByRole('button', { name: 'Use Store credit' }).click();
    await pay.getByText('An amount above 0 and at most £20.00, e.g. 1.00.').waitFor();
    await amount.fill('5');
    await pay.getByRole('button', { name: 'Use Store credit' }).click();
    await pay.getByText('Store credit pays £5.00.').waitFor();
    await page.waitForFunction(`document.activeElement?.textContent === 'Record the sale (£25.00 left to pay)'`);
    await capture(page, 'wallet-pay');

    // Meanwhile £17.00 of the credit pays a phone order (`spendWallet`, outside a sale): the £5.00
    // is more than it holds now, the sale is refused, and nothing is recorded or spent.
    const associate = await graph.as({ role: 'associate', subject: 'pos-london-1', storeId: 'london-1' });
    await associate.data(`mutation($input: SpendWalletInput!) { spendWallet(input: $input) { balanceAfter } }`, {
      input: {
        customerId: hedy.id,
        wallet: 'TILL_CREDIT',
        amount: 1700,
        idempotencyKey: unique('phone'),
        reason: 'Phone order',
      },
    });
    const receipt = await page.getByLabel('Receipt number').inputValue();
    await page.getByRole('button', { name: 'Record the sale (£25.00 left to pay)' }).click();
    await page.getByText('Store credit holds only £3.00 now. Lower the amount, or take cash.').waitFor();
    await capture(page, 'wallet-refused');
    const orders = await graph.database.db.query('select 1 from ledger.orders where external_order_id = $1', [receipt]);
    expect(orders.rows).toEqual([]);
    // The member read again: the form offers what the credit holds now, which pays £3.00.
    await wallets.locator('[data-wallet=TILL_CREDIT]').getByText('£3.00').waitFor();
    await pay.getByText('Store credit: £3.00 to spend.').waitFor();
    expect(await amount.inputValue()).toBe('3.00');
    await pay.getByRole('button', { name: 'Use Store credit' }).click();
    await pay.getByText('Store credit pays £3.00.').waitFor();
    await page.getByText('Paid in part with store credit or cashback, the sale earns on its cash part only.').waitFor();
    await page.getByRole('button', { name: 'Record the sale (£27.00 left to pay)' }).click();
    await page.getByText(`Receipt ${receipt}: £30.00 recorded for Hedy Lamarr.`).waitFor();
    await page.getByText('Paid with Store credit: £3.00 (balance now £0.00).').waitFor();
    await page.getByText('Left to pay: £27.00.').waitFor();
    // Only the £27.00 of cash earns: 27 points (not 30), 2% of it back, a stamp.
    await page.getByText('27 points earned on the part paid in cash.').waitFor();
    await page.getByText('Into wallets: £0.54 into Cashback, 1 stamp into Coffee card.').waitFor();
    // The member's wallets read again: the credit spent, a stamp, the cashback.
    await wallets.locator('[data-wallet=TILL_CREDIT]').getByText('£0.00').waitFor();
    await wallets.locator('[data-wallet=TILL_STAMPS]').getByText('1 of 5 stamps').waitFor();
    await wallets.locator('[data-wallet=TILL_CASHBACK]').getByText('£0.54').waitFor();
    await capture(page, 'wallet-paid');

    // Through the graph: the receipt sent again (a till retrying) is the same sale, spending nothing
    // more; its credit was spent once, by the order itself.
    const { recordPurchase } = await associate.data<
      {
        recordPurchase: {
          id: string;
          pointsEarned: number;
          walletPayments: { wallet: string; amount: number; refunded: number }[];
          walletEarnings: { wallet: string; amount: number }[];
        };
      },
      Record<string, unknown>
    >(
      `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
        id pointsEarned walletPayments { wallet amount refunded } walletEarnings { wallet amount } } }`,
      {
        input: {
          customerId: hedy.id,
          channel: 'IN_STORE',
          storeId: 'london-1',
          externalOrderId: receipt,
          currency: 'GBP',
          lines: [{ sku: 'TEAPOT', quantity: 1, unitPrice: 3000 }],
          walletPayments: [{ wallet: 'TILL_CREDIT', amount: 300 }],
        },
      },
    );
    expect(recordPurchase).toMatchObject({
      pointsEarned: 27,
      walletPayments: [{ wallet: 'TILL_CREDIT', amount: 300, refunded: 0 }],
    });
    expect(recordPurchase.walletEarnings).toEqual(
      expect.arrayContaining([
        { wallet: 'TILL_CASHBACK', amount: 54 },
        { wallet: 'TILL_STAMPS', amount: 1 },
      ]),
    );
    const { customer } = await graph.admin.data<
      { customer: { loyalty: { balance: number; wallet: { balance: number } } } },
      Record<string, unknown>
    >(`query($id: ID!) { customer(id: $id) { loyalty { balance wallet(code: "TILL_CREDIT") { balance } } } }`, {
      id: hedy.id,
    });
    expect(customer.loyalty.wallet.balance).toBe(0);
    expect(customer.loyalty.balance).toBe(27);
    const spends = await graph.database.db.query(
      `select source_type, source_id, amount::int as amount from ledger.wallet_entries
        where customer_id = $1 and wallet = 'TILL_CREDIT' and kind = 'SPEND' order by id`,
      [hedy.id],
    );
    expect(spends.rows).toEqual([
      { source_type: 'SPEND', source_id: expect.any(String), amount: -1700 },
      { source_type: 'ORDER', source_id: recordPurchase.id, amount: -300 },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
