import { EventContractError, type AnyEventContract, type CommittedEvent } from '../../../runtime/events/eventContract';
import { profileEvents } from './events';

const at = new Date('2026-06-01T09:00:00.000Z');
const committed = (type: string, payload: unknown, version?: number): CommittedEvent => ({
  type,
  version,
  payload,
  createdAt: at,
});

// One payload per type as the profile writes it (customer.service, feedback.service, privacy.service, memberImport,
// customEvent.service).
const written: Record<keyof typeof profileEvents, Record<string, unknown>> = {
  CustomerEnrolled: { customerId: 'c-1', channel: 'IN_STORE', storeId: 'berlin-1' },
  ProfileUpdated: { customerId: 'c-1' },
  ConsentChanged: { customerId: 'c-1', channel: 'EMAIL', granted: true },
  MemberCardRotated: { customerId: 'c-1' },
  CustomersMerged: { survivorId: 'c-1', mergedId: 'c-2', reason: 'duplicate sign-up' },
  CustomerErased: { customerId: 'c-1', reason: 'member asked' },
  FeedbackRecorded: { customerId: 'c-1', score: 9, channel: 'MOBILE_APP' },
  MembersImported: {
    jobId: 'job-1',
    imported: 2,
    consents: [{ channel: 'EMAIL', granted: true, customerIds: ['c-1', 'c-2'] }],
  },
  CustomerEventTracked: {
    customerId: 'c-1',
    eventId: 'e-1',
    type: 'cart.updated',
    typeVersion: 2,
    properties: { cartValue: { amount: 4999, currency: 'EUR' }, skus: ['SKU-1'], items: 1, gift: false },
    occurredAt: '2026-06-01T08:59:00.000Z',
    channel: 'ONLINE',
  },
};

describe('profile event contracts', () => {
  it('declares every event the profile writes, each keyed by its type', () => {
    expect(Object.keys(profileEvents).sort()).toEqual(Object.keys(written).sort());
    for (const [type, contract] of Object.entries(profileEvents)) {
      expect(contract).toMatchObject({ owner: 'profile', type, version: 1 });
    }
  });

  it.each(Object.entries(written))('decodes %s as written, and builds the event a writer appends', (type, payload) => {
    const contract: AnyEventContract = profileEvents[type as keyof typeof profileEvents];
    expect(contract.decode(committed(type, payload))).toEqual(payload);
    expect(contract.decode(committed(type, payload, 1))).toEqual(payload);
    expect(contract.event('c-1', payload, null)).toEqual({
      type,
      version: 1,
      aggregateId: 'c-1',
      payload,
      actor: null,
    });
  });

  it('reads a CustomerEnrolled outside a store, with a null store', () => {
    const payload = { customerId: 'c-1', channel: 'ONLINE', storeId: null };
    expect(profileEvents.CustomerEnrolled.decode(committed('CustomerEnrolled', payload))).toEqual(payload);
  });

  it('reads a ConsentChanged written before the answer rode in the event', () => {
    expect(profileEvents.ConsentChanged.decode(committed('ConsentChanged', { customerId: 'c-1' }))).toEqual({
      customerId: 'c-1',
    });
  });

  it('names the field of a renamed or retyped payload', () => {
    const renamed = { survivor: 'c-1', mergedId: 'c-2', reason: 'x' };
    expect(() => profileEvents.CustomersMerged.decode(committed('CustomersMerged', renamed))).toThrow(
      new EventContractError('CustomersMerged v1 (profile) payload.survivorId', 'a string', undefined),
    );
    expect(() =>
      profileEvents.ConsentChanged.decode(committed('ConsentChanged', { customerId: 'c-1', granted: 'yes' })),
    ).toThrow(/payload\.granted: expected a boolean, got the string "yes"/);
    expect(() =>
      profileEvents.FeedbackRecorded.event('c-1', { customerId: 'c-1', score: 9.5, channel: 'ONLINE' }, null),
    ).toThrow(/payload\.score: expected an integer/);
  });

  it('refuses another type or an unknown version', () => {
    expect(() => profileEvents.CustomerErased.decode(committed('CustomersMerged', written.CustomersMerged))).toThrow(
      EventContractError,
    );
    expect(() => profileEvents.CustomerErased.decode(committed('CustomerErased', written.CustomerErased, 2))).toThrow(
      /version/,
    );
  });
});
