import { useState } from 'react';
import { Button, Card, Notice, Pill, type Tone } from '../../ui/components.js';
import { historyWords, recentDay } from '../../ui/historyWords.js';
import { useI18n } from '../../ui/i18n.js';
import { WalletRedeemDocument } from '../sdk/graphql.js';
import { ErrorNotice } from './ErrorNotice.js';
import type { Graph } from './graph.js';
import { MemberCard } from './MemberCard.js';
import { PayWithPoints } from './PayWithPoints.js';
import { useWallet, type Customer, type LiveChange, type Wallet } from './useWallet.js';
import { Wallets } from './Wallets.js';

/**
 * The wallet on one page, phone first: points (live), the other wallets (stamp cards, cashback,
 * store credit), the card to scan, tier, rewards, offers, history.
 */
export function WalletHome({ graph, customerId }: { graph: Graph; customerId: string }) {
  const { t } = useI18n();
  const wallet = useWallet(graph, customerId);
  const { customer } = wallet;
  if (!customer) {
    return wallet.error !== undefined ? <ErrorNotice error={wallet.error} /> : <p>{t('loading')}</p>;
  }
  return (
    <>
      <h1>{t('wallet.hello', { name: customer.name })}</h1>
      {wallet.error !== undefined && <ErrorNotice error={wallet.error} />}
      {/* Two columns from a tablet up; on a phone, one, in this order. */}
      <div className="wallet-grid">
        <div>
          <Points wallet={wallet} customer={customer} />
          <Wallets graph={graph} customerId={customer.id} wallets={customer.loyalty?.wallets ?? []} />
          <div id="pay" className="anchor">
            <PayWithPoints graph={graph} customer={customer} onChanged={wallet.reload} />
          </div>
          <div id="card" className="anchor">
            <MemberCard card={customer.memberCard} />
          </div>
        </div>
        <div>
          <TierProgress customer={customer} />
          <div id="rewards" className="anchor">
            <Rewards graph={graph} customer={customer} onRedeemed={wallet.reload} />
          </div>
          <Offers customer={customer} />
        </div>
      </div>
      <div id="history" className="anchor">
        <History customer={customer} changes={wallet.changes} />
      </div>
    </>
  );
}

const liveTones: Record<Wallet['live'], Tone> = {
  connecting: 'neutral',
  live: 'good',
  reconnecting: 'warning',
  ended: 'bad',
};

function LiveStatus({ live }: { live: Wallet['live'] }) {
  const { t } = useI18n();
  return (
    <span role="status" className="live-status" data-state={live}>
      <span className="visually-hidden">{t('wallet.live.label')} </span>
      <Pill tone={liveTones[live]}>{t(`wallet.live.${live}`)}</Pill>
    </span>
  );
}

