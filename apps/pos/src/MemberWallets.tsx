import { useI18n } from '../../ui/i18n.js';
import { stampCard, walletAmount } from '../../ui/walletWords.js';
import type { PosMemberFragment } from '../sdk/graphql.js';

export type MemberWallet = NonNullable<PosMemberFragment['loyalty']>['wallets'][number];

/**
 * The member's wallets besides points at the till (issue 29): stamps on the card, store credit and
 * cashback to spend, what is pending, and whether a wallet is shared with a household.
 */
export function MemberWallets({ member }: { member: PosMemberFragment }) {
  const { t, locale } = useI18n();
  const wallets = member.loyalty?.wallets ?? [];
  if (wallets.length === 0) return null;
  return (
    <>
      <h3 className="member-wallets-title">{t('pos.wallets.title')}</h3>
      <ul className="member-wallets" data-testid="member-wallets">
        {wallets.map((wallet) => {
          const { type } = wallet;
          const amount = (value: number) => walletAmount(t, locale, type, value);
          const card = stampCard(type, wallet.balance);
          return (
            <li key={type.code} data-wallet={type.code}>
              <span className="member-wallet-name">{type.name}</span>{' '}
              <strong>
                {type.kind === 'STAMPS'
                  ? t('pos.wallets.stamps', { filled: card.filled, slots: card.slots })
                  : amount(wallet.balance)}
              </strong>
              {wallet.pending > 0 && (
                <span className="muted"> · {t('pos.wallets.pending', { amount: amount(wallet.pending) })}</span>
              )}
              {wallet.ownerId !== member.id ? (
                <span className="muted"> · {t('pos.wallets.sharedMember')}</span>
              ) : (
                wallet.householdMembers.length > 0 && (
                  <span className="muted">
                    {' '}
                    · {t('pos.wallets.sharedOwner', { count: wallet.householdMembers.length })}
                  </span>
                )
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The wallets that may pay at this till: money in its currency, the member's own, with a balance. */
export function spendableWallets(member: PosMemberFragment, currency: string): MemberWallet[] {
  return (member.loyalty?.wallets ?? []).filter(
    (wallet) =>
      wallet.type.kind !== 'STAMPS' && wallet.canSpend && wallet.type.currency === currency && wallet.balance > 0,
  );
}
