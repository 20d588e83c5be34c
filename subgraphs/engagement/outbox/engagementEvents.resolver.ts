import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';
import { engagementEventsField } from '../contract/internalApi';

export const EngagementEventsResolver = outboxEventsResolver({
  schema: 'engagement',
  field: engagementEventsField,
  typeName: 'EngagementEvent',
  description:
    "The engagement service's committed events after an event id, oldest first (internal: the campaign's message responses follow it).",
});
