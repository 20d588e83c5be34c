import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Card, Notice, Pill, SelectField, TextField, type Tone } from '../../ui/components.js';
import { formatMoney, formatNumber, minorDigits, parseMoney } from '../../ui/format.js';
import { useI18n } from '../../ui/i18n.js';
import { holdScanPayload } from '../../ui/identifier.js';
import { amountPaidBy, parsePoints, pointsProblem, unavailableBecause } from '../../ui/pointsPayment.js';
import {
  WalletHoldPointsDocument,
  WalletPointsHoldDocument,
  WalletPointsPaymentQuoteDocument,
  WalletPointsPaymentRatesDocument,
  WalletReleasePointsHoldDocument,
  type WalletPointsHoldFragment,
  type WalletPointsPaymentQuoteQuery,
} from '../sdk/graphql.js';
import { ErrorNotice } from './ErrorNotice.js';
import { errorCode, type Graph } from './graph.js';
import { QrImage } from './QrImage.js';
import type { Customer } from './useWallet.js';

type Hold = WalletPointsHoldFragment;
type Quote = WalletPointsPaymentQuoteQuery['quotePointsPayment'];

/** How often an open hold is read again, to see the till use it (ms). */
const pollMs = 3000;

/**
 * Paying part of a basket at a till with points (issue 29): the member says what the basket costs,
 * sees what their points pay of it (the graph's quote), and sets the points aside (a hold); the
 * hold is then a code for the till to scan, followed until the sale uses it, it expires, or the
 * member cancels it. The open hold is read with the wallet, so it is shown again after a reload.
 */
