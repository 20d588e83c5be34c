import {
  PosConsumeVoucherDocument,
  PosFindDocument,
  PosProgramDocument,
  PosPurchaseDocument,
  type IdentifierType,
  type PosFindQuery,
} from '../sdk/graphql.js';
import { element, pageConfig, showError, signIn, type Graph } from '../shared/graph.js';
import type { ErrorWordsContext } from '../shared/errorWords.js';
import {
  currencySymbol,
  formatDay,
  formatMoney,
  formatPoints,
  minorDigits,
  parseMoney,
  storeName,
} from '../shared/format.js';

type FoundCustomer = NonNullable<PosFindQuery['customerByIdentifier']>;

/** What the till's fields are called, for the plain-words errors. */
const saleWords: ErrorWordsContext = {
  fields: {
    externalOrderId: 'receipt number',
    'lines.#.sku': 'product code',
    'lines.#.quantity': 'quantity',
    'lines.#.unitPrice': 'unit price',
    lines: 'basket',
    code: 'voucher code',
  },
};

let current: FoundCustomer | undefined;
let currency = '';

function show(customer: FoundCustomer): void {
  current = customer;
  element('customer').hidden = false;
  element('name').textContent = customer.name;
  element('balance').textContent = customer.loyalty ? formatPoints(customer.loyalty.balance) : 'points unavailable';
  element('tier').textContent = customer.loyalty?.tier ? `Tier: ${customer.loyalty.tier.name}` : 'No tier yet';
}

/** A receipt number for the next sale: it stays until the sale is recorded, so a retry reuses it. */
function nextReceiptNumber(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
}

function addLine(sku = '', quantity = 1, unitPrice = 0): void {
  const row = document.createElement('tr');
  row.innerHTML = `<td><input name="sku" required></td><td><input name="quantity" type="number" min="1" required></td><td><input name="unitPrice" inputmode="decimal" required></td>`;
  const [skuInput, quantityInput, priceInput] = [...row.querySelectorAll('input')];
  skuInput!.value = sku;
  quantityInput!.value = String(quantity);
  priceInput!.value = (unitPrice / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));
  element('lines').append(row);
}

/** The basket as typed, prices in minor units; throws a sentence naming the line that is not a price. */
function lines(): Array<{ sku: string; quantity: number; unitPrice: number }> {
  return [...element('lines').querySelectorAll('tr')].map((row, index) => {
    const value = (name: string) => row.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value;
    const unitPrice = parseMoney(value('unitPrice'), currency);
    if (unitPrice === null)
      throw new Error(
        `The unit price on line ${index + 1} is not an amount in ${currency}. Type it like ${(2.5).toFixed(minorDigits(currency))}.`,
      );
    return { sku: value('sku').trim(), quantity: Number(value('quantity')), unitPrice };
  });
}

function chooseStore(stores: string[], storeId: string): void {
  const select = element<HTMLSelectElement>('store');
  const known = stores.includes(storeId) ? stores : [storeId, ...stores];
  select.replaceChildren(
    ...known.map((id) => Object.assign(document.createElement('option'), { value: id, textContent: storeName(id) })),
  );
  select.value = storeId;
  // The associate's token names the store: another store is another sign-in.
  select.addEventListener('change', () => location.assign(`?store=${encodeURIComponent(select.value)}`));
}

function start(graph: Graph, storeId: string): void {
  element('currency').textContent = `Prices in ${currency} (${currencySymbol(currency)})`;
  element('price-heading').textContent = `Unit price (${currencySymbol(currency)})`;
  element<HTMLInputElement>('receipt-number').value = nextReceiptNumber();
  addLine('COFFEE-BEANS', 1, 2500);
  element('add-line').addEventListener('click', () => addLine());

  element<HTMLFormElement>('find').addEventListener('submit', (event) => {
    event.preventDefault();
    element('error').textContent = '';
    const type = element<HTMLSelectElement>('identifier-type').value as IdentifierType;
    const value = element<HTMLInputElement>('identifier').value;
    const what = element<HTMLSelectElement>('identifier-type').selectedOptions[0]?.textContent ?? 'identifier';
    graph
      .request(PosFindDocument, { type, value })
      .then(({ customerByIdentifier }) => {
        if (!customerByIdentifier) throw new Error(`No member has the ${what} ${value}. Check it and try again.`);
        show(customerByIdentifier);
      })
      .catch((error: unknown) => showError(error, saleWords));
  });

  element<HTMLFormElement>('purchase').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current) return;
    element('error').textContent = '';
    element('receipt').textContent = '';
    const customer = current;
    const receiptNumber = element<HTMLInputElement>('receipt-number').value.trim();
    Promise.resolve()
      .then(() =>
        graph.request(PosPurchaseDocument, {
          input: {
            customerId: customer.id,
            channel: 'IN_STORE',
            storeId,
            // The receipt number is the idempotency key: a retry of this sale credits it once.
            externalOrderId: receiptNumber,
            currency,
            lines: lines(),
          },
        }),
      )
      .then(({ recordPurchase: sale }) => {
        const earned = sale.pendingUntil
          ? `${formatPoints(sale.pointsEarned)} earned, spendable from ${formatDay(sale.pendingUntil)}`
          : `${formatPoints(sale.pointsEarned)} earned`;
        element('receipt').textContent =
          `Receipt ${receiptNumber} at ${storeName(storeId)}: ${formatMoney(sale.totalAmount, sale.currency)} recorded for ${customer.name}, ${earned}.`;
        element<HTMLInputElement>('receipt-number').value = nextReceiptNumber();
        if (customer.loyalty && sale.balanceAfter !== null)
          show({ ...customer, loyalty: { ...customer.loyalty, balance: sale.balanceAfter } });
      })
      .catch((error: unknown) => showError(error, saleWords));
  });

  element<HTMLFormElement>('voucher').addEventListener('submit', (event) => {
    event.preventDefault();
    element('error').textContent = '';
    const code = element<HTMLInputElement>('voucher-code').value.trim();
    graph
      .request(PosConsumeVoucherDocument, {
        input: { code, channel: 'IN_STORE', storeId, orderReference: `${storeId}/${nextReceiptNumber()}` },
      })
      .then(({ consumeVoucher }) => {
        element('voucher-result').textContent = `Voucher accepted: ${consumeVoucher.reward.name}.`;
      })
      .catch((error: unknown) => showError(error, saleWords));
  });
}

async function open(): Promise<void> {
  const { stores } = await pageConfig();
  // The store in the address, else the program's first store.
  const storeId = new URLSearchParams(location.search).get('store') || stores[0]!;
  chooseStore(stores, storeId);
  const { graph } = await signIn({ role: 'associate', storeId });
  ({
    campaignProgram: { currency },
  } = await graph.request(PosProgramDocument, {}));
  start(graph, storeId);
}

open().catch(showError);
