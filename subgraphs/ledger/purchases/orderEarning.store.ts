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

/** SQL for `ledger.order_earnings`: what each rule of a purchase earned, line by line (written with its order: purchaseStore.insertWithEarnings). */
export const orderEarningStore = {
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
