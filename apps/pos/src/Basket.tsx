import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Card, Notice, TextField } from '../../ui/components.js';
import { formatDate, formatMoney, minorDigits, parseMoney } from '../../ui/format.js';
import { useI18n } from '../../ui/i18n.js';
import {
  PosAppHoldDocument,
  PosHoldPointsDocument,
  PosQuoteDocument,
  PosRecordPurchaseDocument,
  PosReleasePointsHoldDocument,
  type PosAppHoldQuery,
  type PosMemberFragment,
  type PosPointsHoldFragment,
  type PosQuoteQuery,
  type PosRecordPurchaseMutation,
} from '../sdk/graphql.js';
import { holdIdOfCode } from '../../ui/identifier.js';
import { ErrorNotice, errorCode } from './ErrorNotice.js';
import { PointsPayment } from './PointsPayment.js';
import { checkBasket, parseQuantity, type BasketLine, type OrderLine } from './basket.js';
import { focusField } from './focus.js';
import { GraphRequestError } from './graph.js';
import { holdKey } from '../../ui/pointsPayment.js';
import { useGraph } from './useGraph.js';
import { walletAmount } from '../../ui/walletWords.js';
import type { MemberWallet } from './MemberWallets.js';
import { WalletPayment, type WalletPay } from './WalletPayment.js';

type Quote = PosQuoteQuery['pointsQuote'];
/** Points the member set aside in their app, read by the code it shows (issue 29). */
export type AppHold = PosAppHoldQuery['pointsHold'];
type Recorded = PosRecordPurchaseMutation['recordPurchase'];

const fields = ['sku', 'quantity', 'unitPrice'] as const;
type Field = (typeof fields)[number];

function fieldSelector(key: number, field: Field): string {
  return `[data-line="${key}"][data-field="${field}"]`;
}

/**
 * The sale: lines typed or scanned, the total in the program's currency, the points it will earn
 * (the graph's quote, refreshed as the basket changes), then recorded once under its receipt number;
 * part of it may be paid with the member's points, held first and captured by the sale (issue 29):
 * held here, or in the member's app and taken by the code it shows; and part with store credit or
 * cashback, spent with the sale itself.
 */
