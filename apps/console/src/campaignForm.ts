import type {
  ActivityKind,
  AttributeConditionInput,
  AttributeOperator,
  CampaignFieldsFragment,
  CampaignInput,
  CampaignRewardKind,
  CampaignTrigger,
  CapPeriod,
  SegmentValueInput,
  Weekday,
} from '../sdk/graphql.js';

/**
 * The campaign form's state and its translation to and from the graph's CampaignInput. Pure (no
 * DOM): numbers stay strings while typed, money is in major units, dates are wall-clock times in the
 * program's time zone.
 */
export interface WeeklyWindowForm {
  startDay: Weekday;
  startTime: string;
  endDay: Weekday;
  endTime: string;
}

/** How a condition's value is typed: the graph compares typed, so the text "4" is not the number 4. */
export type ConditionValueType = 'string' | 'number' | 'boolean';

/** One condition on the event's properties (AttributeConditionInput), as typed. */
export interface ConditionForm {
  /** Dotted: `price.amount` is the path ["price", "amount"]. */
  path: string;
  operator: AttributeOperator;
  valueType: ConditionValueType;
  /**
   * The value as typed; for IN the values separated by commas; `true`/`false` for yes/no. Unused by
   * EXISTS and NOT_EXISTS.
   */
  value: string;
}

export const attributeOperators: readonly AttributeOperator[] = [
  'EQ',
  'NEQ',
  'GT',
  'GTE',
  'LT',
  'LTE',
  'IN',
  'CONTAINS',
  'EXISTS',
  'NOT_EXISTS',
];

/** Operators that take no value. */
export const valuelessOperators: readonly AttributeOperator[] = ['EXISTS', 'NOT_EXISTS'];
/** Operators that order numbers or strings and refuse booleans (the schema's GT…LTE). */
export const orderedOperators: readonly AttributeOperator[] = ['GT', 'GTE', 'LT', 'LTE'];
/** The graph takes up to this many values for IN. */
export const maxInValues = 100;

export function emptyCondition(): ConditionForm {
  return { path: '', operator: 'EQ', valueType: 'string', value: '' };
}

/**
 * A condition row after a change of its fields: the value is reset when what it means changes (to
 * or from yes/no, to or from IN's list), so a stale value is never sent under another type.
 */
export function changedCondition(row: ConditionForm, patch: Partial<ConditionForm>): ConditionForm {
  const next = { ...row, ...patch };
  const inChanged = (row.operator === 'IN') !== (next.operator === 'IN');
  const booleanChanged = (row.valueType === 'boolean') !== (next.valueType === 'boolean');
  if (patch.value === undefined && (booleanChanged || (inChanged && next.valueType === 'boolean')))
    next.value = next.valueType === 'boolean' ? 'true' : '';
  return next;
}

export interface CampaignForm {
  name: string;
  description: string;
  trigger: CampaignTrigger;
  activityKind: ActivityKind;
  eventType: string;
  /** A property path rewarded once per member and value (`productId`), dotted. */
  eventOncePer: string;
  /** Conditions on the event's properties, all to hold (issue 28). */
  eventConditions: ConditionForm[];
  rewardKind: CampaignRewardKind;
  multiplierPercent: string;
  points: string;
  perAmount: string;
  /** A wallet's code (walletTypes) the reward is credited to instead of points; '' for points (issue 29). */
  wallet: string;
  channels: string[];
  tiers: string[];
  segments: string[];
  firstPurchase: boolean;
  firstPurchaseInChannel: boolean;
  newMemberWithinDays: string;
  minSpend: string;
  skus: string;
  categories: string;
  /** `YYYY-MM-DDTHH:mm` in the program's time zone, as a datetime-local input gives it. */
  startsAt: string;
  endsAt: string;
  weekly: WeeklyWindowForm[];
  perCustomerPoints: string;
  perCustomerGrants: string;
  capPeriod: CapPeriod;
  budgetPoints: string;
  exclusive: boolean;
  priority: string;
  holdoutPercent: string;
}

