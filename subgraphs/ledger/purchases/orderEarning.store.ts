import type { Queryable } from '../../../runtime/database/database';
import type { EntryKind } from '../journal/journal.rules';

export interface OrderEarningRow {
  order_id: string;
  position: number;
  kind: EntryKind.EARN | EntryKind.BONUS;
  points: number;
  reason: string;
  rule_id: string | null;
  /** The earning's points split over the order's lines, in line order. */
  line_points: number[];
  reversed: number;
}

export type NewOrderEarning = Omit<OrderEarningRow, 'reversed'>;

/** SQL for `ledger.order_earnings`: what each rule of a purchase earned, line by line. */
export const orderEarningStore = {
  async insert(tx: Queryable, earnings: readonly NewOrderEarning[]): Promise<void> {
    if (earnings.length === 0) return;
    await tx.query(
      `insert into ledger.order_earnings (order_id, position, kind, points, reason, rule_id, line_points)
       select order_id, position, kind, points, reason, rule_id, line_points
         from unnest($1::uuid[], $2::int[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::jsonb[])
           as e(order_id, position, kind, points, reason, rule_id, line_points)`,
      [
        earnings.map((e) => e.order_id),
        earnings.map((e) => e.position),
        earnings.map((e) => e.kind),
        earnings.map((e) => e.points),
        earnings.map((e) => e.reason),
        earnings.map((e) => e.rule_id),
        earnings.map((e) => JSON.stringify(e.line_points)),
      ],
    );
  },

  async ofOrder(tx: Queryable, orderId: string): Promise<OrderEarningRow[]> {
    const { rows } = await tx.query<OrderEarningRow>(
      'select * from ledger.order_earnings where order_id = $1 order by position',
      [orderId],
    );
    return rows;
  },

  async addReversed(tx: Queryable, orderId: string, reversed: ReadonlyMap<number, number>): Promise<void> {
    if (reversed.size === 0) return;
    await tx.query(
      `update ledger.order_earnings e set reversed = e.reversed + r.points
         from unnest($2::int[], $3::bigint[]) as r(position, points)
        where e.order_id = $1 and e.position = r.position`,
      [orderId, [...reversed.keys()], [...reversed.values()]],
    );
  },
};
