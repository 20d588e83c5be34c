import { useState, type FormEvent } from 'react';
import { Button, Card, Notice, SelectField, Stat, Stats, TextField } from '../../../ui/components.js';
import { formatDate, formatDateTime } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import {
  ConsoleAdjustWalletDocument,
  ConsoleMemberWalletsDocument,
  type ConsoleMemberWalletsQuery,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { href } from '../route.js';
import { useGraph, useQuery } from '../useGraph.js';
import { minorDigits } from '../walletForm.js';
import { walletAmount } from './Wallets.js';

type Wallet = NonNullable<NonNullable<ConsoleMemberWalletsQuery['customer']>['loyalty']>['wallets'][number];

/** A member's wallets besides points: balance, pending, expiring soonest, household, last lines; adjust one. */
export function MemberWallets({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const loaded = useQuery(ConsoleMemberWalletsDocument, { id: customerId });
  const wallets = loaded.data?.customer?.loyalty?.wallets ?? [];
  return (
    <Card title={t('memberWallets.title')}>
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
      {!loaded.data ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : wallets.length === 0 ? (
        <p className="muted">{t('memberWallets.none')}</p>
      ) : (
        <>
          <div className="grid">
            {wallets.map((wallet) => (
              <WalletSummary key={wallet.type.code} wallet={wallet} customerId={customerId} />
            ))}
          </div>
          <AdjustWallet customerId={customerId} wallets={wallets} onAdjusted={loaded.reload} />
        </>
      )}
    </Card>
  );
}

function WalletSummary({ wallet, customerId }: { wallet: Wallet; customerId: string }) {
  const { t, locale } = useI18n();
  const amount = (value: number) => walletAmount(t, locale, wallet.type, value);
  const stamps = wallet.type.kind === 'STAMPS';
  const soonest = wallet.expiring[0];
  const memberLink = (id: string) => <a href={href({ page: 'member', id })}>{id}</a>;
  return (
    <section className="wallet-summary" aria-label={wallet.type.name}>
      <h3>
        {wallet.type.name} <span className="muted">({t(`walletKind.${wallet.type.kind}`)})</span>
      </h3>
      <Stats>
        <Stat
          label={t('memberWallets.balance')}
          value={
            stamps
              ? t('memberWallets.stampsOf', { count: wallet.balance, card: wallet.type.stampsPerCard ?? 0 })
              : amount(wallet.balance)
          }
          hint={stamps ? t('memberWallets.cards', { count: wallet.cardsCompleted }) : undefined}
        />
        <Stat label={t('memberWallets.pending')} value={amount(wallet.pending)} />
        <Stat
          label={t('memberWallets.expiring')}
          value={soonest ? amount(soonest.amount) : '—'}
          hint={soonest ? t('memberWallets.expiresOn', { day: formatDate(locale, soonest.expiresAt) }) : undefined}
        />
      </Stats>
      <p>
        {wallet.ownerId === customerId ? (
          wallet.householdMembers.length === 0 ? (
            t('memberWallets.ownNotShared')
          ) : (
            <>
              {t('memberWallets.ownShared')}{' '}
              {wallet.householdMembers.map((id, index) => (
                <span key={id}>
                  {index > 0 && ', '}
                  {memberLink(id)}
                </span>
              ))}
            </>
          )
        ) : (
          <>
            {t('memberWallets.earnsInto')} {memberLink(wallet.ownerId)}
          </>
        )}
      </p>
      {wallet.history.length === 0 ? (
        <p className="muted">{t('memberWallets.noHistory')}</p>
      ) : (
        <ol className="timeline" aria-label={t('memberWallets.history', { name: wallet.type.name })}>
          {wallet.history.map((entry) => (
            <li key={entry.id}>
              <span className="muted">{formatDateTime(locale, entry.createdAt)}</span> —{' '}
              {t('memberWallets.line', {
                kind: t(`walletEntry.${entry.kind as WalletEntryKind}`),
                amount: (entry.amount > 0 ? '+' : '') + amount(entry.amount),
                after: amount(entry.balanceAfter),
              })}
              {entry.reason && <span className="muted"> · {entry.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type WalletEntryKind = 'EARN' | 'RELEASE' | 'REVERSE' | 'SPEND' | 'ADJUST' | 'AWARD' | 'EXPIRE' | 'CARD_COMPLETED';

/** A hand-made credit or debit of one wallet, in its units (money in major units), with a reason. */
function AdjustWallet({
  customerId,
  wallets,
  onAdjusted,
}: {
  customerId: string;
  wallets: readonly Wallet[];
  onAdjusted(): void;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [code, setCode] = useState(wallets[0]!.type.code);
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One key per intended adjustment: a retry after a lost answer is the same adjustment.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const wallet = wallets.find((candidate) => candidate.type.code === code) ?? wallets[0]!;
  const money = wallet.type.kind !== 'STAMPS' && wallet.type.currency;
  const typed = Number(amountText.trim().replace(',', '.'));
  const amount = money ? Math.round(typed * 10 ** minorDigits(wallet.type.currency!)) : typed;
  const amountProblem =
    !amountText.trim() || !Number.isFinite(typed) || !Number.isInteger(amount) || amount === 0
      ? t(money ? 'memberWallets.amountProblemMoney' : 'memberWallets.amountProblemStamps')
      : undefined;
  const reasonProblem = reason.trim() ? undefined : t('problem.required');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (amountProblem || reasonProblem) return;
    setBusy(true);
    setError(undefined);
    try {
      const { adjustWallet } = await graph.request(ConsoleAdjustWalletDocument, {
        input: { customerId: wallet.ownerId, wallet: wallet.type.code, amount, reason: reason.trim(), idempotencyKey },
      });
      setDone(
        t('memberWallets.adjusted', {
          name: wallet.type.name,
          amount: walletAmount(t, locale, wallet.type, adjustWallet.amount),
          balance: walletAmount(t, locale, wallet.type, adjustWallet.balanceAfter),
        }),
      );
      setAmountText('');
      setReason('');
      setAttempted(false);
      setIdempotencyKey(crypto.randomUUID());
      onAdjusted();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('memberWallets.adjust')} noValidate>
      <h3>{t('memberWallets.adjust')}</h3>
      {wallet.ownerId !== customerId && <p className="muted">{t('memberWallets.adjustOwner')}</p>}
      <div className="form-grid">
        <SelectField
          label={t('memberWallets.wallet')}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            // Another wallet, amount or reason is another intended change; a retry of the same is not.
            setIdempotencyKey(crypto.randomUUID());
          }}
          options={wallets.map((option) => ({ value: option.type.code, label: option.type.name }))}
        />
        <TextField
          label={
            money
              ? t('memberWallets.amountMoney', { currency: wallet.type.currency! })
              : t('memberWallets.amountStamps')
          }
          hint={t('memberWallets.amountHint')}
          inputMode={money ? 'decimal' : 'numeric'}
          value={amountText}
          onChange={(event) => {
            setAmountText(event.target.value);
            setIdempotencyKey(crypto.randomUUID());
          }}
          error={attempted ? amountProblem : undefined}
        />
        <TextField
          label={t('member.adjustReason')}
          hint={t('member.adjustReasonHint')}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setIdempotencyKey(crypto.randomUUID());
          }}
          error={attempted ? reasonProblem : undefined}
        />
      </div>
      <Button type="submit" busy={busy}>
        {t('memberWallets.adjustSubmit')}
      </Button>
      <div aria-live="polite">
        {done && <Notice tone="success">{done}</Notice>}
        {error !== undefined && <ErrorNotice error={error} />}
      </div>
    </form>
  );
}
