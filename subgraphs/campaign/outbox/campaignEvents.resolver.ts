import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';
import { campaignEventsField } from '../contract/internalApi';

export const CampaignEventsResolver = outboxEventsResolver({
  schema: 'campaign',
  field: campaignEventsField,
  typeName: 'CampaignEvent',
  description:
    "The campaign service's committed events after an event id, oldest first (internal: notifications and webhooks follow it).",
});
