import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';
import { rewardsEventsField } from '../contract/internalApi';

export const RewardsEventsResolver = outboxEventsResolver({
  schema: 'rewards',
  field: rewardsEventsField,
  typeName: 'RewardsEvent',
  description:
    "The rewards service's committed events after an event id, oldest first (internal: notifications and webhooks follow it).",
});
