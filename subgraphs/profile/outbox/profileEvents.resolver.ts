import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';
import { profileEventsField } from '../contract/internalApi';

export const ProfileEventsResolver = outboxEventsResolver({
  schema: 'profile',
  field: profileEventsField,
  typeName: 'ProfileEvent',
  description:
    "The profile's committed events after an event id, oldest first (internal: other subgraphs follow merges from here).",
});
