import { useEffect, useState, type FormEvent } from 'react';
import { Button, TextField } from '../../ui/components.js';
import { formatDateTime, formatMoney, formatNumber } from '../../ui/format.js';
import { useI18n } from '../../ui/i18n.js';
import {
  PosPointsPaymentQuoteDocument,
  type PosMemberFragment,
  type PosPointsHoldFragment,
  type PosPointsPaymentQuoteQuery,
} from '../sdk/graphql.js';
import { errorCode } from './ErrorNotice.js';
import { focusField } from './focus.js';
import { amountPaidBy, parsePoints, pointsProblem, unavailableBecause } from './pointsPayment.js';
import { useGraph } from './useGraph.js';

type Offer = PosPointsPaymentQuoteQuery['quotePointsPayment'];

/**
 * What the member's points may pay of the basket (the graph's quote for its total), the points to
 * pay with (the most by default, lowered in the rate's steps), and, once held, the hold with a way
 * to give the points back when the member pays cash after all.
 */
export function PointsPayment({
  member,
  currency,
  total,
  ready,
  hold,
  busy,
  onPay,
  onRelease,
}: {
  member: PosMemberFragment;
  currency: string;
  /** The basket's total, in minor units. */
  total: number;
  /** Whether the basket is complete (the quote waits for it). */
  ready: boolean;
  hold?: PosPointsHoldFragment;
  busy: boolean;
  onPay(points: number): void;
  onRelease(): void;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [offer, setOffer] = useState<{ total: number; offer?: Offer; error?: unknown }>();
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const balance = member.loyalty?.balance ?? 0;

  // The quote follows the total (and the balance: a reward redeemed meanwhile spends points).
  useEffect(() => {
    if (!ready || hold || total <= 0) return;
    let current = true;
    const timer = setTimeout(() => {
      graph.request(PosPointsPaymentQuoteDocument, { customerId: member.id, currency, amount: total }).then(
        ({ quotePointsPayment }) => {
          if (!current) return;
          setOffer({ total, offer: quotePointsPayment });
          // The most the points may pay, until the associate lowers it.
          setText(String(quotePointsPayment.maxPoints));
          setAttempted(false);
        },
        (failure: unknown) => current && setOffer({ total, error: failure }),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [graph, member.id, currency, total, ready, hold, balance]);

  const money = (amount: number) => formatMoney(locale, amount, currency);
  const points = (count: number) => formatNumber(locale, count);

  if (hold) {
    return (
      <section className="points-pay" aria-label={t('pos.pay.label')}>
        <h3>{t('pos.pay.label')}</h3>
        <p className="points-held" role="status">
          {t('pos.pay.held', {
            count: hold.points,
            amount: money(hold.amount),
            cash: money(Math.max(0, total - hold.amount)),
            time: formatDateTime(locale, hold.expiresAt),
          })}
        </p>
        <Button variant="secondary" busy={busy} onClick={onRelease}>
          {t('pos.pay.release')}
        </Button>
      </section>
    );
  }
  if (!ready || total <= 0) return null;

  const current = offer && offer.total === total ? offer : undefined;
  const quote = current?.offer;
  const chosen = parsePoints(text);
  const problem = quote ? pointsProblem(chosen, quote) : null;
  const problemText =
    attempted && quote && problem
      ? t(`pos.pay.problem.${problem}`, {
          min: points(Math.max(quote.minPoints, quote.pointsStep)),
          max: points(quote.maxPoints),
          step: points(quote.pointsStep),
        })
      : undefined;
  const pay = (event: FormEvent) => {
    event.preventDefault();
    if (!quote || busy) return;
    setAttempted(true);
    if (problem || chosen === null) return focusField('[data-points-field]');
    onPay(chosen);
  };

  return (
    <section className="points-pay" aria-label={t('pos.pay.label')}>
      <h3>{t('pos.pay.label')}</h3>
      {/* What the points may pay is read out as it changes; the form under it is not. */}
      <div aria-live="polite">
        {current?.error !== undefined ? (
          <p className="muted">
            {errorCode(current.error) === 'BAD_USER_INPUT'
              ? t('pos.pay.noRate', { currency })
              : t('pos.pay.quoteFailed')}
          </p>
        ) : !quote ? (
          <p className="muted">{t('pos.pay.loading')}</p>
        ) : quote.maxPoints === 0 ? (
          <p className="muted">
            {t(`pos.pay.unavailable.${unavailableBecause(quote, balance)}`, {
              min: points(Math.max(quote.minPoints, quote.pointsStep)),
              balance: points(balance),
            })}
          </p>
        ) : (
          <p className="points-offer">
            {t('pos.pay.offer', { count: quote.maxPoints, amount: money(quote.maxAmount) })}
          </p>
        )}
      </div>
      {quote && quote.maxPoints > 0 && (
        <form onSubmit={pay} className="points-form" noValidate>
          <TextField
            label={t('pos.pay.points')}
            hint={t('pos.pay.pointsHint', {
              min: points(Math.max(quote.minPoints, quote.pointsStep)),
              max: points(quote.maxPoints),
              step: points(quote.pointsStep),
            })}
            value={text}
            onChange={(event) => setText(event.target.value)}
            error={problemText}
            inputMode="numeric"
            autoComplete="off"
            data-points-field
          />
          {!problem && chosen !== null && (
            <p className="points-split">
              {t('pos.pay.split', {
                count: chosen,
                amount: money(amountPaidBy(chosen, quote)),
                cash: money(total - amountPaidBy(chosen, quote)),
              })}
            </p>
          )}
          <Button type="submit" variant="secondary" busy={busy}>
            {t('pos.pay.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}
