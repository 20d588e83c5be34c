import fc from 'fast-check';
import {
  anyone,
  AttributeOperator,
  builtInSegments,
  conditionsProblem,
  segmentRuleProblem,
  type SegmentCondition,
  type SegmentRule,
  type SegmentValue,
} from './segment.rules';

const rule = (conditions: Partial<SegmentRule>): SegmentRule => ({ ...anyone, ...conditions });

describe('segment rules', () => {
  describe('builtInSegments', () => {
    it('has the RFM groups and the channel groups, with unique keys and sound rules', () => {
      expect(builtInSegments.map((segment) => segment.key)).toEqual([
        'champions',
        'loyal',
        'at-risk',
        'hibernating',
        'new-customers',
        'omnichannel',
        'single-channel',
      ]);
      for (const segment of builtInSegments) {
        expect(segmentRuleProblem(segment.rule)).toBeNull();
        expect(segment.name).not.toBe('');
      }
    });
  });

  describe('segmentRuleProblem', () => {
    it('accepts a rule with no conditions and ranges that meet', () => {
      expect(segmentRuleProblem(anyone)).toBeNull();
      expect(segmentRuleProblem(rule({ minPurchases: 3, maxPurchases: 3, minRecency: 1, maxRecency: 5 }))).toBeNull();
      expect(segmentRuleProblem(rule({ minSpend: 0, maxChannels: 0 }))).toBeNull();
    });

    it.each<[Partial<SegmentRule>, string]>([
      [{ minPurchases: 4, maxPurchases: 3 }, 'the minimum purchases is above the maximum'],
      [{ minSpend: 100, maxSpend: 99 }, 'the minimum spend is above the maximum'],
      [{ minChannels: 3, maxChannels: 2 }, 'the minimum channels is above the maximum'],
      [{ minRecency: 5, maxRecency: 4 }, 'the minimum recency is above the maximum'],
      [{ minFrequency: 2, maxFrequency: 1 }, 'the minimum frequency is above the maximum'],
      [{ minMonetary: 3, maxMonetary: 2 }, 'the minimum monetary is above the maximum'],
      [{ minRecency: 0 }, 'recency scores run from 1 to 5'],
      [{ maxRecency: 6 }, 'recency scores run from 1 to 5'],
      [{ minFrequency: 6 }, 'frequency scores run from 1 to 5'],
      [{ maxMonetary: 0 }, 'monetary scores run from 1 to 5'],
    ])('refuses %j', (conditions, problem) => {
      expect(segmentRuleProblem(rule(conditions))).toBe(problem);
    });

    it('finds no problem in a rule whose scores lie within 1 to 5 and whose minimums are not above maximums (property)', () => {
      const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
      fc.assert(
        fc.property(score, score, score, score, (minRecency, maxRecency, minMonetary, maxMonetary) => {
          const problem = segmentRuleProblem(rule({ minRecency, maxRecency, minMonetary, maxMonetary }));
          const inverted =
            (minRecency !== null && maxRecency !== null && minRecency > maxRecency) ||
            (minMonetary !== null && maxMonetary !== null && minMonetary > maxMonetary);
          expect(problem === null).toBe(!inverted);
        }),
      );
    });
  });

  describe('conditionsProblem', () => {
    const none = { negate: false, attribute: null, consent: null, bought: null, inAudience: null };
    const text: SegmentValue = { string: 'Lyon', number: null, boolean: null };
    const attribute = (operator: AttributeOperator, value: SegmentValue | null, values: SegmentValue[] | null = null) =>
      ({ ...none, attribute: { path: ['city'], operator, value, values } }) satisfies SegmentCondition;

    it('accepts one kind per condition with the values its operator takes', () => {
      expect(
        conditionsProblem([
          attribute(AttributeOperator.EQ, text),
          attribute(AttributeOperator.IN, null, [text]),
          attribute(AttributeOperator.EXISTS, null),
          { ...none, consent: { channel: 'SMS', granted: false } },
          { ...none, negate: true, bought: { skus: ['A-1'], categories: [], withinDays: 30 } },
          { ...none, inAudience: 'vip' },
          { ...none, events: { type: 'review.submitted', atLeast: 2, atMost: null, withinDays: 30 } },
          { ...none, negate: true, events: { type: 'app.opened', atLeast: null, atMost: 0, withinDays: 7 } },
          {
            ...none,
            message: { response: 'OPENED', responded: false, kind: 'ABSENCE_OFFER', campaignKey: null, withinDays: 7 },
          },
        ]),
      ).toBeNull();
    });

    it.each<[string, SegmentCondition, string]>([
      ['no kind', none, 'rule.conditions[0]'],
      ['two kinds', { ...none, inAudience: 'vip', consent: { channel: 'SMS', granted: true } }, 'rule.conditions[0]'],
      [
        'a message condition beside another',
        {
          ...none,
          inAudience: 'vip',
          message: { response: 'CLICKED', responded: true, kind: null, campaignKey: null, withinDays: 7 },
        },
        'rule.conditions[0]',
      ],
      ['no value', attribute(AttributeOperator.EQ, null), 'rule.conditions[0].attribute.value'],
      [
        'two types in a value',
        attribute(AttributeOperator.EQ, { ...text, number: 5 }),
        'rule.conditions[0].attribute.value',
      ],
      [
        'a boolean to order by',
        attribute(AttributeOperator.GT, { string: null, number: null, boolean: true }),
        'rule.conditions[0].attribute.value',
      ],
      ['IN without values', attribute(AttributeOperator.IN, null, []), 'rule.conditions[0].attribute.values'],
      [
        'IN with a bad value',
        attribute(AttributeOperator.IN, null, [text, { ...text, string: null }]),
        'rule.conditions[0].attribute.values[1]',
      ],
      ['EXISTS with a value', attribute(AttributeOperator.EXISTS, text), 'rule.conditions[0].attribute.value'],
      [
        'an unknown channel',
        { ...none, consent: { channel: 'FAX', granted: true } },
        'rule.conditions[0].consent.channel',
      ],
      [
        'bought nothing named',
        { ...none, bought: { skus: [], categories: [], withinDays: 30 } },
        'rule.conditions[0].bought',
      ],
      [
        'an event count with no bound',
        { ...none, events: { type: 'a.b', atLeast: null, atMost: null, withinDays: 7 } },
        'rule.conditions[0].events',
      ],
      [
        'an event count with a property condition that cannot be evaluated',
        {
          ...none,
          events: {
            type: 'cart.updated',
            atLeast: 2,
            atMost: null,
            withinDays: 7,
            properties: [
              {
                path: ['cartValue', 'amount'],
                operator: AttributeOperator.GTE,
                value: { ...text, string: null, number: 5000 },
                values: null,
              },
              { path: ['cartValue', 'currency'], operator: AttributeOperator.IN, value: null, values: [] },
            ],
          },
        },
        'rule.conditions[0].events.properties[1].values',
      ],
      [
        'an event count at least more than at most',
        { ...none, events: { type: 'a.b', atLeast: 3, atMost: 2, withinDays: 7 } },
        'rule.conditions[0].events.atLeast',
      ],
    ])('names the field of %s', (_what, condition, field) => {
      expect(conditionsProblem([condition])?.field).toBe(field);
    });
  });
});
