import type { Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { profileEvents } from '../contract/events';
import { privacyStore } from './privacy.store';

/** GDPR export and erasure of a member's personal data. */
export class PrivacyService {
  constructor(private readonly db: Database) {}

  /** Everything the profile holds about `customerId` (a current id), as one document. */
  async exportProfile(customerId: string): Promise<object> {
    const rows = await privacyStore.exportOf(this.db, customerId);
    return { exportedAt: new Date().toISOString(), ...rows };
  }

  /** Erases the member's personal data and records `CustomerErased` as the audit entry. */
  async erase(
    customerId: string,
    reason: string,
    actor: NewEvent['actor'],
  ): Promise<{ customerId: string; erasedAt: Date; auditEventId: string }> {
    return this.db.transaction(async (tx) => {
      await privacyStore.eraseContactData(tx, customerId);
      const erased = await privacyStore.eraseProfiles(tx, customerId);
      await privacyStore.eraseEventAttributes(
        tx,
        erased.map((row) => row.id),
      );
      const event = await appendEvent(
        tx,
        'profile',
        profileEvents.CustomerErased.event(customerId, { customerId, reason }, actor),
      );
      return {
        customerId,
        erasedAt: erased.find((row) => row.id === customerId)!.erased_at,
        auditEventId: String(event.id),
      };
    });
  }
}