export function PayWithPoints({
  graph,
  customer,
  onChanged,
}: {
  graph: Graph;
  customer: Customer;
  /** The balance changed (points held, given back or used): read the wallet again. */
  onChanged(): void;
}) {
  const { t } = useI18n();
  const open = customer.loyalty?.holds.edges[0]?.node;
  const [hold, setHold] = useState<Hold>();
  // The holds the member closed once they ended: a wallet read from before does not bring them back.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  // The open hold the wallet read is followed from here on: once the till uses it, the next read
  // no longer lists it, and the member is still told what became of it.
  useEffect(() => {
    if (!hold && open && !closed.has(open.id)) setHold(open);
  }, [hold, open, closed]);
  const shown = hold ?? (open && !closed.has(open.id) ? open : undefined);

  return (
    <Card title={t('wallet.pay.title')} className="wallet-pay">
      {shown ? (
        <HoldCode
          graph={graph}
          hold={shown}
          onUpdate={(next) => {
            setHold(next);
            if (next.status !== shown.status) onChanged();
          }}
          onClose={() => {
            setClosed((ids) => new Set(ids).add(shown.id));
            setHold(undefined);
          }}
        />
      ) : (
        <HoldForm
          graph={graph}
          customer={customer}
          onHeld={(held) => {
            setHold(held);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function HoldForm({ graph, customer, onHeld }: { graph: Graph; customer: Customer; onHeld(hold: Hold): void }) {
  const { t, locale } = useI18n();
  const [currencies, setCurrencies] = useState<{ list?: string[]; error?: unknown }>({});
  const [currency, setCurrency] = useState('');
  const [amountText, setAmountText] = useState('');
  const [quote, setQuote] = useState<{ key: string; quote?: Quote; error?: unknown }>();
  const [pointsText, setPointsText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // One key per attempt: a second tap, or a retry after the answer was lost, holds once. A new
  // attempt (other points, or after a refusal) takes a new key.
  const attempt = useRef<{ what: string; key: string }>(undefined);
  const sending = useRef(false);
  const balance = customer.loyalty?.balance ?? 0;

  useEffect(() => {
    let current = true;
    graph.request(WalletPointsPaymentRatesDocument, {}).then(
      ({ pointsPaymentRates }) => {
        if (!current) return;
        const list = pointsPaymentRates.map((rate) => rate.currency);
        setCurrencies({ list });
        setCurrency((chosen) => chosen || list[0] || '');
      },
      (failure: unknown) => current && setCurrencies({ error: failure }),
    );
    return () => {
      current = false;
    };
  }, [graph]);

  const amount = currency ? parseMoney(amountText, currency) : null;
  const key = amount !== null && amount > 0 ? `${currency}:${amount}` : '';
  // The quote follows the basket's amount, a moment after the typing stops (and the balance).
  useEffect(() => {
    if (!key) return;
    let current = true;
    const [forCurrency, forAmount] = key.split(':') as [string, string];
    const timer = setTimeout(() => {
      graph
        .request(WalletPointsPaymentQuoteDocument, {
          customerId: customer.id,
          currency: forCurrency,
          amount: Number(forAmount),
        })
        .then(
          ({ quotePointsPayment }) => {
            if (!current) return;
            setQuote({ key, quote: quotePointsPayment });
            // The most the points may pay, until the member lowers it.
            setPointsText(String(quotePointsPayment.maxPoints));
            setAttempted(false);
          },
          (failure: unknown) => current && setQuote({ key, error: failure }),
        );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [graph, customer.id, key, balance]);

  if (currencies.error !== undefined) return <ErrorNotice error={currencies.error} />;
  if (!currencies.list) return <p className="muted">{t('loading')}</p>;
  if (currencies.list.length === 0) return <p className="muted">{t('wallet.pay.noRate')}</p>;

  const money = (minor: number) => formatMoney(locale, minor, currency);
  const points = (count: number) => formatNumber(locale, count);
  const current = quote && quote.key === key ? quote : undefined;
  const offer = current?.quote;
  const chosen = parsePoints(pointsText);
  const problem = offer ? pointsProblem(chosen, offer) : null;
  const limits = offer && {
    min: points(Math.max(offer.minPoints, offer.pointsStep)),
    max: points(offer.maxPoints),
    step: points(offer.pointsStep),
  };
  const example = (20).toLocaleString(locale, { minimumFractionDigits: minorDigits(currency) });

  const holdPoints = async (event: FormEvent) => {
    event.preventDefault();
    if (!offer || amount === null || sending.current) return;
    setAttempted(true);
    if (problem || chosen === null) return;
    const what = `${currency}:${chosen}`;
    if (attempt.current?.what !== what) attempt.current = { what, key: crypto.randomUUID() };
    sending.current = true;
    setBusy(true);
    setError(undefined);
    try {
      const { holdPoints: held } = await graph.request(WalletHoldPointsDocument, {
        // Shown at a till of any store: the hold names none.
        input: {
          customerId: customer.id,
          channel: 'IN_STORE',
          storeId: null,
          currency,
          points: chosen,
          idempotencyKey: attempt.current.key,
        },
      });
      attempt.current = undefined;
      onHeld(held);
    } catch (failure) {
      setError(failure);
      // Refused (not lost on the way): the next try is a new hold.
      if (!['NETWORK', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'].includes(errorCode(failure))) {
        attempt.current = undefined;
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void holdPoints(event)} noValidate>
      <p className="muted">{t('wallet.pay.intro')}</p>
      {currencies.list.length > 1 && (
        <SelectField
          label={t('wallet.pay.currency')}
          value={currency}
          onChange={(event) => setCurrency(event.target.value)}
          options={currencies.list.map((code) => ({ value: code, label: code }))}
        />
      )}
      <TextField
        label={t('wallet.pay.amount', { currency })}
        hint={t('wallet.pay.amountHint', { example })}
        value={amountText}
        onChange={(event) => setAmountText(event.target.value)}
        error={amountText.trim() && amount === null ? t('wallet.pay.amountProblem', { example }) : undefined}
        inputMode="decimal"
        autoComplete="off"
        data-pay-amount
      />
      <div aria-live="polite" data-testid="pay-quote">
        {!key ? null : current?.error !== undefined ? (
          <ErrorNotice error={current.error} />
        ) : !offer ? (
          <p className="muted">{t('wallet.pay.loading')}</p>
        ) : offer.maxPoints === 0 ? (
          <p className="muted">
            {t(`wallet.pay.unavailable.${unavailableBecause(offer, balance)}`, {
              min: limits!.min,
              balance: points(balance),
            })}
          </p>
        ) : (
          <p className="pay-offer">
            {t('wallet.pay.offer', { count: offer.maxPoints, amount: money(offer.maxAmount), total: money(amount!) })}
          </p>
        )}
      </div>
      {offer && offer.maxPoints > 0 && (
        <>
          <TextField
            label={t('wallet.pay.points')}
            hint={t('wallet.pay.pointsHint', limits!)}
            value={pointsText}
            onChange={(event) => setPointsText(event.target.value)}
            error={attempted && problem ? t(`wallet.pay.problem.${problem}`, limits!) : undefined}
            inputMode="numeric"
            autoComplete="off"
            data-pay-points
          />
          {!problem && chosen !== null && (
            <p className="pay-split" data-testid="pay-split">
              {t('wallet.pay.split', {
                count: chosen,
                amount: money(amountPaidBy(chosen, offer)),
                cash: money(amount! - amountPaidBy(chosen, offer)),
              })}
            </p>
          )}
          {error !== undefined && <ErrorNotice error={error} />}
          <Button type="submit" busy={busy}>
            {t('wallet.pay.submit', { count: chosen ?? offer.maxPoints })}
          </Button>
        </>
      )}
    </form>
  );
}

/** What a hold is now, for the member: a HELD hold past its time pays nothing any more. */
function holdState(hold: Hold, now: number): 'HELD' | 'PAID' | 'EXPIRED' | 'CANCELLED' {
  if (hold.status === 'CAPTURED') return 'PAID';
  if (hold.status === 'RELEASED') return 'CANCELLED';
  if (hold.status === 'EXPIRED' || Date.parse(hold.expiresAt) <= now) return 'EXPIRED';
  return 'HELD';
}

const stateTones: Record<ReturnType<typeof holdState>, Tone> = {
  HELD: 'info',
  PAID: 'good',
  EXPIRED: 'warning',
  CANCELLED: 'neutral',
};

/** "4:05": minutes and seconds left. */
function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function HoldCode({
  graph,
  hold,
  onUpdate,
  onClose,
}: {
  graph: Graph;
  hold: Hold;
  onUpdate(hold: Hold): void;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const state = holdState(hold, now);
  const update = useRef(onUpdate);
  update.current = onUpdate;

  // The clock for the countdown, while the hold is open.
  useEffect(() => {
    if (hold.status !== 'HELD') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [hold.status]);

  // Read again every few seconds while open (and once more after it expired, to see it given back).
  useEffect(() => {
    if (hold.status !== 'HELD') return;
    let current = true;
    const timer = setInterval(() => {
      graph.request(WalletPointsHoldDocument, { id: hold.id }).then(
        ({ pointsHold }) => current && update.current(pointsHold),
        () => {
          // Offline for a moment: the next read tries again.
        },
      );
    }, pollMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [graph, hold.id, hold.status]);

  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { releasePointsHold } = await graph.request(WalletReleasePointsHoldDocument, { holdId: hold.id });
      onUpdate(releasePointsHold);
    } catch (failure) {
      setError(failure);
      // Used by the till meanwhile: a CONFLICT; the hold as it is now says so.
      void graph.request(WalletPointsHoldDocument, { id: hold.id }).then(
        ({ pointsHold }) => onUpdate(pointsHold),
        () => {},
      );
    } finally {
      setBusy(false);
    }
  };

  const money = formatMoney(locale, hold.amount, hold.currency);
  return (
    <div className="pay-hold" data-hold-id={hold.id} data-state={state}>
      <p role="status" className="pay-state">
        <Pill tone={stateTones[state]}>{t(`wallet.pay.state.${state}`)}</Pill>
      </p>
      {state === 'HELD' ? (
        <>
          <p>{t('wallet.pay.show', { count: hold.points, amount: money })}</p>
          <QrImage
            payload={holdScanPayload(hold.id)}
            label={t('wallet.pay.qr', { count: hold.points, amount: money })}
          />
          <p className="hold-code">
            <span className="visually-hidden">{t('wallet.pay.code')}: </span>
            <span data-testid="hold-code">{hold.id}</span>
          </p>
          <p className="pay-countdown" data-testid="hold-countdown">
            {t('wallet.pay.expiresIn', { time: countdown(Date.parse(hold.expiresAt) - now) })}
          </p>
          {error !== undefined && <ErrorNotice error={error} />}
          <Button variant="secondary" busy={busy} onClick={() => void cancel()}>
            {t('wallet.pay.cancel')}
          </Button>
        </>
      ) : (
        <>
          <Notice tone={state === 'PAID' ? 'success' : 'info'}>
            <span data-testid="hold-outcome">
              {t(`wallet.pay.outcome.${state}`, { count: hold.points, amount: money })}
            </span>
          </Notice>
          <Button variant="secondary" onClick={onClose}>
            {t('wallet.pay.again')}
          </Button>
        </>
      )}
    </div>
  );
}
