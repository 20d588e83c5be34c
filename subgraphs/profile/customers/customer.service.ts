import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { hasSqlState, SqlState, type Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { isUuid } from '../../../runtime/validation/validators';
import { CustomerError, CustomerErrorKind } from './customer.errors';
import { customerStore } from './customer.store';
import type { Customer } from './customer.type';
import { IdentifierType, normaliseIdentifier, type NormalisedIdentifier } from './identifier.rules';

type Actor = NewEvent['actor'];

export interface Enrollment {
  givenName: string;
  familyName?: string | null;
  email?: string | null;
  phone?: string | null;
  channel: string;
  storeId?: string | null;
}

/** Payload of the `CustomerEnrolled` event, the sign-up the campaign engine can reward. */
export interface CustomerEnrolledPayload {
  customerId: string;
  channel: string;
  storeId: string | null;
}

export class CustomerService {
  constructor(private readonly db: Database) {}

  /** A per-request loader: every customer asked for in one request is read in one query. */
  createLoader(): DataLoader<string, Customer | null> {
    return new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length > 0 ? await customerStore.findByIds(this.db, valid) : [];
      const byId = new Map(found.map((customer) => [customer.id, customer]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  requireValidId(id: string): string {
    if (!isUuid(id)) throw new CustomerError(CustomerErrorKind.InvalidCustomerId, `"${id}" is not a customer id`);
    return id;
  }

  async idByIdentifier(type: IdentifierType, raw: string): Promise<string | undefined> {
    const value = normaliseIdentifier(type, raw);
    if (!value)
      throw new CustomerError(CustomerErrorKind.InvalidIdentifier, `"${raw}" is not a valid ${type.toLowerCase()}`);
    return customerStore.findIdByIdentifier(this.db, type, value);
  }

  /** Enrolls a new member. An identifier that another profile owns is a conflict, never a second profile. */
  async enroll(enrollment: Enrollment, actor: Actor): Promise<string> {
    const identities = this.identitiesOf(enrollment);
    const id = randomUUID();
    try {
      await this.db.transaction(async (tx) => {
        await customerStore.insert(tx, {
          id,
          givenName: enrollment.givenName.trim(),
          familyName: enrollment.familyName?.trim() || null,
          enrollmentChannel: enrollment.channel,
          enrollmentStoreId: enrollment.storeId ?? null,
          identities,
        });
        await appendEvent<CustomerEnrolledPayload>(tx, 'profile', {
          type: 'CustomerEnrolled',
          aggregateId: id,
          payload: { customerId: id, channel: enrollment.channel, storeId: enrollment.storeId ?? null },
          actor,
        });
      });
    } catch (error) {
      if (hasSqlState(error, SqlState.uniqueViolation)) {
        throw new CustomerError(CustomerErrorKind.IdentifierTaken, 'This email or phone already belongs to a member');
      }
      throw error;
    }
    return id;
  }

  private identitiesOf(enrollment: Enrollment): NormalisedIdentifier[] {
    const identities: NormalisedIdentifier[] = [];
    const add = (type: IdentifierType, raw: string | null | undefined) => {
      if (raw === undefined || raw === null || raw.trim() === '') return;
      const value = normaliseIdentifier(type, raw);
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
    return identities;
  }
}
