import fc from 'fast-check';
import { AttributeOperator, type AttributeCondition, type SegmentValue } from '../segments/segment.rules';
import { eventMatches, onceValueOf, propertyMatches, type TrackedEvent } from './eventTrigger.rules';

const number = (n: number): SegmentValue => ({ string: null, number: n, boolean: null });
const text = (s: string): SegmentValue => ({ string: s, number: null, boolean: null });
const condition = (
  path: string[],
  operator: AttributeOperator,
  value: SegmentValue | null,
  values: SegmentValue[] | null = null,
): AttributeCondition => ({ path, operator, value, values });

const review: TrackedEvent = {
  type: 'review.submitted',
  properties: { rating: 4, productId: 'TEA-1', tags: ['tea', 'green'], price: { amount: 1200, currency: 'EUR' } },
  channel: 'ONLINE',
};

describe('event trigger rules', () => {
  it.each([
    [condition(['rating'], AttributeOperator.GTE, number(4)), true],
    [condition(['rating'], AttributeOperator.GT, number(4)), false],
    [condition(['rating'], AttributeOperator.LT, number(5)), true],
    [condition(['rating'], AttributeOperator.LTE, number(3)), false],
    [condition(['rating'], AttributeOperator.EQ, number(4)), true],
    // Typed, as segments: the string "4" is not the number 4.
    [condition(['rating'], AttributeOperator.EQ, text('4')), false],
    [condition(['rating'], AttributeOperator.GTE, text('4')), false],
    [condition(['rating'], AttributeOperator.NEQ, number(5)), true],
    [condition(['productId'], AttributeOperator.IN, null, [text('TEA-2'), text('TEA-1')]), true],
    [condition(['productId'], AttributeOperator.CONTAINS, text('EA-')), true],
    [condition(['tags'], AttributeOperator.CONTAINS, text('green')), true],
    [condition(['tags'], AttributeOperator.CONTAINS, text('black')), false],
    [condition(['price', 'amount'], AttributeOperator.GTE, number(1000)), true],
    [condition(['price', 'currency'], AttributeOperator.EQ, text('EUR')), true],
    [condition(['text'], AttributeOperator.EXISTS, null), false],
    [condition(['text'], AttributeOperator.NOT_EXISTS, null), true],
    // An absent property is in no comparison, not even NEQ.
    [condition(['text'], AttributeOperator.NEQ, text('x')), false],
    [condition(['productId', 'deeper'], AttributeOperator.EXISTS, null), false],
  ])('%j matches the review: %s', (one, expected) => {
    expect(propertyMatches(one, review.properties)).toBe(expected);
  });

  it('orders strings by code point, as the SQL evaluator does', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const gt = propertyMatches(condition(['s'], AttributeOperator.GT, text(b)), { s: a });
        expect(gt).toBe(Buffer.compare(Buffer.from(a), Buffer.from(b)) > 0);
      }),
    );
  });

  it('needs the type and every condition', () => {
    const trigger = {
      eventType: 'review.submitted',
      conditions: [condition(['rating'], AttributeOperator.GTE, number(4))],
      oncePer: null,
    };
    expect(eventMatches(trigger, review)).toBe(true);
    expect(eventMatches({ ...trigger, eventType: 'review.deleted' }, review)).toBe(false);
    expect(eventMatches(trigger, { ...review, properties: { rating: 3 } })).toBe(false);
  });

  it('counts "once per" by the JSON value, and an event without the property earns nothing', () => {
    const trigger = { eventType: 'review.submitted', conditions: [], oncePer: ['productId'] };
    expect(onceValueOf(trigger, review)).toBe('"TEA-1"');
    expect(onceValueOf(trigger, { ...review, properties: { productId: 12 } })).toBe('12');
    expect(onceValueOf(trigger, { ...review, properties: {} })).toBeUndefined();
    expect(onceValueOf({ ...trigger, oncePer: null }, review)).toBeNull();
  });
});
