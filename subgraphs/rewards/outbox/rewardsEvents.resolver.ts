import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';

export const RewardsEventsResolver = outboxEventsResolver({
  schema: 'rewards',
  field: 'rewardsEvents',
  typeName: 'RewardsEvent',
  description:
    "The rewards service's committed events after an event id, oldest first (internal: notifications and webhooks follow it).",
});
