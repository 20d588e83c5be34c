import type { Queryable } from '../../../runtime/database/database';
import { IdentifierType } from './identifier.rules';
import type { Customer, Identity } from './customer.type';

interface CustomerRow {
  id: string;
  given_name: string;
  family_name: string | null;
  enrollment_channel: string;
  enrollment_store_id: string | null;
  enrolled_at: Date;
  identities: Identity[];
}

const selectCustomers = `
  select c.id, c.given_name, c.family_name, c.enrollment_channel, c.enrollment_store_id, c.enrolled_at,
         coalesce(json_agg(json_build_object('type', i.type, 'value', i.value) order by i.type, i.value)
                  filter (where i.type is not null), '[]') as identities
    from profile.customers c
    left join profile.identities i on i.customer_id = c.id`;

function toCustomer(row: CustomerRow): Customer {
  const first = (type: IdentifierType) => row.identities.find((identity) => identity.type === type)?.value ?? null;
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    name: [row.given_name, row.family_name].filter(Boolean).join(' '),
    email: first(IdentifierType.EMAIL),
    phone: first(IdentifierType.PHONE),
    identities: row.identities,
    enrollmentChannel: row.enrollment_channel,
    enrollmentStoreId: row.enrollment_store_id,
    enrolledAt: new Date(row.enrolled_at),
  };
}

export interface NewCustomer {
  id: string;
  givenName: string;
  familyName: string | null;
  enrollmentChannel: string;
  enrollmentStoreId: string | null;
  identities: Array<{ type: IdentifierType; value: string }>;
}

/** SQL for `profile.customers` and `profile.identities`. */
export const customerStore = {
  /** Loads many customers in one query; the result is in no particular order. */
  async findByIds(db: Queryable, ids: readonly string[]): Promise<Customer[]> {
    const { rows } = await db.query<CustomerRow>(`${selectCustomers} where c.id = any($1::uuid[]) group by c.id`, [
      ids,
    ]);
    return rows.map(toCustomer);
  },

  async findIdByIdentifier(db: Queryable, type: IdentifierType, value: string): Promise<string | undefined> {
    const { rows } = await db.query<{ customer_id: string }>(
      'select customer_id from profile.identities where type = $1 and value = $2',
      [type, value],
    );
    return rows[0]?.customer_id;
  },

  async insert(tx: Queryable, customer: NewCustomer): Promise<void> {
    await tx.query(
      `insert into profile.customers (id, given_name, family_name, enrollment_channel, enrollment_store_id)
       values ($1, $2, $3, $4, $5)`,
      [customer.id, customer.givenName, customer.familyName, customer.enrollmentChannel, customer.enrollmentStoreId],
    );
    for (const identity of customer.identities) {
      await tx.query('insert into profile.identities (type, value, customer_id) values ($1, $2, $3)', [
        identity.type,
        identity.value,
        customer.id,
      ]);
    }
  },
};
