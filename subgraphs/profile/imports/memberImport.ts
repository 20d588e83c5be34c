import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../runtime/database/database';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import { appendEvent } from '../../../runtime/events/outbox';
import type { ImportApplier, ImportBatchRequest, ImportBatchResult } from '../../../runtime/imports/importBatch';
import { RecordReader } from '../../../runtime/imports/recordReader';
import { isCode } from '../../../runtime/validation/validators';
import { profileEvents, type MembersImportedPayload } from '../contract/events';
import { ConsentChannel } from '../customers/customer.type';
import {
  IdentifierType,
  newCardNumber,
  normaliseEmail,
  normaliseIdentifier,
  normaliseLegacyMemberId,
  normalisePhone,
  type IdentifierOptions,
} from '../customers/identifier.rules';
import { memberImportStore, type ImportedMemberRow } from './memberImport.store';

/** The fields a MEMBERS record may carry (the public file format; CSV headers dotted for nested ones). */
export const memberFields = [
  'memberKey',
  'givenName',
  'familyName',
  'email',
  'phone',
  'birthday',
  'language',
  'preferredChannel',
  'enrolledAt',
  'enrollmentChannel',
  'enrollmentStoreId',
  'identities',
  'attributes',
  'consent',
] as const;

/** The identifier types a record lists under `identities` (email, phone and the key have their own fields). */
export const listedIdentifierTypes = [
  IdentifierType.MEMBER_CARD,
  IdentifierType.APP_MEMBER_ID,
  IdentifierType.POS_CUSTOMER_ID,
  IdentifierType.ECOMMERCE_CUSTOMER_ID,
] as const;

const consentChannels = Object.values(ConsentChannel);
const languagePattern = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const defaultChannel = 'IMPORT';
const defaultConsentSource = 'import';

/** Another transaction wrote an identifier of the batch between its lookup and its write. */
class IdentifierTakenMeanwhile extends Error {
  constructor() {
    super('An identifier of the batch was taken meanwhile');
  }
}

/** A valid record, before the batch's lookups: the member to write, and which field holds each identity. */
interface Candidate {
  reader: RecordReader;
  key: string;
  member: ImportedMemberRow;
  /** Every identity the member would own, with the field it came from (for a CONFLICT). */
  claims: Array<{ type: IdentifierType; value: string; field: string }>;
}

