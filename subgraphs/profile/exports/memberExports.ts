import type { ExportDataset, ExportDatasets } from '../../../runtime/exports/exportEndpoint';
import { memberExportStore, type MemberRow } from './memberExport.store';

/** Every current member with identities, enrolment, consent and attributes; `from`/`to` on the enrolment time. */
const members: ExportDataset<MemberRow, string> = {
  ranged: true,
  read: memberExportStore.members,
  keyOf: (row) => row.id,
  columns: [
    { name: 'customerId', description: 'the member', value: (row) => row.id },
    { name: 'givenName', description: 'given name', value: (row) => row.given_name },
    { name: 'familyName', description: 'family name', value: (row) => row.family_name },
    { name: 'email', description: 'email address', value: (row) => row.email },
    { name: 'phone', description: 'phone number (E.164)', value: (row) => row.phone },
    { name: 'memberCard', description: 'member card number', value: (row) => row.member_card },
    { name: 'enrollmentChannel', description: 'where they joined', value: (row) => row.enrollment_channel },
    { name: 'enrollmentStoreId', description: 'the store they joined in', value: (row) => row.enrollment_store_id },
    { name: 'enrolledAt', description: 'when they joined', value: (row) => row.enrolled_at },
    { name: 'birthday', description: 'YYYY-MM-DD', value: (row) => row.birthday },
    { name: 'preferredChannel', description: 'EMAIL, SMS or PUSH', value: (row) => row.preferred_channel },
    { name: 'language', description: 'BCP 47 language tag', value: (row) => row.language },
    {
      name: 'emailConsent',
      description: 'true granted, false refused, empty never asked',
      value: (row) => row.email_consent,
    },
    { name: 'smsConsent', description: 'as emailConsent, for SMS', value: (row) => row.sms_consent },
    { name: 'pushConsent', description: 'as emailConsent, for push', value: (row) => row.push_consent },
    { name: 'attributes', description: 'free-form attributes as JSON', value: (row) => row.attributes },
  ],
};

/** The datasets the profile serves to `GET /export/<dataset>` on the gateway. */
export const profileExports: ExportDatasets = { members };
