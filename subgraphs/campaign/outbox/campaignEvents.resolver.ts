import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';

export const CampaignEventsResolver = outboxEventsResolver({
  schema: 'campaign',
  field: 'campaignEvents',
  typeName: 'CampaignEvent',
  description:
    "The campaign service's committed events after an event id, oldest first (internal: notifications and webhooks follow it).",
});