/** Reads one record into a member; faults go to the reader. */
function readMember(reader: RecordReader, options: IdentifierOptions, now: Date): Candidate | undefined {
  for (const field of Object.keys(reader.record.fields)) {
    if (!(memberFields as readonly string[]).includes(field)) {
      reader.fail(field, ErrorCode.BAD_USER_INPUT, `${field} is not a field of MEMBERS records`);
    }
  }
  const rawKey = reader.text('memberKey', { required: true, maxLength: 128 });
  const key = rawKey === undefined ? undefined : normaliseLegacyMemberId(rawKey);
  if (rawKey !== undefined && key === undefined) {
    reader.fail('memberKey', ErrorCode.BAD_USER_INPUT, 'memberKey must not hold control characters');
  }
  const givenName = reader.text('givenName', { required: true, maxLength: 100 });
  const familyName = reader.text('familyName', { maxLength: 100 });
  const claims: Candidate['claims'] = [];
  if (key !== undefined) claims.push({ type: IdentifierType.LEGACY_MEMBER_ID, value: key, field: 'memberKey' });

  const rawEmail = reader.text('email', { maxLength: 254 });
  if (rawEmail !== undefined) {
    const email = normaliseEmail(rawEmail);
    if (email) claims.push({ type: IdentifierType.EMAIL, value: email, field: 'email' });
    else reader.fail('email', ErrorCode.BAD_USER_INPUT, `"${rawEmail.slice(0, 64)}" is not a valid email`);
  }
  const rawPhone = reader.text('phone', { maxLength: 32 });
  if (rawPhone !== undefined) {
    const phone = normalisePhone(rawPhone, options.phoneRegion);
    if (phone) claims.push({ type: IdentifierType.PHONE, value: phone, field: 'phone' });
    else reader.fail('phone', ErrorCode.BAD_USER_INPUT, `"${rawPhone}" is not a valid phone number`);
  }
  for (const [index, item] of (reader.list('identities') ?? []).entries()) {
    const type = item.oneOf('type', listedIdentifierTypes, { required: true });
    const raw = item.text('value', { required: true, maxLength: 128 });
    if (type !== undefined && raw !== undefined) {
      const value = normaliseIdentifier(type, raw, options);
      if (value === undefined) {
        item.fail('value', ErrorCode.BAD_USER_INPUT, `"${raw.slice(0, 64)}" is not a valid ${type}`);
      } else if (type === IdentifierType.MEMBER_CARD && claims.some((claim) => claim.type === type)) {
        item.fail('type', ErrorCode.BAD_USER_INPUT, 'A member has one card number');
      } else if (!claims.some((claim) => claim.type === type && claim.value === value)) {
        claims.push({ type, value, field: `identities[${index}].value` });
      }
    }
    reader.adopt(item);
  }

  const birthday = reader.date('birthday');
  const language = reader.text('language', { maxLength: 35 });
  if (language !== undefined && !languagePattern.test(language)) {
    reader.fail('language', ErrorCode.BAD_USER_INPUT, 'language must be a BCP 47 tag such as en-GB');
  }
  const preferredChannel = reader.oneOf('preferredChannel', consentChannels);
  const enrolledAt = reader.time('enrolledAt') ?? now;
  if (enrolledAt > now) reader.fail('enrolledAt', ErrorCode.BAD_USER_INPUT, 'enrolledAt is in the future');
  const enrollmentChannel = reader.text('enrollmentChannel', { maxLength: 32 }) ?? defaultChannel;
  if (!isCode(enrollmentChannel)) {
    reader.fail(
      'enrollmentChannel',
      ErrorCode.BAD_USER_INPUT,
      'enrollmentChannel must be UPPER_SNAKE_CASE, 2 to 32 characters',
    );
  }
  const enrollmentStoreId = reader.text('enrollmentStoreId', { maxLength: 64 });
  const attributes = reader.object('attributes') ?? {};

  const consents: ImportedMemberRow['consents'] = [];
  const consent = reader.object('consent');
  if (consent !== undefined) {
    const answers = new RecordReader({ line: reader.line, fields: consent }, 'consent.');
    for (const channel of Object.keys(consent)) {
      if (!(consentChannels as string[]).includes(channel)) {
        answers.fail(
          channel,
          ErrorCode.BAD_USER_INPUT,
          `consent.${channel} is not a channel: ${consentChannels.join(', ')}`,
        );
        continue;
      }
      const granted = answers.boolean(`${channel}.granted`, { required: true });
      const source = answers.text(`${channel}.source`, { maxLength: 64 }) ?? defaultConsentSource;
      const at = answers.time(`${channel}.at`) ?? enrolledAt;
      if (at > now) answers.fail(`${channel}.at`, ErrorCode.BAD_USER_INPUT, `consent.${channel}.at is in the future`);
      if (granted !== undefined) consents.push({ channel, granted, source, at });
    }
    reader.adopt(answers);
  }

  if (!reader.ok || key === undefined || givenName === undefined) return undefined;
  const identities = claims.map(({ type, value }) => ({ type, value }));
  // Every member has a card, as a native enrolment gives: the old engine's number if it was listed.
  if (!identities.some((identity) => identity.type === IdentifierType.MEMBER_CARD)) {
    identities.push({ type: IdentifierType.MEMBER_CARD, value: newCardNumber() });
  }
  return {
    reader,
    key,
    claims,
    member: {
      id: randomUUID(),
      givenName,
      familyName: familyName ?? null,
      enrollmentChannel,
      enrollmentStoreId: enrollmentStoreId ?? null,
      enrolledAt,
      birthday: birthday ?? null,
      preferredChannel: preferredChannel ?? null,
      language: language ?? null,
      attributes,
      identities,
      consents,
    },
  };
}

/**
 * The MEMBERS applier: each valid record becomes a profile with its legacy key (`LEGACY_MEMBER_ID`),
 * email, phone, listed identities and a card, its consent with source and time, attributes and
 * enrolment; one transaction per batch, one statement per table. A key imported before is skipped
 * (never updated); an identifier another profile owns, or two records of the batch share, is a
 * CONFLICT on its field. No per-member events: one `MembersImported` per batch carries the consent
 * to engagement, and nothing welcomes history.
 */