export function Basket({
  member,
  storeId,
  currency,
  receipt,
  appHold,
  onReceiptChange,
  onRecorded,
  onPointsChanged,
  onNewSale,
  onNextCustomer,
}: {
  member: PosMemberFragment;
  storeId: string;
  currency: string;
  receipt: string;
  /** The hold of the member's app the till found them by, offered to pay this basket. */
  appHold?: AppHold;
  onReceiptChange(receipt: string): void;
  onRecorded(): void;
  /** Points were held or given back: the member's balance changed. */
  onPointsChanged(): void;
  onNewSale(): void;
  onNextCustomer(): void;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const nextKey = useRef(1);
  const [lines, setLines] = useState<BasketLine[]>(() => [{ key: 0, sku: '', quantity: '1', unitPrice: '' }]);
  const [quote, setQuote] = useState<{ basket: string; quote?: Quote; error?: unknown }>();
  const [recorded, setRecorded] = useState<Recorded>();
  const [error, setError] = useState<unknown>();
  // Whether the error is about paying with points: said in those words.
  const [errorPaying, setErrorPaying] = useState(false);
  const [busy, setBusy] = useState(false);
  // The member's points held for this basket, until the sale captures them or they are given back;
  // each new attempt (after a release or a refusal) holds under a new key.
  const [hold, setHold] = useState<PosPointsHoldFragment>();
  const [holdAttempt, setHoldAttempt] = useState(1);
  // A hold of the member's app, read by its code: offered until the associate uses it for the basket.
  // It stays the member's: the till never gives it back for them (they cancel it in the app, or it expires).
  const [offered, setOffered] = useState<AppHold | undefined>(appHold);
  const fromApp = !!hold && hold.id === offered?.id;
  // Store credit or cashback paying part of the basket: planned, then sent and spent with the sale.
  const [walletPays, setWalletPays] = useState<WalletPay[]>([]);
  const walletPaid = walletPays.reduce((sum, pay) => sum + pay.amount, 0);
  const openHold = useRef<string>(undefined);
  openHold.current = recorded || fromApp ? undefined : hold?.id;
  // Held points and planned wallet payments pay this basket as it is: it is changed once they are dropped.
  const locked = !!recorded || !!hold || walletPays.length > 0;
  // Once points are held, the keyboard moves to recording the sale, when its button is enabled again.
  const recordNext = useRef(false);
  useEffect(() => {
    if (!recordNext.current || busy || (!hold && walletPays.length === 0)) return;
    recordNext.current = false;
    focusField('[data-record]');
  }, [busy, hold, walletPays]);
  // Problems are marked once the associate tries to record, not while they type.
  const [attempted, setAttempted] = useState(false);
  // A second click (or Ctrl+Enter) while the first is on its way sends nothing; a retry after a
  // failure sends the same receipt number, which the ledger answers with the first result.
  const sending = useRef(false);
  const checked = checkBasket(lines, currency);
  const basketKey = checked.lines ? JSON.stringify(checked.lines) : '';
  const symbol =
    new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value ?? currency;
  const example = (2.5).toLocaleString(locale, { minimumFractionDigits: minorDigits(currency) });

  useEffect(() => focusField(fieldSelector(0, 'sku')), []);
  // The basket closes (next customer, new sale) with points still held: they go back to the member
  // now rather than when the hold expires.
  useEffect(
    () => () => {
      if (openHold.current)
        void graph.request(PosReleasePointsHoldDocument, { holdId: openHold.current }).catch(() => {});
    },
    [graph],
  );

  // The quote follows the basket: asked a moment after the typing stops, for the basket as it is then.
  useEffect(() => {
    if (!basketKey || recorded) return;
    let current = true;
    const timer = setTimeout(() => {
      graph
        .request(PosQuoteDocument, {
          order: {
            customerId: member.id,
            channel: 'IN_STORE',
            storeId,
            currency,
            lines: JSON.parse(basketKey) as NonNullable<typeof checked.lines>,
          },
        })
        .then(
          ({ pointsQuote }) => current && setQuote({ basket: basketKey, quote: pointsQuote }),
          (failure: unknown) => current && setQuote({ basket: basketKey, error: failure }),
        );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [graph, basketKey, member.id, storeId, currency, recorded]);

  const update = (key: number, field: Field, value: string) =>
    setLines((all) => all.map((line) => (line.key === key ? { ...line, [field]: value } : line)));
  const addLine = () => {
    const key = nextKey.current++;
    setLines((all) => [...all, { key, sku: '', quantity: '1', unitPrice: '' }]);
    focusField(fieldSelector(key, 'sku'));
  };
  const removeLine = (key: number) => {
    const index = lines.findIndex((line) => line.key === key);
    const rest = lines.filter((line) => line.key !== key);
    setLines(rest.length > 0 ? rest : [{ key: nextKey.current++, sku: '', quantity: '1', unitPrice: '' }]);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    if (neighbour) focusField(fieldSelector(neighbour.key, 'sku'));
  };

  /** The order to send; null (its problems marked, the first focused) while the basket is not complete. */
  const orderToSend = (): OrderLine[] | null => {
    if (checked.lines) return checked.lines;
    setAttempted(true);
    const first = lines.find((line) => checked.problems.has(line.key)) ?? lines[0]!;
    focusField(fieldSelector(first.key, checked.problems.get(first.key)?.[0] ?? 'sku'));
    return null;
  };

  /**
   * The planned wallet payments' refusal of the sale in the till's words (a wallet holds less now,
   * or may not pay this sale), with the wallets refused; undefined when the failure is not theirs.
   * The refusal is the graph's, kept as the words' `cause`, which the notice shows under them.
   */
  const walletRefusal = (failure: unknown): { error: Error; wallets: string[] } | undefined => {
    if (!(failure instanceof GraphRequestError) || walletPays.length === 0) return undefined;
    const extensions = failure.errors[0]?.extensions;
    if (failure.code === 'INSUFFICIENT_POINTS' && typeof extensions?.wallet === 'string') {
      const pay = walletPays.find((one) => one.wallet === extensions.wallet);
      const wallet = member.loyalty?.wallets.find((one) => one.type.code === extensions.wallet);
      if (!pay || !wallet || typeof extensions.balance !== 'number') return undefined;
      const balance = walletAmount(t, locale, wallet.type, extensions.balance);
      return {
        error: new Error(t('pos.walletPay.notEnough', { name: pay.name, balance }), { cause: failure }),
        wallets: [pay.wallet],
      };
    }
    // Not a money wallet of the till's currency any more, or shared from another member's household
    // since the member was found: the ledger does not say which, so none of them pays.
    if (failure.code === 'BAD_USER_INPUT' && extensions?.argument === 'walletPayments') {
      const names = new Intl.ListFormat(locale, { type: 'disjunction' }).format(walletPays.map((pay) => pay.name));
      return {
        error: new Error(t('pos.walletPay.failed', { name: names }), { cause: failure }),
        wallets: walletPays.map((pay) => pay.wallet),
      };
    }
    return undefined;
  };

  /**
   * Sends the sale, paid in part by `held` when points are held for it, and by the wallets planned,
   * spent in the purchase's own transaction (issue 29): the sale and the spends commit together, a
   * retry of the receipt spends nothing more, and only the cash part earns.
   */
  const send = async (order: OrderLine[], held: PosPointsHoldFragment | undefined) => {
    try {
      const { recordPurchase } = await graph.request(PosRecordPurchaseDocument, {
        input: {
          customerId: member.id,
          channel: 'IN_STORE',
          storeId,
          externalOrderId: receipt,
          currency,
          lines: order,
          ...(held ? { pointsPayment: { holdId: held.id } } : {}),
          ...(walletPays.length > 0
            ? { walletPayments: walletPays.map(({ wallet, amount }) => ({ wallet, amount })) }
            : {}),
        },
      });
      setRecorded(recordPurchase);
      setHold(undefined);
      onRecorded();
      focusField('[data-after-sale]');
    } catch (failure) {
      // A wallet that cannot pay refuses the whole sale (nothing recorded, nothing spent): it leaves
      // the plan, and the member is read again for what their wallets hold now. Held points stay held.
      const refused = walletRefusal(failure);
      if (refused) {
        setError(refused.error);
        setWalletPays((all) => all.filter((pay) => !refused.wallets.includes(pay.wallet)));
        onPointsChanged();
        return;
      }
      setError(failure);
      // A receipt number used for another basket is the receipt's problem, not the points'.
      if (!held || (failure instanceof GraphRequestError && failure.reason === 'OrderConflict')) return;
      setErrorPaying(true);
      // The hold cannot pay this sale (expired, released, or more than the basket's share): nothing
      // was recorded; the points are given back and a new attempt holds afresh. Lost on the way, it
      // stays held and the retry sends it again.
      if (['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(errorCode(failure))) {
        if (held.id === offered?.id) {
          // The app's hold cannot pay this sale: it is left to the member, and no longer offered.
          setHold(undefined);
          setOffered(undefined);
          return;
        }
        await graph.request(PosReleasePointsHoldDocument, { holdId: held.id }).catch(() => {});
        setHold(undefined);
        setHoldAttempt((n) => n + 1);
        onPointsChanged();
      }
    }
  };

  const record = async () => {
    if (sending.current || recorded) return;
    const order = orderToSend();
    if (!order) return;
    sending.current = true;
    setBusy(true);
    setError(undefined);
    setErrorPaying(false);
    try {
      await send(order, hold);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  // "Pay with points" holds them (a retry with the same key answers the same hold): out of the
  // balance while the rest is paid; recording the sale then captures the hold, and only its cash
  // part earns points.
  const payWithPoints = async (points: number) => {
    if (sending.current || recorded || hold) return;
    if (!orderToSend()) return;
    sending.current = true;
    setBusy(true);
    setError(undefined);
    setErrorPaying(false);
    try {
      const { holdPoints } = await graph.request(PosHoldPointsDocument, {
        input: {
          customerId: member.id,
          channel: 'IN_STORE',
          storeId,
          currency,
          points,
          idempotencyKey: holdKey(receipt, holdAttempt),
        },
      });
      setHold(holdPoints);
      onPointsChanged();
      recordNext.current = true;
    } catch (failure) {
      setError(failure);
      setErrorPaying(true);
      // Refused (not lost on the way): the next attempt is a new hold.
      if (!['NETWORK', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'].includes(errorCode(failure))) {
        setHoldAttempt((n) => n + 1);
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  // The code of the member's app, scanned or typed: the hold it names, shown before it is used.
  const takeCode = async (code: string) => {
    if (sending.current) return;
    setError(undefined);
    setErrorPaying(false);
    const holdId = holdIdOfCode(code);
    if (!holdId) {
      setError(new Error(t('pos.appHold.badCode')));
      return;
    }
    sending.current = true;
    setBusy(true);
    try {
      const { pointsHold } = await graph.request(PosAppHoldDocument, { id: holdId });
      setOffered(pointsHold);
    } catch (failure) {
      setError(failure);
      setErrorPaying(true);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  // The app's hold pays this basket: checked here first (the member's, open, in the till's
  // currency, no more than the basket), then captured by the sale as a hold of the till's is.
  const payWithOffered = () => {
    if (!offered || sending.current || recorded || hold) return;
    if (!orderToSend()) return;
    setError(undefined);
    setErrorPaying(false);
    const problem =
      offered.customer.id !== member.id
        ? t('pos.appHold.otherMember', { name: offered.customer.name })
        : offered.status !== 'HELD' || Date.parse(offered.expiresAt) <= Date.now()
          ? t('pos.appHold.notOpen')
          : offered.currency !== currency
            ? t('pos.appHold.currency', { currency: offered.currency })
            : offered.amount > checked.total
              ? t('pos.appHold.tooMuch', { amount: formatMoney(locale, offered.amount, currency) })
              : null;
    if (problem) {
      setError(new Error(problem));
      return;
    }
    setHold(offered);
    recordNext.current = true;
  };

  // Store credit or cashback pays part of the basket: planned now, spent with the sale.
  const payWithWallet = (wallet: MemberWallet, amount: number) => {
    if (sending.current || recorded) return;
    if (!orderToSend()) return;
    setError(undefined);
    setWalletPays((all) => [...all, { wallet: wallet.type.code, name: wallet.type.name, amount }]);
    recordNext.current = true;
  };
  const dropWallet = (code: string) => setWalletPays((all) => all.filter((pay) => pay.wallet !== code));

  // The member pays cash after all: the held points go back to their balance (the app's hold is
  // only set aside: it stays the member's).
  const releaseHold = async () => {
    if (sending.current || !hold) return;
    if (fromApp) {
      setHold(undefined);
      return;
    }
    sending.current = true;
    setBusy(true);
    setError(undefined);
    setErrorPaying(false);
    try {
      await graph.request(PosReleasePointsHoldDocument, { holdId: hold.id });
      setHold(undefined);
      setHoldAttempt((n) => n + 1);
      onPointsChanged();
      focusField('[data-points-field]');
    } catch (failure) {
      setError(failure);
      setErrorPaying(true);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  // Enter moves on (a barcode scanner ends the code with Enter): product → quantity → price → a new line.
  // Ctrl+Enter (⌘+Enter) records the sale.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, key: number, field: Field) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
      void record();
      return;
    }
    const next = fields[fields.indexOf(field) + 1];
    if (next) return focusField(fieldSelector(key, next));
    const after = lines[lines.findIndex((line) => line.key === key) + 1];
    if (after) focusField(fieldSelector(after.key, 'sku'));
    else addLine();
  };

  const problemText = (key: number, field: Field): string | undefined => {
    if (!attempted || !checked.problems.get(key)?.includes(field)) return undefined;
    if (field === 'sku') return t('pos.basket.skuProblem');
    if (field === 'quantity') return t('pos.basket.quantityProblem');
    return t('pos.basket.priceProblem', { example });
  };
  const currentQuote = quote && quote.basket === basketKey ? quote : undefined;

  return (
    <Card title={t('pos.basket.title')} className="basket">
      <p className="muted">{t('pos.basket.currency', { currency, symbol })}</p>
      <TextField
        label={t('pos.basket.receipt')}
        hint={t('pos.basket.receiptHint')}
        value={receipt}
        onChange={(event) => onReceiptChange(event.target.value)}
        disabled={locked}
        autoComplete="off"
      />
      <ol className="lines" aria-label={t('pos.basket.lines')}>
        {lines.map((line, index) => {
          const n = index + 1;
          const quantity = parseQuantity(line.quantity);
          const price = parseMoney(line.unitPrice, currency);
          const lineTotal = quantity !== null && price !== null ? formatMoney(locale, quantity * price, currency) : '—';
          return (
            <li className="line" key={line.key}>
              <TextField
                label={t('pos.basket.sku', { n })}
                visibleLabel={t('pos.basket.skuShort')}
                value={line.sku}
                onChange={(event) => update(line.key, 'sku', event.target.value)}
                onKeyDown={(event) => onKeyDown(event, line.key, 'sku')}
                error={problemText(line.key, 'sku')}
                disabled={locked}
                autoComplete="off"
                spellCheck={false}
                data-line={line.key}
                data-field="sku"
              />
              <TextField
                label={t('pos.basket.quantity', { n })}
                visibleLabel={t('pos.basket.quantityShort')}
                value={line.quantity}
                onChange={(event) => update(line.key, 'quantity', event.target.value)}
                onKeyDown={(event) => onKeyDown(event, line.key, 'quantity')}
                error={problemText(line.key, 'quantity')}
                disabled={locked}
                inputMode="numeric"
                autoComplete="off"
                data-line={line.key}
                data-field="quantity"
              />
              <TextField
                label={t('pos.basket.unitPrice', { n, symbol })}
                visibleLabel={t('pos.basket.unitPriceShort', { symbol })}
                value={line.unitPrice}
                onChange={(event) => update(line.key, 'unitPrice', event.target.value)}
                onKeyDown={(event) => onKeyDown(event, line.key, 'unitPrice')}
                error={problemText(line.key, 'unitPrice')}
                disabled={locked}
                inputMode="decimal"
                autoComplete="off"
                data-line={line.key}
                data-field="unitPrice"
              />
              <p className="line-total">
                <span className="visually-hidden">{t('pos.basket.lineTotal', { n })} </span>
                {lineTotal}
              </p>
              {!locked && (
                <Button variant="ghost" className="line-remove" onClick={() => removeLine(line.key)}>
                  {t('pos.basket.remove')}
                  <span className="visually-hidden"> {t('pos.basket.lineN', { n })}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {!locked && (
        <>
          <Button variant="secondary" onClick={addLine}>
            {t('pos.basket.addLine')}
          </Button>
          <p className="field-hint">{t('pos.basket.keys')}</p>
        </>
      )}
      <dl className="basket-total">
        <dt>{t('pos.basket.total')}</dt>
        <dd>{formatMoney(locale, checked.total, currency)}</dd>
      </dl>

      {!recorded && (
        <section className="quote" aria-live="polite" aria-label={t('pos.quote.label')}>
          {attempted && !checked.lines ? (
            <p className="muted">{t('pos.quote.fix')}</p>
          ) : !checked.lines ? (
            <p className="muted">{t('pos.quote.incomplete')}</p>
          ) : currentQuote?.quote ? (
            <>
              <p className="quote-total">{t('pos.quote.total', { count: currentQuote.quote.totalPoints })}</p>
              {currentQuote.quote.lines.length > 0 && (
                <ul className="quote-lines">
                  {currentQuote.quote.lines.map((line, index) => (
                    <li key={index}>{t('pos.quote.line', { count: line.points, reason: line.reason })}</li>
                  ))}
                </ul>
              )}
              {(hold || walletPays.length > 0) && (
                <p className="muted">{t(hold ? 'pos.quote.cashOnly' : 'pos.quote.cashOnlyWallet')}</p>
              )}
            </>
          ) : currentQuote?.error !== undefined ? (
            <p className="muted">{t('pos.quote.unavailable')}</p>
          ) : (
            <p className="muted">{t('pos.quote.loading')}</p>
          )}
        </section>
      )}

      {!recorded && (
        <PointsPayment
          member={member}
          currency={currency}
          total={checked.total}
          ready={!!checked.lines}
          hold={hold}
          fromApp={fromApp}
          offered={offered}
          busy={busy}
          onPay={(points) => void payWithPoints(points)}
          onRelease={() => void releaseHold()}
          onTakeCode={(code) => void takeCode(code)}
          onUseOffered={payWithOffered}
        />
      )}
      {!recorded && (
        <WalletPayment
          member={member}
          currency={currency}
          left={checked.total - (hold?.amount ?? 0) - walletPaid}
          ready={!!checked.lines}
          pays={walletPays}
          busy={busy}
          onUse={payWithWallet}
          onRemove={dropWallet}
        />
      )}

      {error !== undefined && <ErrorNotice error={error} paying={errorPaying} />}
      {recorded ? (
        <>
          <Notice tone="success">
            <strong>
              {t('pos.recorded', {
                amount: formatMoney(locale, recorded.totalAmount, recorded.currency),
                receipt: recorded.externalOrderId,
                name: member.name,
              })}
            </strong>
            {recorded.pointsPayment && (
              <>
                <br />
                {t('pos.paidWithPoints', {
                  count: recorded.pointsPayment.points,
                  amount: formatMoney(locale, recorded.pointsPayment.amount, recorded.currency),
                })}
              </>
            )}
            {recorded.walletPayments.map((paid) => (
              <span key={paid.wallet}>
                <br />
                <span data-testid="paid-with-wallet">
                  <WalletPaid member={member} recorded={recorded} paid={paid} />
                </span>
              </span>
            ))}
            {(recorded.pointsPayment || recorded.walletPayments.length > 0) && (
              <>
                <br />
                <strong>
                  {t('pos.cashToPay', {
                    amount: formatMoney(
                      locale,
                      recorded.totalAmount -
                        (recorded.pointsPayment?.amount ?? 0) -
                        recorded.walletPayments.reduce((sum, paid) => sum + paid.amount, 0),
                      recorded.currency,
                    ),
                  })}
                </strong>
              </>
            )}
            <br />
            {recorded.pendingUntil
              ? t('pos.recordedPending', {
                  count: recorded.pointsEarned,
                  date: formatDate(locale, recorded.pendingUntil),
                })
              : t(
                  recorded.pointsPayment || recorded.walletPayments.length > 0
                    ? 'pos.recordedPointsCash'
                    : 'pos.recordedPoints',
                  { count: recorded.pointsEarned },
                )}
            {recorded.balanceAfter != null && (
              <>
                <br />
                {t('pos.newBalance', { count: recorded.balanceAfter })}
              </>
            )}
            <WalletEarnings member={member} earnings={recorded.walletEarnings} />
          </Notice>
          <div className="actions">
            <Button onClick={onNewSale} data-after-sale>
              {t('pos.newSale')}
            </Button>
            <Button variant="secondary" onClick={onNextCustomer}>
              {t('pos.nextCustomer')}
            </Button>
          </div>
        </>
      ) : (
        <div className="actions">
          <Button busy={busy} disabled={!receipt.trim()} onClick={() => void record()} data-record>
            {walletPays.length > 0
              ? t('pos.recordWithWallets', {
                  cash: formatMoney(locale, checked.total - (hold?.amount ?? 0) - walletPaid, currency),
                })
              : hold
                ? t('pos.recordWithPoints', {
                    cash: formatMoney(locale, checked.total - hold.amount, currency),
                    count: hold.points,
                  })
                : t('pos.record', { amount: formatMoney(locale, checked.total, currency) })}
          </Button>
        </div>
      )}
    </Card>
  );
}

/**
 * "Paid with Store credit: £5.00 (balance now £15.00).": what a wallet paid of the sale, from the
 * purchase's answer, and what the wallet holds now (the purchase's member read with it).
 */
function WalletPaid({
  member,
  recorded,
  paid,
}: {
  member: PosMemberFragment;
  recorded: Recorded;
  paid: Recorded['walletPayments'][number];
}) {
  const { t, locale } = useI18n();
  const name = member.loyalty?.wallets.find((wallet) => wallet.type.code === paid.wallet)?.type.name ?? paid.wallet;
  const amount = formatMoney(locale, paid.amount, recorded.currency);
  const balance = recorded.customer.loyalty?.wallets.find((wallet) => wallet.type.code === paid.wallet)?.balance;
  return balance === undefined
    ? t('pos.walletPay.taken', { name, amount })
    : t('pos.paidWithWallet', { name, amount, balance: formatMoney(locale, balance, recorded.currency) });
}

/** "Into wallets: £0.30 into Cashback, 1 stamp into Coffee card.": what the sale earned besides points. */
function WalletEarnings({ member, earnings }: { member: PosMemberFragment; earnings: Recorded['walletEarnings'] }) {
  const { t, locale } = useI18n();
  // In the order the member card lists the wallets.
  const order = (member.loyalty?.wallets ?? []).map((wallet) => wallet.type.code);
  const earned = earnings
    .filter((earning) => earning.amount > 0)
    .sort((a, b) => order.indexOf(a.wallet) - order.indexOf(b.wallet));
  if (earned.length === 0) return null;
  const list = earned.map((earning) => {
    const type = member.loyalty?.wallets.find((wallet) => wallet.type.code === earning.wallet)?.type;
    const values = {
      name: type?.name ?? earning.wallet,
      amount: type ? walletAmount(t, locale, type, earning.amount) : String(earning.amount),
    };
    return t(earning.ownerId === member.id ? 'pos.walletEarning' : 'pos.walletEarningShared', values);
  });
  return (
    <>
      <br />
      <span data-testid="wallet-earnings">{t('pos.walletEarnings', { list: list.join(', ') })}</span>
    </>
  );
}
