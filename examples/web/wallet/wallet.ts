import { WalletBalanceDocument, WalletDocument, WalletRedeemDocument } from '../sdk/graphql.js';
import { formatDay as day, formatPoints as points } from '../shared/format.js';
import { element, showError, signIn, type Graph } from '../shared/graph.js';
import { historyWords, type HistoryLine } from './historyWords.js';

function historyItem(
  change: number,
  reason: string,
  at: string,
  entry?: Omit<HistoryLine, 'points' | 'reason' | 'at'>,
) {
  return listItem(historyWords({ ...entry, points: change, reason, at }));
}

const listItem = (text: string) => Object.assign(document.createElement('li'), { textContent: text });

async function load(graph: Graph, customerId: string): Promise<void> {
  const { customer } = await graph.request(WalletDocument, { id: customerId });
  if (!customer) throw new Error('No such member');
  element('wallet').hidden = false;
  element('sign-in').hidden = true;
  element('name').textContent = customer.name;
  // A field of a subgraph that did not answer is null: show what came, say what did not.
  const { loyalty, rewards, offers } = customer;
  element('balance').textContent = loyalty ? points(loyalty.balance) : 'points unavailable';
  element('pending').textContent = loyalty?.pending ? `${points(loyalty.pending)} pending` : '';
  const progress = loyalty?.progress;
  element('tier').textContent = [
    loyalty?.tier ? `Tier: ${loyalty.tier.name}` : 'No tier yet',
    loyalty?.nextTier && progress?.pointsToNextTier
      ? `${points(progress.pointsToNextTier)} to ${loyalty.nextTier.name} (${points(progress.qualifyingPoints)} in the last ${progress.windowMonths} months)`
      : '',
  ]
    .filter(Boolean)
    .join(' · ');
  element('expiring').replaceChildren(
    ...(loyalty?.expiring ?? []).map((lot) =>
      listItem(`${points(lot.points)} ${lot.points === 1 ? 'expires' : 'expire'} on ${day(lot.expiresAt)}`),
    ),
  );
  element('history').replaceChildren(
    ...(loyalty?.history.edges ?? []).map(({ node }) => historyItem(node.points, node.reason, node.createdAt, node)),
  );
  element('offers').replaceChildren(
    ...(offers ?? [])
      .filter((offer) => offer.campaignId !== null)
      .map((offer) => listItem(`${offer.title}: ${offer.description}`)),
  );
  element('rewards').replaceChildren(
    ...(rewards?.available ?? []).map((reward) => {
      const item = document.createElement('li');
      const button = Object.assign(document.createElement('button'), { textContent: 'Redeem' });
      button.addEventListener('click', () => void redeem(graph, customerId, reward.id));
      item.append(`${reward.name} · ${points(reward.costPoints)} `, button);
      return item;
    }),
  );

  // Live from the event read with the balance: nothing committed after that read is missed, and
  // each reconnect resumes after the last event shown.
  graph.subscribe(
    WalletBalanceDocument,
    { id: customerId, after: loyalty?.lastEventId ?? '0' },
    ({ balanceUpdated: event }) => {
      element('balance').textContent = points(event.balance);
      element('pending').textContent = event.pending ? `${points(event.pending)} pending` : '';
      if (event.change !== 0) element('history').prepend(historyItem(event.change, event.reason, event.occurredAt));
    },
    (error) => {
      element('live-status').textContent = 'not live';
      showError(error);
    },
    (state) => {
      element('live-status').textContent = state === 'live' ? 'live' : `${state}…`;
    },
  );
}

async function redeem(graph: Graph, customerId: string, rewardId: string): Promise<void> {
  try {
    const { redeemReward } = await graph.request(WalletRedeemDocument, {
      input: { redemptionId: crypto.randomUUID(), rewardId, customerId, channel: 'MOBILE_APP' },
    });
    element('voucher').textContent = redeemReward.voucher
      ? `${redeemReward.reward.name}: show code ${redeemReward.voucher.code} at the till`
      : `${redeemReward.reward.name}: redeemed; it is on its way.`;
  } catch (error) {
    showError(error);
  }
}

element<HTMLFormElement>('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  element('error').textContent = '';
  const email = element<HTMLInputElement>('email').value;
  signIn({ role: 'member', email })
    .then(({ graph, customerId }) => load(graph, customerId!))
    .catch(showError);
});
