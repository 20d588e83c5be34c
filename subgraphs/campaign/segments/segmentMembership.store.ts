import type { Queryable } from '../../../runtime/database/database';
import {
  AttributeOperator,
  type AttributeCondition,
  type MessageCondition,
  type SegmentCondition,
  type SegmentDefinition,
  type SegmentRule,
  type SegmentValue,
} from './segment.rules';
import { responseColumns } from './memberMessage.store';

/**
 * The one segment evaluator: each rule becomes a SQL predicate over a member's figures
 * (`campaign.customer_stats s`), the profile view (`campaign.member_profiles p`, consents,
 * audiences) and their purchases, evaluated for many members in one statement. `a.at` is the
 * instant the segment is taken at (now, or a purchase's time for quotes and simulations).
 */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

const jsonOf = (value: SegmentValue): string => JSON.stringify(value.string ?? value.number ?? value.boolean);

function range(sql: string, min: number | null, max: number | null, p: Parameters): string[] {
  const out: string[] = [];
  if (min !== null) out.push(`${sql} >= ${p.add(min, 'bigint')}`);
  if (max !== null) out.push(`${sql} <= ${p.add(max, 'bigint')}`);
  return out;
}

/** `json` (a member's attributes, an event's properties) at the condition's path, compared by its operator. */
function attributePredicate(condition: AttributeCondition, p: Parameters, json = 'p.attributes'): string {
  const x = `(${json} #> ${p.add(condition.path, 'text[]')})`;
  const present = `(${x} is not null and jsonb_typeof(${x}) <> 'null')`;
  const { operator, value } = condition;
  if (operator === AttributeOperator.EXISTS) return present;
  if (operator === AttributeOperator.NOT_EXISTS) return `not ${present}`;
  if (operator === AttributeOperator.IN) {
    const values = JSON.stringify((condition.values ?? []).map((one) => JSON.parse(jsonOf(one)) as unknown));
    return `exists (select 1 from jsonb_array_elements(${p.add(values, 'jsonb')}) as v (value) where v.value = ${x})`;
  }
  const v = value!;
  if (operator === AttributeOperator.EQ) return `${x} = ${p.add(jsonOf(v), 'jsonb')}`;
  if (operator === AttributeOperator.NEQ) return `(${present} and ${x} <> ${p.add(jsonOf(v), 'jsonb')})`;
  if (operator === AttributeOperator.CONTAINS) {
    const arrays = `case when jsonb_typeof(${x}) = 'array' then ${x} @> jsonb_build_array(${p.add(jsonOf(v), 'jsonb')})`;
    if (v.string === null) return `${arrays} else false end`;
    return `${arrays} when jsonb_typeof(${x}) = 'string' then strpos(${x} #>> '{}', ${p.add(v.string, 'text')}) > 0 else false end`;
  }
  const sign = { GT: '>', GTE: '>=', LT: '<', LTE: '<=' }[operator];
  // Typed: only an attribute of the value's JSON type compares; the case keeps the cast from other types.
  if (v.number !== null)
    return `case when jsonb_typeof(${x}) = 'number' then (${x} #>> '{}')::numeric ${sign} ${p.add(v.number, 'numeric')} else false end`;
  return `case when jsonb_typeof(${x}) = 'string' then (${x} #>> '{}') collate "C" ${sign} ${p.add(v.string, 'text')} collate "C" else false end`;
}

/**
 * Messages kept from engagement's outbox (memberMessages.ts): a response within the window, or a
 * message sent within it and none of those answered by `a.at`.
 */
function messagePredicate(condition: MessageCondition, p: Parameters): string {
  const column = `mm.${responseColumns[condition.response]}`;
  const days = p.add(condition.withinDays, 'int');
  const kind = p.add(condition.kind, 'text');
  const campaignKey = p.add(condition.campaignKey, 'text');
  const matching = `mm.customer_id = a.customer_id and (${kind} is null or mm.kind = ${kind})
                    and (${campaignKey} is null or mm.campaign_key = ${campaignKey})`;
  if (condition.responded)
    return `exists (select 1 from campaign.member_messages mm
                     where ${matching} and ${column} <= a.at and ${column} > a.at - make_interval(days => ${days}))`;
  const sentInWindow = `${matching} and mm.sent_at <= a.at and mm.sent_at > a.at - make_interval(days => ${days})`;
  return `(exists (select 1 from campaign.member_messages mm where ${sentInWindow})
           and not exists (select 1 from campaign.member_messages mm where ${sentInWindow} and ${column} <= a.at))`;
}

