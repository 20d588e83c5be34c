import { useEffect, useState, type FormEvent } from 'react';
import { Button, TextField } from '../../ui/components.js';
import { formatDateTime, formatMoney, formatNumber } from '../../ui/format.js';
import { useI18n } from '../../ui/i18n.js';
import type { AppHold } from './Basket.js';
import {
  PosPointsPaymentQuoteDocument,
  type PosMemberFragment,
  type PosPointsHoldFragment,
  type PosPointsPaymentQuoteQuery,
} from '../sdk/graphql.js';
import { errorCode } from './ErrorNotice.js';
import { focusField } from './focus.js';
import { amountPaidBy, parsePoints, pointsProblem, unavailableBecause } from '../../ui/pointsPayment.js';
import { useGraph } from './useGraph.js';

type Offer = PosPointsPaymentQuoteQuery['quotePointsPayment'];

/**
 * What the member's points may pay of the basket (the graph's quote for its total), the points to
 * pay with (the most by default, lowered in the rate's steps), and, once held, the hold with a way
 * to give the points back when the member pays cash after all. Or the code of points the member
 * set aside in their app: the hold it names (whose, how many, what they pay, until when), to use.
 */
export function PointsPayment({
  member,
  currency,
  total,
  ready,
  hold,
  fromApp,
  offered,
  busy,
  onPay,
  onRelease,
  onTakeCode,
  onUseOffered,
}: {
  member: PosMemberFragment;
  currency: string;
  /** The basket's total, in minor units. */
  total: number;
  /** Whether the basket is complete (the quote waits for it). */
  ready: boolean;
  hold?: PosPointsHoldFragment;
  /** Whether the hold is the member's app's (set aside by them, not given back by the till). */
  fromApp: boolean;
  /** The hold of the member's app read by its code, not used yet. */
  offered?: AppHold;
  busy: boolean;
  onPay(points: number): void;
  onRelease(): void;
  onTakeCode(code: string): void;
  onUseOffered(): void;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [offer, setOffer] = useState<{ total: number; offer?: Offer; error?: unknown }>();
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [code, setCode] = useState('');
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
          {t(fromApp ? 'pos.appHold.drop' : 'pos.pay.release')}
        </Button>
      </section>
    );
  }

  // The member's app: its code read here (or in the find field), the hold it names, and using it.
  const appSection = (
    <div className="app-hold">
      {offered ? (
        <div className="app-hold-offered" data-testid="app-hold">
          <p>
            {t('pos.appHold.offered', {
              name: offered.customer.name,
              count: offered.points,
              amount: money(offered.amount),
              time: formatDateTime(locale, offered.expiresAt),
            })}
          </p>
          <Button variant="secondary" busy={busy} disabled={!ready || total <= 0} onClick={onUseOffered}>
            {t('pos.appHold.use', { count: offered.points, amount: money(offered.amount) })}
          </Button>
          {(!ready || total <= 0) && <p className="field-hint">{t('pos.appHold.basketFirst')}</p>}
        </div>
      ) : (
        <form
          className="points-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (code.trim()) onTakeCode(code);
          }}
          noValidate
        >
          <TextField
            label={t('pos.appHold.code')}
            hint={t('pos.appHold.codeHint')}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-app-hold-field
          />
          <Button type="submit" variant="secondary" busy={busy}>
            {t('pos.appHold.take')}
          </Button>
        </form>
      )}
    </div>
  );
  if (!ready || total <= 0) {
    return offered ? (
      <section className="points-pay" aria-label={t('pos.pay.label')}>
        <h3>{t('pos.pay.label')}</h3>
        {appSection}
      </section>
    ) : null;
  }

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
      <h4>{t('pos.appHold.title')}</h4>
      {appSection}
    </section>
  );
}
