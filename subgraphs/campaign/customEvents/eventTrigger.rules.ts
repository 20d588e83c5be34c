import type { EventTrigger } from '../campaigns/campaign.rules';
import {
  attributeConditionProblem,
  AttributeOperator,
  type AttributeCondition,
  type ConditionProblem,
  type SegmentValue,
} from '../segments/segment.rules';

/** A custom event as the profile's `CustomerEventTracked` reports it. */
export interface TrackedEvent {
  type: string;
  properties: Readonly<Record<string, unknown>>;
  channel: string;
}

/** The value at `path` (keys from the top), or undefined. */
function at(properties: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let value: unknown = properties;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const scalarOf = (value: SegmentValue): string | number | boolean | null =>
  value.string ?? value.number ?? value.boolean;

/** Typed equality, as jsonb's: the string "5" is not the number 5. */
const same = (x: unknown, value: SegmentValue): boolean => x === scalarOf(value);

/** Strings order by code point, as the segment evaluator's `collate "C"`. */
function codePointOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Whether a property meets a condition, with the operators and typed comparison of segments'
 * attribute conditions (segmentMembership.store.ts evaluates the same rules in SQL).
 */
export function propertyMatches(condition: AttributeCondition, properties: Readonly<Record<string, unknown>>): boolean {
  const x = at(properties, condition.path);
  const present = x !== undefined && x !== null;
  const { operator } = condition;
  if (operator === AttributeOperator.EXISTS) return present;
  if (operator === AttributeOperator.NOT_EXISTS) return !present;
  if (!present) return false;
  if (operator === AttributeOperator.IN) return (condition.values ?? []).some((value) => same(x, value));
  const value = condition.value!;
  if (operator === AttributeOperator.EQ) return same(x, value);
  if (operator === AttributeOperator.NEQ) return !same(x, value);
  if (operator === AttributeOperator.CONTAINS) {
    if (Array.isArray(x)) return x.some((one) => same(one, value));
    return typeof x === 'string' && value.string !== null && x.includes(value.string);
  }
  let order: number;
  if (value.number !== null && typeof x === 'number') order = x - value.number;
  else if (value.string !== null && typeof x === 'string') order = codePointOrder(x, value.string);
  else return false;
  if (operator === AttributeOperator.GT) return order > 0;
  if (operator === AttributeOperator.GTE) return order >= 0;
  if (operator === AttributeOperator.LT) return order < 0;
  return order <= 0;
}

/** Whether an event is of the trigger's type and meets all its property conditions. */
export function eventMatches(trigger: EventTrigger, event: TrackedEvent): boolean {
  return (
    trigger.eventType === event.type &&
    trigger.conditions.every((condition) => propertyMatches(condition, event.properties))
  );
}

/**
 * The value a "once per" trigger counts the event under (its JSON text, so 12 and "12" differ),
 * null when the trigger has none, undefined when the event lacks the property (then it earns nothing).
 */
export function onceValueOf(trigger: EventTrigger, event: TrackedEvent): string | null | undefined {
  if (!trigger.oncePer) return null;
  const value = at(event.properties, trigger.oncePer);
  return value === undefined || value === null ? undefined : JSON.stringify(value);
}

/** An event trigger as a marketer gives it (EventTriggerInput): campaigns' and badges' alike. */
export interface EventTriggerGiven {
  eventType: string;
  conditions?: ReadonlyArray<{
    path: string[];
    operator: AttributeOperator;
    value?: Partial<SegmentValue> | null;
    values?: ReadonlyArray<Partial<SegmentValue>> | null;
  }> | null;
  oncePer?: string[] | null;
}

const valueOf = (given: Partial<SegmentValue>): SegmentValue => ({
  string: given.string ?? null,
  number: given.number ?? null,
  boolean: given.boolean ?? null,
});

/** The trigger a marketer's input describes, unset values as nulls. */
export function eventTriggerOf(given: EventTriggerGiven): EventTrigger {
  return {
    eventType: given.eventType,
    conditions: (given.conditions ?? []).map(({ path, operator, value, values }) => ({
      path,
      operator,
      value: value ? valueOf(value) : null,
      values: values ? values.map(valueOf) : null,
    })),
    oncePer: given.oncePer ?? null,
  };
}

/** Null when every property condition can be evaluated, else the first field under `at` to fix. */
export function eventTriggerProblem(trigger: EventTrigger, at: string): ConditionProblem | null {
  for (const [index, condition] of trigger.conditions.entries()) {
    const problem = attributeConditionProblem(condition, `${at}.conditions[${index}]`);
    if (problem) return problem;
  }
  return null;
}