function conditionPredicate(condition: SegmentCondition, p: Parameters): string {
  let sql: string;
  if (condition.attribute) sql = attributePredicate(condition.attribute, p);
  else if (condition.consent) {
    const answer = `(select k.granted from campaign.member_consents k where k.customer_id = a.customer_id and k.channel = ${p.add(condition.consent.channel, 'text')})`;
    sql = condition.consent.granted ? `${answer} is true` : `${answer} is not true`;
  } else if (condition.bought) {
    const { skus, categories, withinDays } = condition.bought;
    sql = `exists (select 1 from campaign.purchases b
                    where b.customer_id = a.customer_id and b.occurred_at < a.at
                      and b.occurred_at > a.at - make_interval(days => ${p.add(withinDays, 'int')})
                      and (b.returned_amount < b.total_amount or b.total_amount = 0)
                      and exists (select 1 from jsonb_array_elements(b.lines) as l (line)
                                   where l.line ->> 'sku' = any(${p.add(skus, 'text[]')})
                                      or l.line ->> 'category' = any(${p.add(categories, 'text[]')})))`;
  } else if (condition.events) {
    const { type, atLeast, atMost, withinDays } = condition.events;
    // Counts kept per UTC day (customEvents/): today and the withinDays - 1 days before.
    const day = `(a.at at time zone 'UTC')::date`;
    const properties = condition.events.properties ?? [];
    // With property conditions the events themselves are counted (kept in custom_events), by the same days.
    const count =
      properties.length === 0
        ? `(select coalesce(sum(c.count), 0) from campaign.event_counts c
                     where c.customer_id = a.customer_id and c.event_type = ${p.add(type, 'text')}
                       and c.day <= ${day} and c.day > ${day} - ${p.add(withinDays, 'int')})`
        : `(select count(*) from campaign.custom_events e
             where e.customer_id = a.customer_id and e.event_type = ${p.add(type, 'text')}
               and (e.occurred_at at time zone 'UTC')::date <= ${day}
               and (e.occurred_at at time zone 'UTC')::date > ${day} - ${p.add(withinDays, 'int')}
               and ${properties.map((property) => `coalesce(${attributePredicate(property, p, 'e.properties')}, false)`).join(' and ')})`;
    sql = range(count, atLeast, atMost, p).join(' and ');
  } else if (condition.message) {
    sql = messagePredicate(condition.message, p);
  } else {
    sql = `exists (select 1 from campaign.audience_members m
                    where m.audience_key = ${p.add(condition.inAudience, 'text')} and m.customer_id = a.customer_id)`;
  }
  // Null (an unknown member, an absent attribute) is no match, and its negation a match.
  return condition.negate ? `not coalesce(${sql}, false)` : `coalesce(${sql}, false)`;
}

