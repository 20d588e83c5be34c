import type { Queryable } from '../../../runtime/database/database';
import type { ExportFilter } from '../../../runtime/exports/exportEndpoint';

export interface MemberRow {
  id: string;
  given_name: string;
  family_name: string | null;
  email: string | null;
  phone: string | null;
  member_card: string | null;
  enrollment_channel: string;
  enrollment_store_id: string | null;
  enrolled_at: Date;
  birthday: string | null;
  preferred_channel: string | null;
  language: string | null;
  email_consent: boolean | null;
  sms_consent: boolean | null;
  push_consent: boolean | null;
  attributes: Record<string, unknown>;
}

const identity = (type: string) =>
  `(select i.value from profile.identities i where i.customer_id = c.id and i.type = '${type}'
     order by i.created_at limit 1)`;
const consent = (channel: string) =>
  `(select k.granted from profile.consents k where k.customer_id = c.id and k.channel = '${channel}'
     order by k.id desc limit 1)`;

/** The profile's members for bulk export, one keyset batch (by id) at a time. */
export const memberExportStore = {
  /** Current members: not merged into another profile, not erased; `from`/`to` on the enrolment time. */
  async members(db: Queryable, filter: ExportFilter, after: string | null, limit: number): Promise<MemberRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['c.merged_into is null', 'c.erased_at is null'];
    if (after !== null) where.push(`c.id > ${param(after)}::uuid`);
    if (filter.from) where.push(`c.enrolled_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`c.enrolled_at < ${param(filter.to)}`);
    if (filter.customerIds) where.push(`c.id = any(${param(filter.customerIds)}::uuid[])`);
    const { rows } = await db.query<MemberRow>(
      `select c.id, c.given_name, c.family_name, ${identity('EMAIL')} as email, ${identity('PHONE')} as phone,
              ${identity('MEMBER_CARD')} as member_card, c.enrollment_channel, c.enrollment_store_id, c.enrolled_at,
              c.birthday::text as birthday, c.preferred_channel, c.language,
              ${consent('EMAIL')} as email_consent, ${consent('SMS')} as sms_consent, ${consent('PUSH')} as push_consent,
              c.attributes
         from profile.customers c
        where ${where.join(' and ')}
        order by c.id limit ${Number(limit)}`,
      params,
    );
    return rows;
  },
};
