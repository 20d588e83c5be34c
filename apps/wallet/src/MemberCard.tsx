import { Card } from '../../ui/components.js';
import { useI18n } from '../../ui/i18n.js';
import { QrImage } from './QrImage.js';
import type { Customer } from './useWallet.js';

/** "1234 5678 9012 3456": a card number as it is read out and typed. */
export function groupedNumber(number: string): string {
  return number.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The member card to scan at a till: the QR code of its scan payload, and the number to type. */
export function MemberCard({ card }: { card: Customer['memberCard'] }) {
  const { t } = useI18n();
  if (!card) {
    return (
      <Card title={t('wallet.card.title')} className="wallet-card">
        <p className="muted">{t('wallet.card.none')}</p>
      </Card>
    );
  }
  const number = groupedNumber(card.number);
  return (
    <Card title={t('wallet.card.title')} className="wallet-card">
      <QrImage payload={card.scanPayload} label={t('wallet.card.qr', { number })} />
      <p className="card-number">
        <span className="visually-hidden">{t('wallet.card.number')}: </span>
        <span data-testid="card-number">{number}</span>
      </p>
      <p className="muted">{t('wallet.card.hint')}</p>
    </Card>
  );
}
