import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import {
  subscribeResumably as subscribeResumablyAnywhere,
  type ResumableSink,
  type ResumableSubscriptionOptions,
} from './resumableSubscriptionCore';

// Written by hand beside the generated SDK (codegen writes only gql.ts, graphql.ts and index.ts).
// The code is the browser pages' own (examples/web/shared/), so Node and the browser resume alike.
export {
  endingErrorCodes,
  eventIdOfRootField,
  SubscriptionEndedError,
  type LiveState,
  type ResumableSink,
  type ResumableSubscriptionOptions,
  type SubscriptionErrorItem,
} from './resumableSubscriptionCore';

/**
 * `subscribeResumably` for Node: takes this SDK's `TypedDocumentNode`s (printed with graphql's
 * `print`) as well as text. Every (re)subscription resumes after the last event delivered, and
 * no event is delivered twice.
 */
export function subscribeResumably<Data, Variables extends object>(
  client: Pick<Client, 'subscribe' | 'on'>,
  options: ResumableSubscriptionOptions<Data, Variables>,
  sink: ResumableSink<Data>,
): () => void {
  return subscribeResumablyAnywhere(client, { print, ...options }, sink);
}