export function createMemberImport(options: IdentifierOptions = {}): ImportApplier {
  return async (db: Database, request: ImportBatchRequest): Promise<ImportBatchResult> => {
    const now = new Date();
    const readers = request.records.map((record) => new RecordReader(record));
    const candidates: Candidate[] = [];
    const claimedBy = new Map<string, number>();
    for (const reader of readers) {
      const candidate = readMember(reader, options, now);
      if (!candidate) continue;
      for (const claim of candidate.claims) {
        const line = claimedBy.get(`${claim.type}:${claim.value}`);
        if (line !== undefined) {
          reader.fail(
            claim.field,
            ErrorCode.CONFLICT,
            claim.type === IdentifierType.LEGACY_MEMBER_ID
              ? `memberKey ${claim.value} is on line ${line} of this batch too`
              : `This ${claim.type.toLowerCase().replace(/_/g, ' ')} is on line ${line} of this batch too`,
          );
        }
      }
      if (!reader.ok) continue;
      for (const claim of candidate.claims) claimedBy.set(`${claim.type}:${claim.value}`, reader.line);
      candidates.push(candidate);
    }

    // What the profile holds decides each candidate: skipped (its key is here), refused (another
    // member owns one of its identifiers) or applied. Faults are kept aside until the batch is done,
    // so a batch retried after a concurrent writer took an identifier reports them once.
    const decide = async (queryable: Queryable) => {
      const owners = await memberImportStore.owners(
        queryable,
        candidates.flatMap((candidate) => candidate.claims),
      );
      let skipped = 0;
      const applied: Candidate[] = [];
      const conflicts: Array<{ candidate: Candidate; claim: Candidate['claims'][number] }> = [];
      for (const candidate of candidates) {
        if (owners.has(`${IdentifierType.LEGACY_MEMBER_ID}:${candidate.key}`)) {
          skipped++;
          continue;
        }
        const taken = candidate.claims.filter((claim) => owners.has(`${claim.type}:${claim.value}`));
        for (const claim of taken) conflicts.push({ candidate, claim });
        if (taken.length === 0) applied.push(candidate);
      }
      return { applied, skipped, conflicts };
    };

    type Decided = Awaited<ReturnType<typeof decide>>;
    const actor = { role: 'internal', subject: `import:${request.jobId}` };
    const apply = (firstAttempt: boolean) =>
      db.transaction(async (tx) => {
        let decided: Decided | undefined;
        if (firstAttempt) {
          // Most batches of a first run own every identifier they claim: write them all at once, and
          // look the identifiers up only when one was taken (a re-run, a duplicate, a member enrolled
          // meanwhile): the identities' index is then read once per identity instead of twice.
          if (
            await memberImportStore.insertOrUndo(
              tx,
              candidates.map((candidate) => candidate.member),
              actor,
            )
          ) {
            decided = { applied: candidates, skipped: 0, conflicts: [] };
          }
        }
        if (!decided) {
          decided = await decide(tx);
          const members = decided.applied.map((candidate) => candidate.member);
          if (!(await memberImportStore.insert(tx, members, actor))) {
            throw new IdentifierTakenMeanwhile();
          }
        }
        const members = decided.applied.map((candidate) => candidate.member);
        if (members.length > 0) {
          const groups = new Map<string, MembersImportedPayload['consents'][number]>();
          for (const member of members) {
            for (const { channel, granted } of member.consents) {
              const group = groups.get(`${channel}:${granted}`) ?? { channel, granted, customerIds: [] };
              group.customerIds.push(member.id);
              groups.set(`${channel}:${granted}`, group);
            }
          }
          const payload: MembersImportedPayload = {
            jobId: request.jobId,
            imported: members.length,
            consents: [...groups.values()],
          };
          await appendEvent(tx, 'profile', profileEvents.MembersImported.event(request.jobId, payload, actor));
        }
        return decided;
      });

    let result: Decided;
    if (request.dryRun) result = await decide(db);
    else {
      for (let attempt = 1; ; attempt++) {
        try {
          result = await apply(attempt === 1);
          break;
        } catch (error) {
          // A member enrolled or imported meanwhile took an identifier of the batch: decide again.
          if (!(error instanceof IdentifierTakenMeanwhile) || attempt === 3) throw error;
        }
      }
    }
    for (const { candidate, claim } of result.conflicts) {
      candidate.reader.fail(
        claim.field,
        ErrorCode.CONFLICT,
        `This ${claim.type.toLowerCase().replace(/_/g, ' ')} belongs to another member: look them up with customerByIdentifier`,
      );
    }
    return {
      applied: result.applied.length,
      skipped: result.skipped,
      errors: readers.flatMap((reader) => reader.errors),
    };
  };
}
