import { chromium, type Browser } from 'playwright-core';
import { EnrollCustomerDocument } from '../../examples/sdk/graphql';
import { startExampleServer, type RunningExampleServer } from '../../examples/server/exampleServer';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { findChromium, localHost } from '../../scripts/ensureChromium';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, type TestGraph } from '../support/testGraph';
import { pageCapture, widths } from './pageChecks';

const chromiumPath = findChromium(localHost);
const capture = pageCapture('console', 'desktop');

// Wallets and referrals in the console (issue 29): a wallet defined in the console earns on a purchase
// made through the graph, an admin gives store credit by hand, and a held referral is approved.
describe('wallets and referrals in the console', () => {
  let graph: TestGraph;
  let examples: RunningExampleServer;
  let browser: Browser;
  let cora: { id: string; email: string };
  let campaignId: string;

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH');
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR');
    await graph.admin.data(`mutation { setCampaignProgram(input: { timeZone: "UTC", currency: "EUR" }) { currency } }`);
    await graph.admin.data(
      `mutation { defineWallet(input: { code: "GIFT", kind: STORE_CREDIT, name: "Gift credit", currency: "EUR" }) { code } }`,
    );
    await graph.admin.data(
      `mutation { defineWallet(input: { code: "COFFEE_CARD", kind: STAMPS, name: "Coffee card", stampsPerPurchase: 1, stampsPerCard: 3, cardRewardPoints: 50 }) { code } }`,
    );
    const { createCampaign } = await graph.admin.data<{ createCampaign: { id: string } }, Record<string, unknown>>(
      `mutation { createCampaign(input: { name: "Bags credit", trigger: PURCHASE, reward: { kind: FIXED_BONUS, points: 500, wallet: "GIFT" } }) { id } }`,
    );
    campaignId = createCampaign.id;
    cora = await enrollMember(graph, 'Cora', 'Cashback');
    // A friend whose email reaches Cora's mailbox: held for review (SHARED_EMAIL).
    const { customer } = await graph
      .as({ role: 'member', subject: cora.id })
      .then((client) =>
        client.data<{ customer: { referral: { code: string } } }, Record<string, unknown>>(
          `query($id: ID!) { customer(id: $id) { referral { code } } }`,
          { id: cora.id },
        ),
      );
    const { enrollCustomer: dee } = await graph.admin.data(EnrollCustomerDocument, {
      input: {
        givenName: 'Dee',
        familyName: 'Friend',
        email: cora.email.replace('@', '+dee@'),
        channel: 'ONLINE',
      },
    });
    const friend = await graph.as({ role: 'member', subject: dee.id });
    await friend.data(`mutation($input: UseReferralCodeInput!) { useReferralCode(input: $input) { status } }`, {
      input: { friendId: dee.id, code: customer.referral.code },
    });
    examples = await startExampleServer({ gatewayUrl: graph.url, wsUrl: graph.wsUrl, auth: developmentAuthConfig() });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await examples?.stop();
    await graph?.stop();
  });

  it("defines a cashback wallet, shows what a purchase earned on the member's page, gives store credit and approves a held referral", async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${examples.url}/console/`);
    await page.getByRole('button', { name: 'Sign in as an admin' }).click();
    await page.getByRole('heading', { name: 'Programme at a glance' }).waitFor();

    // Wallets: a code of another kind is refused on the field it concerns; then the cashback wallet.
    await page.getByRole('link', { name: 'Wallets' }).click();
    await page.getByText('Gift credit').waitFor();
    const form = page.getByRole('form', { name: 'Define a wallet' });
    await form.getByLabel('Kind').selectOption('CASHBACK');
    await form.getByLabel('Name').fill('Gift');
    expect(await form.getByLabel('Code').inputValue()).toBe('GIFT');
    await form.getByLabel('Currency').fill('EUR');
    await form.getByRole('button', { name: 'Define the wallet' }).click();
    await form.getByText('A percentage above 0', { exact: false }).waitFor();
    await form.getByLabel('Cashback (%)').fill('2.5');
    await form.getByRole('button', { name: 'Define the wallet' }).click();
    await form
      .locator('.field', { has: page.getByLabel('Kind') })
      .getByText(/another kind/)
      .waitFor();
    await form.getByLabel('Name').fill('Cash back');
    await form.getByLabel('Code').fill('CASH_BACK');
    await form.getByLabel('Pending (days)').fill('0');
    await form.getByRole('button', { name: 'Define the wallet' }).click();
    await page.getByText('Cash back is defined').waitFor();
    await page
      .getByRole('row', { name: /Cash back/ })
      .getByText('2.5% back in EUR')
      .waitFor();
    await capture(page, 'wallets');
    const { walletTypes } = await graph.admin.data<
      { walletTypes: Array<{ code: string; cashbackBasisPoints: number | null }> },
      Record<string, unknown>
    >(`query { walletTypes { code cashbackBasisPoints } }`);
    expect(walletTypes).toContainEqual({ code: 'CASH_BACK', cashbackBasisPoints: 250 });

    // A €25 purchase through the graph earns 2.5% back: €0.62 (rounded down).
    await graph.admin.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
      input: purchaseInput(cora.id),
    });
    await page.goto(`${examples.url}/console/#/members/${cora.id}`);
    const cashback = page.getByRole('region', { name: 'Cash back' });
    await cashback.getByText('€0.62').first().waitFor();
    await cashback.getByText(/Earned \+€0\.62, leaving €0\.62/).waitFor();
    await cashback.getByText('Their own wallet, not shared.').waitFor();
    await page.getByRole('region', { name: 'Coffee card' }).getByText('1 of 3 stamps').waitFor();

    // Store credit by hand, in euros: the graph gets cents, once.
    const adjust = page.getByRole('form', { name: 'Adjust a wallet' });
    await adjust.getByLabel('Wallet').selectOption('GIFT');
    await adjust.getByLabel('Amount (EUR)').fill('5');
    await adjust.getByLabel('Reason').fill('Goodwill: late delivery');
    await adjust.getByRole('button', { name: 'Adjust' }).click();
    await adjust.getByText('Gift credit adjusted by €5.00: the balance is now €5.00.').waitFor();
    await page
      .getByRole('region', { name: 'Gift credit' })
      .getByText(/Adjusted \+€5\.00, leaving €5\.00 · Goodwill: late delivery/)
      .waitFor();
    await capture(page, 'member-wallets');

    // The campaign editor loads the wallet the reward credits, and saves a change back to points.
    await page.goto(`${examples.url}/console/#/campaigns/${campaignId}`);
    const credit = page.getByLabel('Credit to wallet');
    await credit.waitFor();
    expect(await credit.inputValue()).toBe('GIFT');
    expect(await page.getByLabel('Amount (minor units)').inputValue()).toBe('500');
    await credit.selectOption('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    const { campaign } = await graph.admin.data<
      { campaign: { reward: { wallet: string | null } } },
      Record<string, unknown>
    >(`query($id: ID!) { campaign(id: $id) { reward { wallet } } }`, { id: campaignId });
    expect(campaign.reward.wallet).toBeNull();

    // The referral rules, beside earning and tiers.
    await page.getByRole('link', { name: 'Program' }).click();
    const rules = page.getByRole('form', { name: 'Referrals' });
    await rules.getByLabel('Referrals a member may make').fill('5');
    await rules.getByLabel('Per').selectOption('WEEK');
    await rules.getByRole('button', { name: 'Save the referral rules' }).click();
    await rules.getByText('Saved: referrals from now on follow these rules.').waitFor();
    const { referralProgram } = await graph.admin.data<
      { referralProgram: { capPerReferrer: number; capPeriod: string } },
      Record<string, unknown>
    >(`query { referralProgram { capPerReferrer capPeriod } }`);
    expect(referralProgram).toEqual({ capPerReferrer: 5, capPeriod: 'WEEK' });

    // The review queue: why Dee's referral was held, and Approve.
    await page.getByRole('link', { name: 'Referrals', exact: true }).click();
    await page.getByText('Same mailbox').waitFor();
    await page.getByText('The friend’s email reaches the referrer’s mailbox.').waitFor();
    await page.getByRole('link', { name: /Cora Cashback/ }).waitFor();
    await capture(page, 'referrals');
    await page.getByRole('button', { name: /Approve the referral of Dee Friend/ }).click();
    await page.getByText(/The referral of Dee Friend.* is approved/).waitFor();
    await page.getByText('No referral waits for review.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
