import {
  PosConsumeVoucherDocument,
  PosFindDocument,
  PosPurchaseDocument,
  type IdentifierType,
  type PosFindQuery,
} from '../sdk/graphql.js';
import { element, points, showError, signIn, type Graph } from '../shared/graph.js';

const storeId = new URLSearchParams(location.search).get('store') ?? 'store-1';

type FoundCustomer = NonNullable<PosFindQuery['customerByIdentifier']>;

let current: FoundCustomer | undefined;
let orderNumber = 0;

function show(customer: FoundCustomer): void {
  current = customer;
  element('customer').hidden = false;
  element('name').textContent = customer.name;
  element('balance').textContent = customer.loyalty ? points(customer.loyalty.balance) : 'points unavailable';
  element('tier').textContent = customer.loyalty?.tier ? `Tier: ${customer.loyalty.tier.name}` : 'No tier yet';
}

function addLine(sku = '', quantity = 1, unitPrice = 0): void {
  const row = document.createElement('tr');
  row.innerHTML = `<td><input name="sku" required></td><td><input name="quantity" type="number" min="1"></td><td><input name="unitPrice" type="number" min="0"></td>`;
  const [skuInput, quantityInput, priceInput] = [...row.querySelectorAll('input')];
  skuInput!.value = sku;
  quantityInput!.value = String(quantity);
  priceInput!.value = String(unitPrice);
  element('lines').append(row);
}

function lines(): Array<{ sku: string; quantity: number; unitPrice: number }> {
  return [...element('lines').querySelectorAll('tr')].map((row) => {
    const value = (name: string) => row.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value;
    return { sku: value('sku'), quantity: Number(value('quantity')), unitPrice: Number(value('unitPrice')) };
  });
}

function start(graph: Graph): void {
  element('store').textContent = storeId;
  addLine('COFFEE-BEANS', 1, 2500);
  element('add-line').addEventListener('click', () => addLine());

  element<HTMLFormElement>('find').addEventListener('submit', (event) => {
    event.preventDefault();
    element('error').textContent = '';
    const type = element<HTMLSelectElement>('identifier-type').value as IdentifierType;
    const value = element<HTMLInputElement>('identifier').value;
    graph
      .request(PosFindDocument, { type, value })
      .then(({ customerByIdentifier }) => {
        if (!customerByIdentifier) throw new Error(`No member has the ${type.toLowerCase()} ${value}`);
        show(customerByIdentifier);
      })
      .catch(showError);
  });

  element<HTMLFormElement>('purchase').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current) return;
    const customer = current;
    // One order id per sale: a retry of the same sale (a timeout) would credit it once.
    const externalOrderId = `pos-${storeId}-${Date.now()}-${++orderNumber}`;
    graph
      .request(PosPurchaseDocument, {
        input: {
          customerId: customer.id,
          channel: 'IN_STORE',
          storeId,
          externalOrderId,
          currency: 'EUR',
          lines: lines(),
        },
      })
      .then(({ recordPurchase }) => {
        element('receipt').textContent = `+${recordPurchase.pointsEarned} points · order ${externalOrderId}`;
        if (customer.loyalty && recordPurchase.balanceAfter !== null)
          show({ ...customer, loyalty: { ...customer.loyalty, balance: recordPurchase.balanceAfter } });
      })
      .catch(showError);
  });

  element<HTMLFormElement>('voucher').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = element<HTMLInputElement>('voucher-code').value;
    graph
      .request(PosConsumeVoucherDocument, {
        input: { code, channel: 'IN_STORE', storeId, orderReference: `pos-${storeId}-${Date.now()}` },
      })
      .then(({ consumeVoucher }) => {
        element('voucher-result').textContent = `${consumeVoucher.reward.name}: ${consumeVoucher.status}`;
      })
      .catch(showError);
  });
}

signIn({ role: 'associate', storeId })
  .then(({ graph }) => start(graph))
  .catch(showError);
