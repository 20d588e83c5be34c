import { useState, type FormEvent } from 'react';
import { Button, TextField } from '../../ui/components.js';
import { formatMoney, minorDigits, parseMoney } from '../../ui/format.js';
import { useI18n } from '../../ui/i18n.js';
import type { PosMemberFragment } from '../sdk/graphql.js';
import { spendableWallets, type MemberWallet } from './MemberWallets.js';

/**
 * Store credit or cashback paying part of the basket (issue 29): planned here, then sent as a tender
 * of the sale (`recordPurchase`'s `walletPayments`), spent in the purchase's own transaction: a
 * basket left unrecorded, or a sale refused, spends nothing.
 */
export interface WalletPay {
  wallet: string;
  name: string;
  /** Minor units of the till's currency. */
  amount: number;
}

/**
 * The member's money wallets that may pay (their own, in the till's currency, with a balance), an
 * amount for each (at most its balance and what is left to pay), and the payments planned so far.
 */
export function WalletPayment({
  member,
  currency,
  left,
  ready,
  pays,
  busy,
  onUse,
  onRemove,
}: {
  member: PosMemberFragment;
  currency: string;
  /** What is left to pay of the basket after points and the planned wallet payments, in minor units. */
  left: number;
  /** Whether the basket is complete. */
  ready: boolean;
  pays: readonly WalletPay[];
  busy: boolean;
  onUse(wallet: MemberWallet, amount: number): void;
  onRemove(wallet: string): void;
}) {
  const { t } = useI18n();
  const offered = spendableWallets(member, currency).filter(
    (wallet) => !pays.some((p) => p.wallet === wallet.type.code),
  );
  if (pays.length === 0 && (offered.length === 0 || !ready || left <= 0)) return null;
  return (
    <section className="points-pay" aria-label={t('pos.walletPay.label')}>
      <h3>{t('pos.walletPay.label')}</h3>
      {pays.length > 0 && (
        <ul className="till-list" data-testid="wallet-pays">
          {pays.map((pay) => (
            <PlannedPay key={pay.wallet} pay={pay} currency={currency} busy={busy} onRemove={onRemove} />
          ))}
        </ul>
      )}
      {ready &&
        left > 0 &&
        offered.map((wallet) => (
          <WalletPayForm
            // What is left to pay and what the wallet holds set the amount it offers: a new form when they change.
            key={`${wallet.type.code}/${left}/${wallet.balance}`}
            wallet={wallet}
            currency={currency}
            left={left}
            busy={busy}
            onUse={(amount) => onUse(wallet, amount)}
          />
        ))}
    </section>
  );
}

function PlannedPay({
  pay,
  currency,
  busy,
  onRemove,
}: {
  pay: WalletPay;
  currency: string;
  busy: boolean;
  onRemove(wallet: string): void;
}) {
  const { t, locale } = useI18n();
  const values = { name: pay.name, amount: formatMoney(locale, pay.amount, currency) };
  return (
    <li>
      <span className="wallet-pay-line">{t('pos.walletPay.planned', values)}</span>
      <Button variant="ghost" busy={busy} onClick={() => onRemove(pay.wallet)}>
        {t('pos.walletPay.remove', { name: pay.name })}
      </Button>
    </li>
  );
}

function WalletPayForm({
  wallet,
  currency,
  left,
  busy,
  onUse,
}: {
  wallet: MemberWallet;
  currency: string;
  left: number;
  busy: boolean;
  onUse(amount: number): void;
}) {
  const { t, locale } = useI18n();
  const max = Math.min(wallet.balance, left);
  const digits = minorDigits(currency);
  const [text, setText] = useState(() => (max / 10 ** digits).toFixed(digits));
  const [attempted, setAttempted] = useState(false);
  const chosen = parseMoney(text, currency);
  const wrong = chosen === null || chosen <= 0 || chosen > max;
  const money = (value: number) => formatMoney(locale, value, currency);
  const use = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!wrong && chosen !== null) onUse(chosen);
  };
  return (
    <form className="points-form" onSubmit={use} noValidate>
      <p>{t('pos.walletPay.available', { name: wallet.type.name, amount: money(wallet.balance) })}</p>
      <TextField
        label={t('pos.walletPay.amount', { name: wallet.type.name, currency })}
        hint={t('pos.walletPay.hint', { max: money(max) })}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={
          attempted && wrong
            ? t('pos.walletPay.problem', {
                max: money(max),
                example: (1).toLocaleString(locale, { minimumFractionDigits: digits }),
              })
            : undefined
        }
        inputMode="decimal"
        autoComplete="off"
        data-wallet-field={wallet.type.code}
      />
      <Button type="submit" variant="secondary" busy={busy}>
        {t('pos.walletPay.submit', { name: wallet.type.name })}
      </Button>
    </form>
  );
}
