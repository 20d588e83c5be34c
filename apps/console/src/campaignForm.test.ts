import {
  campaignForm,
  campaignInput,
  changedCondition,
  conditionInput,
  conditionProblems,
  emptyCampaignForm,
  emptyCondition,
  formProblems,
  type CampaignForm,
  type ConditionForm,
} from './campaignForm';

const program = { timeZone: 'Europe/London', currency: 'GBP' };
const row = (patch: Partial<ConditionForm>): ConditionForm => ({ ...emptyCondition(), ...patch });
const eventForm = (conditions: ConditionForm[]): CampaignForm => ({
  ...emptyCampaignForm(),
  name: 'Reviews',
  trigger: 'EVENT',
  eventType: 'review.submitted',
  eventOncePer: 'productId',
  rewardKind: 'FIXED_BONUS',
  points: '50',
  eventConditions: conditions,
});

describe('an event campaign’s property conditions in the console’s form', () => {
  it.each<[Partial<ConditionForm>, ReturnType<typeof conditionInput>]>([
    [
      { path: 'rating', operator: 'GTE', valueType: 'number', value: '4' },
      { path: ['rating'], operator: 'GTE', value: { number: 4 } },
    ],
    [
      { path: 'price.amount', operator: 'LT', valueType: 'number', value: ' 12.5 ' },
      { path: ['price', 'amount'], operator: 'LT', value: { number: 12.5 } },
    ],
    [
      { path: 'verified', operator: 'EQ', valueType: 'boolean', value: 'false' },
      { path: ['verified'], operator: 'EQ', value: { boolean: false } },
    ],
    [
      { path: 'title', operator: 'CONTAINS', valueType: 'string', value: 'great' },
      { path: ['title'], operator: 'CONTAINS', value: { string: 'great' } },
    ],
    [
      { path: 'country', operator: 'IN', valueType: 'string', value: 'FR, BE,,LU' },
      { path: ['country'], operator: 'IN', values: [{ string: 'FR' }, { string: 'BE' }, { string: 'LU' }] },
    ],
    [
      { path: 'size', operator: 'IN', valueType: 'number', value: '1,2' },
      { path: ['size'], operator: 'IN', values: [{ number: 1 }, { number: 2 }] },
    ],
    [
      { path: 'photo', operator: 'EXISTS', valueType: 'number', value: 'ignored' },
      { path: ['photo'], operator: 'EXISTS' },
    ],
    [
      { path: 'photo', operator: 'NOT_EXISTS' },
      { path: ['photo'], operator: 'NOT_EXISTS' },
    ],
  ])('sends %j as the typed condition', (given, sent) => {
    const condition = row(given);
    expect(conditionProblems(condition)).toEqual({});
    expect(conditionInput(condition)).toEqual(sent);
  });

  it.each<[Partial<ConditionForm>, ReturnType<typeof conditionProblems>]>([
    [{ path: ' ', value: 'x' }, { path: 'required' }],
    [{ path: 'price..amount', value: 'x' }, { path: 'path' }],
    [{ path: 'rating', valueType: 'number', value: 'four' }, { value: 'number' }],
    [{ path: 'rating', valueType: 'number', value: '' }, { value: 'required' }],
    [{ path: 'rating', valueType: 'number', operator: 'IN', value: '4, five' }, { value: 'number' }],
    [{ path: 'rating', operator: 'IN', value: ' , ' }, { value: 'required' }],
    [
      { path: 'rating', operator: 'IN', value: Array.from({ length: 101 }, (_, i) => i).join(',') },
      { value: 'tooManyValues' },
    ],
    [{ path: 'name', value: '' }, { value: 'required' }],
    [{ path: 'ok', valueType: 'boolean', operator: 'GT', value: 'true' }, { valueType: 'booleanOrdered' }],
    [{ path: 'ok', valueType: 'boolean', operator: 'IN', value: 'true, yes' }, { value: 'boolean' }],
  ])('marks %j before it is sent', (given, problems) => {
    expect(conditionProblems(row(given))).toEqual(problems);
  });

  it('names a row’s field in the form’s problems, for event campaigns only', () => {
    const form = eventForm([row({ path: 'rating', valueType: 'number', value: '4' }), row({ path: '', value: 'x' })]);
    expect(formProblems(form)).toEqual({ 'eventConditions.1.path': 'required' });
    expect(formProblems({ ...form, trigger: 'PURCHASE' })).toEqual({});
  });

  it('resets a value whose meaning a change of type or operator changes', () => {
    const text = row({ path: 'ok', value: 'maybe' });
    expect(changedCondition(text, { valueType: 'boolean' }).value).toBe('true');
    expect(changedCondition(row({ valueType: 'boolean', value: 'false' }), { valueType: 'number' }).value).toBe('');
    expect(changedCondition(row({ valueType: 'boolean', value: 'false' }), { operator: 'IN' }).value).toBe('true');
    expect(changedCondition(row({ valueType: 'number', value: '4' }), { operator: 'GT' }).value).toBe('4');
  });

  it('reads a saved campaign’s conditions back as it sends them', () => {
    const form = eventForm([
      row({ path: 'rating', operator: 'GTE', valueType: 'number', value: '4' }),
      row({ path: 'price.currency', operator: 'IN', valueType: 'string', value: 'EUR, GBP' }),
      row({ path: 'verified', operator: 'NEQ', valueType: 'boolean', value: 'false' }),
      row({ path: 'photo', operator: 'EXISTS' }),
    ]);
    const input = campaignInput(form, program);
    const saved = {
      eventTrigger: {
        eventType: input.eventTrigger!.eventType,
        oncePer: input.eventTrigger!.oncePer,
        conditions: input.eventTrigger!.conditions!.map((condition) => ({
          path: condition.path,
          operator: condition.operator,
          value: condition.value ? { string: null, number: null, boolean: null, ...condition.value } : null,
          values: condition.values?.map((value) => ({ string: null, number: null, boolean: null, ...value })) ?? null,
        })),
      },
    };
    const campaign = {
      name: 'Reviews',
      description: null,
      trigger: 'EVENT',
      activityKind: null,
      reward: { kind: 'FIXED_BONUS', points: 50, multiplierPercent: null, perAmount: null },
      audience: {
        channels: [],
        tiers: [],
        segments: [],
        firstPurchase: false,
        firstPurchaseInChannel: false,
        newMemberWithinDays: null,
        minSpend: null,
        minSpendCurrency: null,
        skus: [],
        categories: [],
      },
      schedule: { startsAt: null, endsAt: null, weekly: [] },
      limits: { perCustomerPoints: null, perCustomerGrants: null, capPeriod: 'CAMPAIGN', budgetPoints: null },
      exclusive: false,
      priority: 0,
      holdoutPercent: 0,
      ...saved,
    } as unknown as Parameters<typeof campaignForm>[0];
    expect(campaignForm(campaign, program).eventConditions).toEqual([
      form.eventConditions[0],
      form.eventConditions[1],
      form.eventConditions[2],
      { path: 'photo', operator: 'EXISTS', valueType: 'string', value: '' },
    ]);
  });
});
