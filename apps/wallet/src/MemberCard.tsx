import { Card } from '../../ui/components.js';
import { useI18n } from '../../ui/i18n.js';
import { qrCode, qrPath } from '../../ui/qrCode.js';
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
  const code = qrCode(card.scanPayload);
  const quiet = 4;
  const side = code.size + 2 * quiet;
  const number = groupedNumber(card.number);
  return (
    <Card title={t('wallet.card.title')} className="wallet-card">
      <svg
        className="qr"
        role="img"
        aria-label={t('wallet.card.qr', { number })}
        viewBox={`0 0 ${side} ${side}`}
        shapeRendering="crispEdges"
        data-payload={card.scanPayload}
      >
        <rect width={side} height={side} fill="#fff" />
        <path d={qrPath(code, quiet)} fill="#000" />
      </svg>
      <p className="card-number">
        <span className="visually-hidden">{t('wallet.card.number')}: </span>
        <span data-testid="card-number">{number}</span>
      </p>
      <p className="muted">{t('wallet.card.hint')}</p>
    </Card>
  );
}
