import fc from 'fast-check';
import { checkDefinition, checkProperties, EventPropertyKind, isViolation, sameDefinition } from './eventType.rules';

const type = {
  name: 'cart.updated',
  properties: [
    { name: 'cartValue', kind: EventPropertyKind.MONEY, required: true },
    { name: 'skus', kind: EventPropertyKind.SKU_LIST, required: false },
    { name: 'items', kind: EventPropertyKind.NUMBER, required: false },
    { name: 'gift', kind: EventPropertyKind.BOOLEAN, required: false },
    { name: 'note', kind: EventPropertyKind.STRING, required: false },
  ],
};
const fieldOf = (properties: Record<string, unknown>) => {
  const checked = checkProperties(type, properties);
  return isViolation(checked) ? checked.field : null;
};
const money = { amount: 1299, currency: 'EUR' };

describe('event type rules', () => {
  it('takes lowercase dotted names and refuses others', () => {
    for (const name of ['cart.updated', 'review.submitted', 'app.page_viewed', 'a.b.c2']) {
      expect(isViolation(checkDefinition({ name, description: null, properties: [], membersMaySend: false }))).toBe(
        false,
      );
    }
    for (const name of ['cart', 'Cart.updated', 'cart..updated', 'cart.updated.', '.cart', 'cart updated', '1.a']) {
      expect(checkDefinition({ name, description: null, properties: [], membersMaySend: false })).toMatchObject({
        field: 'name',
      });
    }
  });

  it('accepts each kind for what it holds and names the property of any other value', () => {
    expect(checkProperties(type, { cartValue: money, skus: ['A-1'], items: 2.5, gift: true, note: 'hi' })).toEqual({
      properties: { cartValue: money, skus: ['A-1'], items: 2.5, gift: true, note: 'hi' },
    });
    expect(fieldOf({ cartValue: { amount: 12.5, currency: 'EUR' } })).toBe('properties.cartValue');
    expect(fieldOf({ cartValue: { amount: 1, currency: 'eur' } })).toBe('properties.cartValue');
    expect(fieldOf({ cartValue: { ...money, extra: 1 } })).toBe('properties.cartValue');
    expect(fieldOf({ cartValue: money, skus: 'A-1' })).toBe('properties.skus');
    expect(fieldOf({ cartValue: money, items: '2' })).toBe('properties.items');
    expect(fieldOf({ cartValue: money, gift: 'true' })).toBe('properties.gift');
    expect(fieldOf({ cartValue: money, note: 3 })).toBe('properties.note');
    expect(fieldOf({ cartValue: money, colour: 'red' })).toBe('properties.colour');
    expect(fieldOf({ skus: [] })).toBe('properties.cartValue');
    // A property given as null is absent: fine when optional, missing when required.
    expect(checkProperties(type, { cartValue: money, note: null })).toEqual({ properties: { cartValue: money } });
    expect(fieldOf({ cartValue: null })).toBe('properties.cartValue');
  });

  it('keeps exactly the valid properties of any payload, or names one at fault', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('cartValue', 'items', 'note', 'other'), fc.jsonValue()), (props) => {
        const checked = checkProperties(type, props);
        if (isViolation(checked)) expect(checked.field).toMatch(/^properties\./);
        else expect(Object.keys(checked.properties).every((key) => key in props && props[key] !== null)).toBe(true);
      }),
    );
  });

  it('tells a changed definition from the same one in another order', () => {
    const a = { name: 'x.y', description: null, membersMaySend: false, properties: type.properties };
    expect(sameDefinition(a, { ...a, properties: [...type.properties].reverse() })).toBe(true);
    expect(sameDefinition(a, { ...a, membersMaySend: true })).toBe(false);
    expect(sameDefinition(a, { ...a, properties: type.properties.slice(1) })).toBe(false);
  });
});
