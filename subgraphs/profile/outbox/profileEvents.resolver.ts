import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';

export const ProfileEventsResolver = outboxEventsResolver({
  schema: 'profile',
  field: 'profileEvents',
  typeName: 'ProfileEvent',
  description:
    "The profile's committed events after an event id, oldest first (internal: other subgraphs follow merges from here).",
});