function Points({ wallet, customer }: { wallet: Wallet; customer: Customer }) {
  const { t, locale } = useI18n();
  const { loyalty } = customer;
  // Lots that expire on the same day are one line: a member counts days, not lots.
  const expiring = new Map<string, number>();
  for (const lot of loyalty?.expiring ?? []) {
    const day = recentDay(locale, lot.expiresAt);
    expiring.set(day, (expiring.get(day) ?? 0) + lot.points);
  }
  return (
    <Card title={t('wallet.balance.title')} actions={<LiveStatus live={wallet.live} />} className="wallet-points">
      {loyalty ? (
        <>
          <p className="balance" data-testid="balance">
            {t('wallet.points', { count: loyalty.balance })}
          </p>
          {loyalty.held > 0 && (
            <p data-testid="held">
              <a href="#pay">{t('wallet.held', { count: loyalty.held })}</a>
            </p>
          )}
          {loyalty.pending > 0 && <p data-testid="pending">{t('wallet.pending', { count: loyalty.pending })}</p>}
          {expiring.size > 0 && (
            <ul className="expiring" data-testid="expiring">
              {[...expiring].map(([day, points]) => (
                <li key={day}>{t('wallet.expiring', { count: points, day })}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <Notice tone="info">{t('wallet.balance.unavailable')}</Notice>
      )}
    </Card>
  );
}

function TierProgress({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const loyalty = customer.loyalty;
  if (!loyalty) return null;
  const { tier, nextTier, progress } = loyalty;
  const from = tier?.qualifyingPoints ?? 0;
  const share =
    nextTier && progress
      ? Math.min(1, Math.max(0, (progress.qualifyingPoints - from) / Math.max(1, nextTier.qualifyingPoints - from)))
      : 1;
  return (
    <Card title={t('wallet.tier.title')} className="wallet-tier">
      <p className="tier-name" data-testid="tier">
        {tier ? tier.name : t('wallet.tier.none')}
      </p>
      {nextTier && progress?.pointsToNextTier ? (
        <>
          <div
            className="progress"
            role="progressbar"
            aria-label={t('wallet.tier.progress', { tier: nextTier.name })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(share * 100)}
          >
            <span style={{ width: `${share * 100}%` }} />
          </div>
          <p data-testid="next-tier">
            {t('wallet.tier.toNext', { count: progress.pointsToNextTier, tier: nextTier.name })}
          </p>
          <p className="muted">
            {t('wallet.tier.window', { count: progress.qualifyingPoints, months: progress.windowMonths })}
          </p>
        </>
      ) : (
        tier && <p className="muted">{t('wallet.tier.top')}</p>
      )}
    </Card>
  );
}

function Rewards({ graph, customer, onRedeemed }: { graph: Graph; customer: Customer; onRedeemed(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string>();
  const [voucher, setVoucher] = useState<string>();
  const [error, setError] = useState<unknown>();
  const rewards = customer.rewards?.redeemable ?? [];
  const now = rewards.filter((item) => item.affordable);
  const later = rewards.filter((item) => !item.affordable);
  const redeem = async (rewardId: string) => {
    setBusy(rewardId);
    setError(undefined);
    setVoucher(undefined);
    try {
      // One id per intended redemption: a retry after a timeout finishes the same one.
      const { redeemReward } = await graph.request(WalletRedeemDocument, {
        input: { redemptionId: crypto.randomUUID(), rewardId, customerId: customer.id, channel: 'MOBILE_APP' },
      });
      setVoucher(
        redeemReward.voucher
          ? t('wallet.rewards.voucher', { reward: redeemReward.reward.name, code: redeemReward.voucher.code })
          : t('wallet.rewards.onItsWay', { reward: redeemReward.reward.name }),
      );
      onRedeemed();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Card title={t('wallet.rewards.title')} className="wallet-rewards">
      {voucher && (
        <Notice tone="success">
          <span data-testid="voucher">{voucher}</span>
        </Notice>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      {rewards.length === 0 ? (
        <p className="muted">{t('wallet.rewards.none')}</p>
      ) : (
        <>
          <h3>{t('wallet.rewards.now')}</h3>
          {now.length === 0 ? (
            <p className="muted">{t('wallet.rewards.noneNow')}</p>
          ) : (
            <ul className="rewards" data-testid="rewards-now">
              {now.map(({ reward }) => (
                <li key={reward.id}>
                  <span>
                    <strong>{reward.name}</strong>
                    <br />
                    <span className="muted">{t('wallet.points', { count: reward.costPoints })}</span>
                  </span>
                  <Button
                    variant="secondary"
                    busy={busy === reward.id}
                    aria-label={t('wallet.rewards.redeemLabel', { reward: reward.name })}
                    onClick={() => void redeem(reward.id)}
                  >
                    {t('wallet.rewards.redeem')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {later.length > 0 && (
            <>
              <h3>{t('wallet.rewards.later')}</h3>
              <ul className="rewards" data-testid="rewards-later">
                {later.map(({ reward, pointsShort }) => (
                  <li key={reward.id}>
                    <span>
                      <strong>{reward.name}</strong>
                      <br />
                      <span className="muted">{t('wallet.points', { count: reward.costPoints })}</span>
                    </span>
                    <Pill tone="info">{t('wallet.rewards.short', { count: pointsShort })}</Pill>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Card>
  );
}

function Offers({ customer }: { customer: Customer }) {
  const { t, locale } = useI18n();
  // Campaigns are offers; the base earn rates (no campaign) are not.
  const offers = (customer.offers ?? []).filter((offer) => offer.campaignId !== null);
  return (
    <Card title={t('wallet.offers.title')} className="wallet-offers">
      {offers.length === 0 ? (
        <p className="muted">{t('wallet.offers.none')}</p>
      ) : (
        <ul className="offers" data-testid="offers">
          {offers.map((offer) => (
            <li key={offer.id}>
              <strong>{offer.title}</strong>
              <br />
              {offer.description}
              {offer.endsAt && (
                <>
                  <br />
                  <span className="muted">{t('wallet.offers.until', { day: recentDay(locale, offer.endsAt) })}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function History({ customer, changes }: { customer: Customer; changes: LiveChange[] }) {
  const { t, locale } = useI18n();
  const lines = [
    ...changes.map((change) => ({
      key: `live-${change.eventId}`,
      line: { points: change.change, reason: change.reason, at: change.occurredAt },
    })),
    ...(customer.loyalty?.history.edges ?? []).map(({ node }) => ({
      key: node.id,
      line: {
        points: node.points,
        reason: node.reason,
        at: node.createdAt,
        kind: node.kind,
        sourceType: node.sourceType,
      },
    })),
  ];
  return (
    <Card title={t('wallet.history.title')} className="wallet-history">
      {lines.length === 0 ? (
        <p className="muted">{t('wallet.history.none')}</p>
      ) : (
        <ol className="timeline" data-testid="history">
          {lines.map(({ key, line }) => (
            <li key={key}>{historyWords(t, locale, line)}</li>
          ))}
        </ol>
      )}
    </Card>
  );
}