export const weekdays: readonly Weekday[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

export function emptyCampaignForm(): CampaignForm {
  return {
    name: '',
    description: '',
    trigger: 'PURCHASE',
    activityKind: 'SIGN_UP',
    eventType: '',
    eventOncePer: '',
    eventConditions: [],
    rewardKind: 'MULTIPLIER',
    multiplierPercent: '200',
    points: '',
    perAmount: '',
    wallet: '',
    channels: [],
    tiers: [],
    segments: [],
    firstPurchase: false,
    firstPurchaseInChannel: false,
    newMemberWithinDays: '',
    minSpend: '',
    skus: '',
    categories: '',
    startsAt: '',
    endsAt: '',
    weekly: [],
    perCustomerPoints: '',
    perCustomerGrants: '',
    capPeriod: 'CAMPAIGN',
    budgetPoints: '',
    exclusive: false,
    priority: '0',
    holdoutPercent: '0',
  };
}

export type Problem =
  'required' | 'wholeNumber' | 'percent' | 'number' | 'boolean' | 'path' | 'booleanOrdered' | 'tooManyValues';

/** A condition row's field, as a problem names it: `eventConditions.0.value`. */
export type ConditionField = `eventConditions.${number}.${keyof ConditionForm}`;

/** A form field the graph would refuse before it is sent, by the form's field name. */
export type FormProblems = Partial<Record<Exclude<keyof CampaignForm, 'eventConditions'> | ConditionField, Problem>>;

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** A condition's values as typed: the one value, or IN's list split at commas. */
function conditionTexts(row: ConditionForm): string[] {
  if (row.operator !== 'IN') return [row.value];
  return row.value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function typedValue(text: string, type: ConditionValueType): SegmentValueInput {
  if (type === 'number') return { number: Number(text.trim()) };
  if (type === 'boolean') return { boolean: text.trim() === 'true' };
  return { string: text };
}

/** What the graph would refuse in one condition (attributeConditionProblem), by the row's field. */
export function conditionProblems(row: ConditionForm): Partial<Record<keyof ConditionForm, Problem>> {
  const problems: Partial<Record<keyof ConditionForm, Problem>> = {};
  if (!row.path.trim()) problems.path = 'required';
  else if (row.path.split('.').some((key) => !key.trim())) problems.path = 'path';
  if (valuelessOperators.includes(row.operator)) return problems;
  if (row.valueType === 'boolean' && orderedOperators.includes(row.operator)) {
    problems.valueType = 'booleanOrdered';
    return problems;
  }
  const texts = conditionTexts(row);
  // A text may be spaces (the graph compares it as given); a number or yes/no may not be blank.
  const blank =
    row.operator === 'IN' ? texts.length === 0 : row.valueType === 'string' ? row.value === '' : !row.value.trim();
  if (blank) problems.value = 'required';
  else if (texts.length > maxInValues) problems.value = 'tooManyValues';
  else if (row.valueType === 'number' && texts.some((text) => !Number.isFinite(Number(text.trim()))))
    problems.value = 'number';
  else if (row.valueType === 'boolean' && texts.some((text) => !['true', 'false'].includes(text.trim())))
    problems.value = 'boolean';
  return problems;
}

/** The condition as the graph's AttributeConditionInput (only for a row without problems). */
export function conditionInput(row: ConditionForm): AttributeConditionInput {
  const path = row.path
    .trim()
    .split('.')
    .map((key) => key.trim());
  if (valuelessOperators.includes(row.operator)) return { path, operator: row.operator };
  const values = conditionTexts(row).map((text) => typedValue(text, row.valueType));
  return row.operator === 'IN'
    ? { path, operator: row.operator, values }
    : { path, operator: row.operator, value: values[0] };
}

const valueText = (value: { string?: string | null; number?: number | null; boolean?: boolean | null }): string =>
  value.string ??
  (value.number !== null && value.number !== undefined ? String(value.number) : String(value.boolean ?? ''));

const valueType = (value: { number?: number | null; boolean?: boolean | null }): ConditionValueType =>
  value.number !== null && value.number !== undefined
    ? 'number'
    : value.boolean !== null && value.boolean !== undefined
      ? 'boolean'
      : 'string';

/** A saved condition as a row of the form. */
export function conditionForm(
  condition: NonNullable<CampaignFieldsFragment['eventTrigger']>['conditions'][number],
): ConditionForm {
  const typed = condition.value ? [condition.value] : (condition.values ?? []);
  return {
    path: condition.path.join('.'),
    operator: condition.operator,
    valueType: typed[0] ? valueType(typed[0]) : 'string',
    value: typed.map(valueText).join(', '),
  };
}

function list(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** What to fix before sending; empty when the form can be sent. */
export function formProblems(form: CampaignForm): FormProblems {
  const problems: FormProblems = {};
  if (!form.name.trim()) problems.name = 'required';
  const numeric = [
    'multiplierPercent',
    'points',
    'perAmount',
    'newMemberWithinDays',
    'perCustomerPoints',
    'perCustomerGrants',
    'budgetPoints',
    'priority',
    'holdoutPercent',
  ] as const;
  for (const field of numeric) {
    const value = wholeNumber(form[field] as string);
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) problems[field] = 'wholeNumber';
  }
  if (form.minSpend.trim() && !(Number(form.minSpend) >= 0)) problems.minSpend = 'wholeNumber';
  const holdout = wholeNumber(form.holdoutPercent);
  if (!problems.holdoutPercent && holdout !== undefined && holdout > 50) problems.holdoutPercent = 'percent';
  if (form.rewardKind === 'MULTIPLIER' && !form.multiplierPercent.trim()) problems.multiplierPercent = 'required';
  if (form.rewardKind !== 'MULTIPLIER' && !form.points.trim()) problems.points = 'required';
  if (form.rewardKind === 'RATE' && !form.perAmount.trim()) problems.perAmount = 'required';
  if (form.trigger === 'EVENT') {
    if (!form.eventType.trim()) problems.eventType = 'required';
    for (const [index, row] of form.eventConditions.entries()) {
      for (const [field, problem] of Object.entries(conditionProblems(row)))
        problems[`eventConditions.${index}.${field as keyof ConditionForm}`] = problem;
    }
  }
  return problems;
}

/**
 * A wall-clock time in a time zone as the instant it names (`2026-12-04T18:00` in Europe/London →
 * `2026-12-04T18:00:00.000Z`). Across a clock change the earlier reading wins.
 */
export function zonedWallTimeToIso(wallTime: string, timeZone: string): string {
  const [date, time = '00:00'] = wallTime.split('T');
  const [year, month, day] = date!.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  let instant = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  instant = asUtc - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** The instant's wall-clock time in a time zone, as a datetime-local input shows it. */
export function isoToZonedWallTime(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  return new Date(instant + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16);
}

/** Minutes the time zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** Major units typed (12.50) as the graph's minor units (1250), by the currency's digits. */
function minorUnits(text: string, currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(Number(text) * 10 ** digits);
}

function majorUnits(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return String(minor / 10 ** digits);
}

/** The form as the graph's CampaignInput, schedule read in the program's time zone. */
export function campaignInput(form: CampaignForm, program: { timeZone: string; currency: string }): CampaignInput {
  // Only a PURCHASE campaign's FIXED_BONUS or RATE may credit a wallet; anything else earns points.
  const wallet = form.trigger === 'PURCHASE' && form.wallet ? form.wallet : null;
  const reward: CampaignInput['reward'] =
    form.rewardKind === 'MULTIPLIER'
      ? { kind: 'MULTIPLIER', multiplierPercent: wholeNumber(form.multiplierPercent) }
      : form.rewardKind === 'FIXED_BONUS'
        ? { kind: 'FIXED_BONUS', points: wholeNumber(form.points), wallet }
        : {
            kind: 'RATE',
            points: wholeNumber(form.points),
            perAmount: wholeNumber(form.perAmount),
            currency: program.currency,
            wallet,
          };
  return {
    name: form.name.trim(),
    description: form.description.trim() || null,
    trigger: form.trigger,
    activityKind: form.trigger === 'ACTIVITY' ? form.activityKind : null,
    eventTrigger:
      form.trigger === 'EVENT'
        ? {
            eventType: form.eventType.trim(),
            conditions: form.eventConditions.map(conditionInput),
            oncePer: form.eventOncePer.trim() ? form.eventOncePer.trim().split('.') : null,
          }
        : null,
    reward,
    audience: {
      channels: form.channels,
      tiers: form.tiers,
      segments: form.segments,
      firstPurchase: form.firstPurchase,
      firstPurchaseInChannel: form.firstPurchaseInChannel,
      newMemberWithinDays: wholeNumber(form.newMemberWithinDays) ?? null,
      minSpend: form.minSpend.trim() ? minorUnits(form.minSpend, program.currency) : null,
      minSpendCurrency: form.minSpend.trim() ? program.currency : null,
      skus: list(form.skus),
      categories: list(form.categories),
    },
    schedule: {
      startsAt: form.startsAt ? zonedWallTimeToIso(form.startsAt, program.timeZone) : null,
      endsAt: form.endsAt ? zonedWallTimeToIso(form.endsAt, program.timeZone) : null,
      weekly: form.weekly.map((window) => ({ ...window })),
    },
    limits: {
      perCustomerPoints: wholeNumber(form.perCustomerPoints) ?? null,
      perCustomerGrants: wholeNumber(form.perCustomerGrants) ?? null,
      capPeriod: form.capPeriod,
      budgetPoints: wholeNumber(form.budgetPoints) ?? null,
    },
    exclusive: form.exclusive,
    priority: wholeNumber(form.priority) ?? 0,
    holdoutPercent: wholeNumber(form.holdoutPercent) ?? 0,
  };
}

/** A saved campaign back in the form, to edit it. */
export function campaignForm(campaign: CampaignFieldsFragment, program: { timeZone: string }): CampaignForm {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    name: campaign.name,
    description: campaign.description ?? '',
    trigger: campaign.trigger,
    activityKind: campaign.activityKind ?? 'SIGN_UP',
    eventType: campaign.eventTrigger?.eventType ?? '',
    eventOncePer: campaign.eventTrigger?.oncePer?.join('.') ?? '',
    eventConditions: campaign.eventTrigger?.conditions.map(conditionForm) ?? [],
    rewardKind: campaign.reward.kind,
    multiplierPercent: text(campaign.reward.multiplierPercent),
    points: text(campaign.reward.points),
    perAmount: text(campaign.reward.perAmount),
    wallet: campaign.reward.wallet ?? '',
    channels: [...campaign.audience.channels],
    tiers: [...campaign.audience.tiers],
    segments: [...campaign.audience.segments],
    firstPurchase: campaign.audience.firstPurchase,
    firstPurchaseInChannel: campaign.audience.firstPurchaseInChannel,
    newMemberWithinDays: text(campaign.audience.newMemberWithinDays),
    minSpend:
      campaign.audience.minSpend === null || campaign.audience.minSpend === undefined
        ? ''
        : majorUnits(campaign.audience.minSpend, campaign.audience.minSpendCurrency ?? 'EUR'),
    skus: campaign.audience.skus.join(', '),
    categories: campaign.audience.categories.join(', '),
    startsAt: campaign.schedule.startsAt ? isoToZonedWallTime(campaign.schedule.startsAt, program.timeZone) : '',
    endsAt: campaign.schedule.endsAt ? isoToZonedWallTime(campaign.schedule.endsAt, program.timeZone) : '',
    weekly: campaign.schedule.weekly.map(({ startDay, startTime, endDay, endTime }) => ({
      startDay,
      startTime,
      endDay,
      endTime,
    })),
    perCustomerPoints: text(campaign.limits.perCustomerPoints),
    perCustomerGrants: text(campaign.limits.perCustomerGrants),
    capPeriod: campaign.limits.capPeriod,
    budgetPoints: text(campaign.limits.budgetPoints),
    exclusive: campaign.exclusive,
    priority: String(campaign.priority),
    holdoutPercent: String(campaign.holdoutPercent),
  };
}
