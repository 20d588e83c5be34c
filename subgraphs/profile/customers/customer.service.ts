import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { hasSqlState, SqlState, type Database } from '../../../runtime/database/database';
import { profileEvents } from '../contract/events';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { isUuid } from '../../../runtime/validation/validators';
import { CustomerError, CustomerErrorKind } from './customer.errors';
import { customerStore } from './customer.store';
import type { Customer } from './customer.type';
import {
  identifierKey,
  IdentifierType,
  newCardNumber,
  normaliseIdentifier,
  type IdentifierOptions,
  type NormalisedIdentifier,
} from './identifier.rules';

type Actor = NewEvent['actor'];

export interface Enrollment {
  givenName: string;
  familyName?: string | null;
  email?: string | null;
  phone?: string | null;
  channel: string;
  storeId?: string | null;
  appMemberId?: string | null;
  posCustomerId?: string | null;
  ecommerceCustomerId?: string | null;
  birthday?: string | null;
}

export interface ProfileChanges {
  givenName?: string | null;
  familyName?: string | null;
  birthday?: string | null;
  preferredChannel?: string | null;
  language?: string | null;
  attributes?: Record<string, unknown> | null;
}

export class CustomerService {
  constructor(
    private readonly db: Database,
    private readonly identifierOptions: IdentifierOptions = {},
  ) {}