/** The rule as one SQL predicate (true when it has no condition). */
function rulePredicate(rule: SegmentRule, p: Parameters): string {
  const parts = [
    ...range('coalesce(s.purchase_count, 0)', rule.minPurchases, rule.maxPurchases, p),
    ...range('coalesce(s.spend, 0)', rule.minSpend, rule.maxSpend, p),
    ...range("cardinality(coalesce(s.channels, '{}'))", rule.minChannels, rule.maxChannels, p),
    ...range('s.recency_score', rule.minRecency, rule.maxRecency, p),
    ...range('s.frequency_score', rule.minFrequency, rule.maxFrequency, p),
    ...range('s.monetary_score', rule.minMonetary, rule.maxMonetary, p),
  ];
  if (rule.purchasedWithinDays !== null)
    parts.push(`s.last_purchase_at >= a.at - make_interval(days => ${p.add(rule.purchasedWithinDays, 'int')})`);
  // Lapsed customers: they bought, but not for that long (someone who never bought is not lapsed).
  if (rule.notPurchasedForDays !== null)
    parts.push(`s.last_purchase_at <= a.at - make_interval(days => ${p.add(rule.notPurchasedForDays, 'int')})`);
  if (rule.channelsAny.length > 0) parts.push(`coalesce(s.channels, '{}') && ${p.add(rule.channelsAny, 'text[]')}`);
  if (rule.channelsAll.length > 0) parts.push(`coalesce(s.channels, '{}') @> ${p.add(rule.channelsAll, 'text[]')}`);
  if (rule.tiers.length > 0) parts.push(`s.tier = any(${p.add(rule.tiers, 'text[]')})`);
  const conditions = (rule.conditions ?? []).map((condition) => conditionPredicate(condition, p));
  const figures = parts.length === 0 ? [] : [`coalesce(${parts.join(' and ')}, false)`];
  const all = [...figures, ...conditions];
  return all.length === 0 ? 'true' : all.join(' and ');
}

/** Per asked row, the indexes of the segments it is in. */
async function evaluate(
  db: Queryable,
  segments: readonly SegmentDefinition[],
  asked: (p: Parameters) => string,
): Promise<Array<{ customer_id: string; n: number; matched: number[] }>> {
  const p = new Parameters();
  const from = asked(p);
  const columns = segments.map((segment, index) => `case when ${rulePredicate(segment.rule, p)} then ${index} end`);
  const { rows } = await db.query<{ customer_id: string; n: number; matched: number[] }>(
    `select customer_id, n, matched from (
       select a.customer_id, a.n, array_remove(array[${columns.join(', ')}]::int[], null) as matched
         from (${from}) a
         left join campaign.customer_stats s on s.customer_id = a.customer_id
         left join campaign.member_profiles p on p.customer_id = a.customer_id
     ) evaluated where cardinality(matched) > 0`,
    p.values,
  );
  return rows;
}

/** Who segments are taken over: everyone with figures, a profile in the view or a custom event counted. */
const everyone = (at: Date) => (p: Parameters) =>
  `select customer_id, ${p.add(at.toISOString(), 'timestamptz')} as at, 0 as n
     from (select customer_id from campaign.customer_stats union select customer_id from campaign.member_profiles
           union select customer_id from campaign.event_counts) known`;

export const segmentMembershipStore = {
  /** Per segment key, its members at `at`, in id order (one statement for every segment). */
  async membersOf(db: Queryable, segments: readonly SegmentDefinition[], at: Date): Promise<Map<string, string[]>> {
    const members = new Map<string, string[]>(segments.map((segment) => [segment.key, []]));
    if (segments.length === 0) return members;
    const rows = await evaluate(db, segments, everyone(at));
    rows.sort((x, y) => (x.customer_id < y.customer_id ? -1 : x.customer_id > y.customer_id ? 1 : 0));
    for (const row of rows) for (const index of row.matched) members.get(segments[index]!.key)!.push(row.customer_id);
    return members;
  },

  /** For each asked member and instant, the keys of the segments they are in then (one statement). */
  async segmentsAt(
    db: Queryable,
    segments: readonly SegmentDefinition[],
    asked: ReadonlyArray<{ customerId: string; at: Date }>,
  ): Promise<string[][]> {
    const result = asked.map((): string[] => []);
    if (segments.length === 0 || asked.length === 0) return result;
    const rows = await evaluate(
      db,
      segments,
      (p) =>
        `select customer_id, at, (n - 1)::int as n from unnest(${p.add(
          asked.map((one) => one.customerId),
          'uuid[]',
        )}, ${p.add(
          asked.map((one) => one.at.toISOString()),
          'timestamptz[]',
        )}) with ordinality as asked (customer_id, at, n)`,
    );
    for (const row of rows) result[row.n] = row.matched.map((index) => segments[index]!.key);
    return result;
  },
};
