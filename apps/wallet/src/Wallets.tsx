import { useId, useState } from 'react';
import { Button, Card, Pill } from '../../ui/components.js';
import { recentDay } from '../../ui/historyWords.js';
import { useI18n } from '../../ui/i18n.js';
import { stampCard, walletAmount, walletHistoryWords } from '../../ui/walletWords.js';
import {
  WalletOtherHistoryDocument,
  type WalletOtherBalanceFragment,
  type WalletOtherHistoryQuery,
} from '../sdk/graphql.js';
import { ErrorNotice } from './ErrorNotice.js';
import type { Graph } from './graph.js';

type Entry = NonNullable<
  NonNullable<NonNullable<WalletOtherHistoryQuery['customer']>['loyalty']>['wallet']
>['history'][number];

/**
 * The member's wallets besides points (issue 29), one card each under the points: a stamp card as
 * its slots, cashback and store credit as money with what is pending and what expires first; a
 * shared (household) wallet says whose it is. Its history is read when the member opens it.
 */
export function Wallets({
  graph,
  customerId,
  wallets,
}: {
  graph: Graph;
  customerId: string;
  wallets: readonly WalletOtherBalanceFragment[];
}) {
  return (
    <>
      {wallets.map((wallet) => (
        <OtherWallet key={wallet.type.code} graph={graph} customerId={customerId} wallet={wallet} />
      ))}
    </>
  );
}

function OtherWallet({
  graph,
  customerId,
  wallet,
}: {
  graph: Graph;
  customerId: string;
  wallet: WalletOtherBalanceFragment;
}) {
  const { t, locale } = useI18n();
  const { type } = wallet;
  const amount = (value: number) => walletAmount(t, locale, type, value);
  const mine = wallet.ownerId === customerId;
  const soonest = wallet.expiring[0];
  const kindName = t(`walletKind.${type.kind}`);
  return (
    <Card
      title={type.name}
      // The kind, unless the name says it already ("Cashback").
      actions={kindName !== type.name && <Pill tone="info">{kindName}</Pill>}
      className="wallet-other"
    >
      <div data-testid={`wallet-${type.code}`}>
        {type.kind === 'STAMPS' ? (
          <StampSlots wallet={wallet} />
        ) : (
          <p className="wallet-money">{amount(wallet.balance)}</p>
        )}
        {wallet.pending > 0 && <p>{t('wallet.wallets.pending', { amount: amount(wallet.pending) })}</p>}
        {soonest && (
          <p className="wallet-expiring">
            {t('wallet.wallets.expiring', {
              amount: amount(soonest.amount),
              day: recentDay(locale, soonest.expiresAt),
            })}
          </p>
        )}
        {!mine ? (
          <p className="muted">{t('wallet.wallets.sharedMember')}</p>
        ) : wallet.householdMembers.length > 0 ? (
          <p className="muted">{t('wallet.wallets.sharedOwner', { count: wallet.householdMembers.length })}</p>
        ) : (
          type.maxHouseholdMembers > 0 && (
            <p className="muted">{t('wallet.wallets.shareable', { count: type.maxHouseholdMembers })}</p>
          )
        )}
      </div>
      <WalletHistory graph={graph} customerId={customerId} wallet={wallet} mine={mine} />
    </Card>
  );
}

/** "2 of 3 — 1 more for 100 points": the card's slots, the filled ones stamped. */
function StampSlots({ wallet }: { wallet: WalletOtherBalanceFragment }) {
  const { t } = useI18n();
  const { type } = wallet;
  const card = stampCard(type, wallet.balance);
  const values = { filled: card.filled, slots: card.slots, toGo: card.toGo };
  return (
    <>
      <div className="stamps" role="img" aria-label={t('wallet.wallets.stampsLabel', values)}>
        {Array.from({ length: card.slots }, (_, index) => (
          <span key={index} className={index < card.filled ? 'stamp stamp-filled' : 'stamp'} />
        ))}
      </div>
      <p className="stamps-progress">
        {type.cardRewardPoints
          ? t('wallet.wallets.stamps', { ...values, points: t('wallet.points', { count: type.cardRewardPoints }) })
          : t('wallet.wallets.stampsNoReward', values)}
      </p>
      {wallet.cardsCompleted > 0 && (
        <p className="muted">{t('wallet.wallets.cards', { count: wallet.cardsCompleted })}</p>
      )}
    </>
  );
}

/** The wallet's history in the apps' words, read each time it is opened (it is not live). */
function WalletHistory({
  graph,
  customerId,
  wallet,
  mine,
}: {
  graph: Graph;
  customerId: string;
  wallet: WalletOtherBalanceFragment;
  mine: boolean;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<Entry[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setBusy(true);
    setError(undefined);
    try {
      const { customer } = await graph.request(WalletOtherHistoryDocument, { id: customerId, code: wallet.type.code });
      setEntries(customer?.loyalty?.wallet?.history ?? []);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="ghost"
        aria-expanded={open}
        aria-controls={id}
        busy={busy}
        onClick={() => void toggle()}
        aria-label={`${t(open ? 'wallet.wallets.hideHistory' : 'wallet.wallets.showHistory')}: ${wallet.type.name}`}
      >
        {t(open ? 'wallet.wallets.hideHistory' : 'wallet.wallets.showHistory')}
      </Button>
      <div id={id} hidden={!open}>
        {error !== undefined && <ErrorNotice error={error} />}
        {open && entries && (
          <>
            {!mine && <p className="muted">{t('wallet.wallets.historyMine')}</p>}
            {entries.length === 0 ? (
              <p className="muted">{t('wallet.wallets.historyNone')}</p>
            ) : (
              <ol
                className="timeline"
                aria-label={t('wallet.wallets.historyOf', { name: wallet.type.name })}
                data-testid={`wallet-history-${wallet.type.code}`}
              >
                {entries.map((entry) => (
                  <li key={entry.id}>{walletHistoryWords(t, locale, wallet.type, entry, customerId)}</li>
                ))}
              </ol>
            )}
          </>
        )}
      </div>
    </>
  );
}