  /** A per-request loader: every customer asked for in one request is read in one query. */
  createLoader(): DataLoader<string, Customer | null> {
    return new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const byId = valid.length > 0 ? await customerStore.findByIds(this.db, valid) : new Map<string, Customer>();
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  requireValidId(id: string): string {
    if (!isUuid(id)) throw new CustomerError(CustomerErrorKind.InvalidCustomerId, `"${id}" is not a customer id`);
    return id;
  }

  async idByIdentifier(type: IdentifierType, raw: string): Promise<string | undefined> {
    return customerStore.findIdByIdentifier(this.db, type, this.normalisedIdentifier(type, raw).value);
  }

  /** The identifier as stored, or INVALID_IDENTIFIER. */
  normalisedIdentifier(type: IdentifierType, raw: string): NormalisedIdentifier {
    const value = normaliseIdentifier(type, raw, this.identifierOptions);
    if (!value) {
      throw new CustomerError(
        CustomerErrorKind.InvalidIdentifier,
        `"${raw.slice(0, 64)}" is not a valid ${type.toLowerCase().replace(/_/g, ' ')}`,
      );
    }
    return { type, value };
  }

  /** A per-request loader of identifiers' owners: every identifier asked for in one request is looked up in one query. */
  createIdentifierLoader(): DataLoader<NormalisedIdentifier, string | undefined, string> {
    return new DataLoader(
      async (identifiers) => {
        const owners = await customerStore.findIdsByIdentifiers(this.db, identifiers);
        return identifiers.map(({ type, value }) => owners.get(identifierKey(type, value)));
      },
      { cacheKeyFn: ({ type, value }) => identifierKey(type, value) },
    );
  }

  /**
   * Enrolls a new member with a new card number. An identifier that another profile owns is a
   * conflict, never a second profile.
   */
  async enroll(enrollment: Enrollment, actor: Actor): Promise<string> {
    const identities = [...this.identitiesOf(enrollment), { type: IdentifierType.MEMBER_CARD, value: newCardNumber() }];
    const id = randomUUID();
    try {
      await this.db.transaction(async (tx) => {
        await customerStore.insert(tx, {
          id,
          givenName: enrollment.givenName.trim(),
          familyName: enrollment.familyName?.trim() || null,
          enrollmentChannel: enrollment.channel,
          enrollmentStoreId: enrollment.storeId ?? null,
          birthday: enrollment.birthday ?? null,
          identities,
        });
        await appendEvent(
          tx,
          'profile',
          profileEvents.CustomerEnrolled.event(
            id,
            { customerId: id, channel: enrollment.channel, storeId: enrollment.storeId ?? null },
            actor,
          ),
        );
      });
    } catch (error) {
      if (hasSqlState(error, SqlState.uniqueViolation)) {
        throw new CustomerError(
          CustomerErrorKind.IdentifierTaken,
          'This email, phone or id already belongs to a member: look them up with customerByIdentifier',
        );
      }
      throw error;
    }
    return id;
  }

  /** Gives the member a new card number; the old number and its scan code stop resolving. */
  async rotateCard(customerId: string, actor: Actor): Promise<void> {
    await this.change(
      customerId,
      async (tx, currentId) => {
        await customerStore.replaceCard(tx, currentId, newCardNumber());
      },
      (currentId) => profileEvents.MemberCardRotated.event(currentId, { customerId: currentId }, actor),
    );
  }

  async update(customerId: string, changes: ProfileChanges, actor: Actor): Promise<void> {
    if (changes.givenName !== undefined && (changes.givenName === null || changes.givenName.trim() === '')) {
      throw new CustomerError(CustomerErrorKind.InvalidProfile, 'givenName cannot be removed');
    }
    let attributes: Record<string, unknown> | undefined;
    await this.change(
      customerId,
      async (tx, currentId) => {
        attributes = (await customerStore.update(tx, currentId, changes)) ?? undefined;
      },
      // The attributes ride in the event: campaign segments on them from its own view (issue 26).
      (currentId) => profileEvents.ProfileUpdated.event(currentId, { customerId: currentId, attributes }, actor),
    );
  }

  async setConsent(
    customerId: string,
    consent: { channel: string; granted: boolean; source: string },
    actor: Actor,
  ): Promise<void> {
    // The answer rides in the event: engagement keeps its own view of consent from these.
    await this.change(
      customerId,
      (tx, currentId) => customerStore.addConsent(tx, { customerId: currentId, ...consent, actor }),
      (currentId) =>
        profileEvents.ConsentChanged.event(
          currentId,
          { customerId: currentId, channel: consent.channel, granted: consent.granted },
          actor,
        ),
    );
  }

  /**
   * Merges two profiles of one person into `survivorId` (see customerStore.merge) and records the
   * `CustomersMerged` event that the other subgraphs follow. A retry of a done merge answers as the
   * first did; merging an erased or already merged profile is refused.
   */
  async merge(
    survivorId: string,
    mergedId: string,
    reason: string,
    actor: Actor,
  ): Promise<{ mergedId: string; auditEventId: string }> {
    if (survivorId === mergedId) {
      throw new CustomerError(CustomerErrorKind.InvalidProfile, 'A profile cannot be merged into itself');
    }
    return this.db.transaction(async (tx) => {
      const rows = await customerStore.lockForMerge(tx, [survivorId, mergedId]);
      const survivor = rows.find((row) => row.id === survivorId);
      const merged = rows.find((row) => row.id === mergedId);
      for (const [id, row] of [
        [survivorId, survivor],
        [mergedId, merged],
      ] as const) {
        if (!row) throw new CustomerError(CustomerErrorKind.UnknownCustomer, `No customer has the id ${id}`);
      }
      if (merged!.merged_into === survivorId) {
        return {
          mergedId,
          auditEventId: (await customerStore.lastEventId(tx, profileEvents.CustomersMerged.type, mergedId))!,
        };
      }
      const refuse = (message: string) => new CustomerError(CustomerErrorKind.MergeRefused, message);
      if (merged!.merged_into) throw refuse(`${mergedId} was already merged into ${merged!.merged_into}`);
      if (survivor!.merged_into) {
        throw refuse(`${survivorId} was merged into ${survivor!.merged_into}: merge into that profile instead`);
      }
      if (survivor!.erased_at || merged!.erased_at) throw refuse('An erased profile cannot be merged');
      await customerStore.merge(tx, survivorId, mergedId);
      const event = await appendEvent(
        tx,
        'profile',
        profileEvents.CustomersMerged.event(mergedId, { survivorId, mergedId, reason }, actor),
      );
      return { mergedId, auditEventId: String(event.id) };
    });
  }

  /** The profile an id stands for now: itself, or the profile it was merged into. */
  async currentId(customerId: string): Promise<string> {
    const id = await customerStore.currentId(this.db, customerId);
    if (!id) throw new CustomerError(CustomerErrorKind.UnknownCustomer, `No customer has the id ${customerId}`);
    return id;
  }

  /** Applies `work` to the profile `customerId` stands for now, and appends the event it makes of it. */
  private async change(
    customerId: string,
    work: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], currentId: string) => Promise<void>,
    event: (currentId: string) => NewEvent,
  ): Promise<void> {
    const currentId = await this.currentId(customerId);
    await this.db.transaction(async (tx) => {
      if (await customerStore.lockAndIsMerged(tx, currentId)) {
        throw new CustomerError(CustomerErrorKind.MergeRefused, 'The profile was merged meanwhile: try again');
      }
      await work(tx, currentId);
      await appendEvent(tx, 'profile', event(currentId));
    });
  }

  private identitiesOf(enrollment: Enrollment): NormalisedIdentifier[] {
    const identities: NormalisedIdentifier[] = [];
    const add = (type: IdentifierType, raw: string | null | undefined) => {
      if (raw === undefined || raw === null || raw.trim() === '') return;
      const value = normaliseIdentifier(type, raw, this.identifierOptions);
      if (!value) {
        throw new CustomerError(CustomerErrorKind.InvalidIdentifier, `"${raw}" is not a valid ${type.toLowerCase()}`, {
          field: type.toLowerCase(),
        });
      }
      identities.push({ type, value });
    };
    add(IdentifierType.EMAIL, enrollment.email);
    add(IdentifierType.PHONE, enrollment.phone);
    if (identities.length === 0) {
      throw new CustomerError(CustomerErrorKind.MissingIdentifier, 'An email or a phone number is required to enroll');
    }
    add(IdentifierType.APP_MEMBER_ID, enrollment.appMemberId);
    add(IdentifierType.POS_CUSTOMER_ID, enrollment.posCustomerId);
    add(IdentifierType.ECOMMERCE_CUSTOMER_ID, enrollment.ecommerceCustomerId);
    return identities;
  }
}
