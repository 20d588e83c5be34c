import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

export interface ImportFilesOptions {
  /** The folder the files go to (it must exist). */
  dir: string;
  /** Members `from` .. `to - 1`; their keys are `${keyPrefix}${index}`. */
  from: number;
  to: number;
  ordersPerMember: number;
  /** Orders are spread over the `days` before `now`. */
  now: Date;
  days?: number;
  /** `bench-member-` by default: the bench's members; another prefix keeps a scenario's members apart. */
  keyPrefix?: string;
  /** Order keys are `${orderKeyPrefix}${index}-${n}`: `bulk-` by default (another prefix keeps a scenario's orders apart). */
  orderKeyPrefix?: string;
  /**
   * The earn rate the history was credited at (`points` per `perAmount` minor units): each member's
   * BALANCES record holds one lot per order of what it would have earned. Default 1 per 100.
   */
  points?: number;
  perAmount?: number;
}

/** The files written, each with its record count. */
export interface ImportFiles {
  members: { file: string; records: number };
  balances: { file: string; records: number };
  orders: { file: string; records: number };
}

/** The bench's legacy member key of member `index`. */
export const benchMemberKey = (index: number, prefix = 'bench-member-'): string => `${prefix}${index}`;

/** A 32-bit integer hash of two integers (deterministic pseudo-random figures per member and order). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const channels = ['IN_STORE', 'MOBILE_APP', 'ONLINE'] as const;

/** One generated order of member `index`: the same for the same (index, n, now) every time. */
export function benchOrder(index: number, n: number, options: ImportFilesOptions) {
  const days = options.days ?? 365;
  const { ordersPerMember: m, now } = options;
  const channel = channels[index % 3]!;
  const totalAmount = 500 + (mix(index, n) % 40_000);
  const occurredAt = new Date(
    now.getTime() - days * ((m - n) / m) * 86_400_000 + (mix(index, n + 1_000_003) % 36_000) * 1000,
  );
  return {
    orderKey: `${options.orderKeyPrefix ?? 'bulk-'}${index}-${n}`,
    channel,
    storeId: index % 3 === 0 ? `store-${index % 25}` : null,
    totalAmount,
    sku: `SKU-${n % 50}`,
    occurredAt,
  };
}

/** Appends to a stream, waiting when its buffer is full (so a file of any size takes little memory). */
class Lines {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private size = 0;
  records = 0;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file);
  }

  async add(record: unknown): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    this.pending.push(line);
    this.size += line.length;
    this.records += 1;
    if (this.size >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/**
 * Writes NDJSON import files for generated members: MEMBERS (key, names, email, enrolment a day
 * before their first order, consent), BALANCES (one lot per order, of what the order would have
 * earned at the rate, earned when it was placed) and ORDERS (`ordersPerMember` each over the past
 * `days`, a third in stores, a third in the app, the rest online; €5.00 to €404.99 on one line).
 * Streamed to disk record by record and deterministic: the same options give the same bytes.
 */
export async function writeImportFiles(options: ImportFilesOptions): Promise<ImportFiles> {
  const prefix = options.keyPrefix ?? 'bench-member-';
  const rate = { points: options.points ?? 1, perAmount: options.perAmount ?? 100 };
  const base = path.join(options.dir, `${prefix}${options.from}-${options.to}`);
  const members = new Lines(`${base}.members.ndjson`);
  const balances = new Lines(`${base}.balances.ndjson`);
  const orders = new Lines(`${base}.orders.ndjson`);
  for (let index = options.from; index < options.to; index++) {
    const memberKey = benchMemberKey(index, prefix);
    const history = Array.from({ length: options.ordersPerMember }, (_, n) => benchOrder(index, n, options));
    const first = history.reduce((at, order) => Math.min(at, order.occurredAt.getTime()), options.now.getTime());
    const enrolledAt = new Date(first - 86_400_000).toISOString();
    await members.add({
      memberKey,
      givenName: 'Bench',
      familyName: `Member ${index}`,
      email: `bench-${prefix === 'bench-member-' ? '' : `${prefix}`}${index}@example.com`,
      enrolledAt,
      enrollmentChannel: channels[index % 3],
      ...(index % 3 === 0 && { enrollmentStoreId: `store-${index % 25}` }),
      consent: { EMAIL: { granted: index % 2 === 0, source: 'bench', at: enrolledAt } },
    });
    const lots = history
      .map((order) => ({
        points: Math.floor(order.totalAmount / rate.perAmount) * rate.points,
        earnedAt: order.occurredAt.toISOString(),
      }))
      .filter((lot) => lot.points > 0);
    if (lots.length > 0) await balances.add({ memberKey, lots });
    for (const order of history) {
      await orders.add({
        orderKey: order.orderKey,
        memberKey,
        occurredAt: order.occurredAt.toISOString(),
        channel: order.channel,
        ...(order.storeId !== null && { storeId: order.storeId }),
        currency: 'EUR',
        lines: [{ sku: order.sku, quantity: 1, unitPrice: order.totalAmount }],
      });
    }
  }
  await Promise.all([members.close(), balances.close(), orders.close()]);
  return {
    members: { file: members.file, records: members.records },
    balances: { file: balances.file, records: balances.records },
    orders: { file: orders.file, records: orders.records },
  };
}
