import { print, type DocumentNode } from 'graphql';
import type { Client } from 'graphql-ws';
import { subscribeResumably } from './resumableSubscription';

/** What Apollo Client's link chain hands a link (its `Operation`, as far as this link reads it). */
interface LinkOperation {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

interface LinkObserver {
  next(result: { data: unknown }): void;
  error(error: unknown): void;
  complete(): void;
}

/** The constructor of the Observable type the link chain uses (rxjs's for Apollo Client 4). */
type ObservableConstructor<O> = new (subscribe: (observer: LinkObserver) => () => void) => O;

/**
 * The request handler of an Apollo Client link that subscribes through `subscribeResumably`, so an
 * Apollo app resumes after the last event too and never sees one twice. Without a dependency on
 * @apollo/client: pass its Observable, and use it where GraphQLWsLink would go:
 *
 *   import { ApolloLink } from '@apollo/client';
 *   import { Observable } from 'rxjs';
 *   const live = new ApolloLink(resumableSubscriptionLink(createClient({ url, connectionParams }), Observable));
 *   // split(isSubscription, live, httpLink)
 */
export function resumableSubscriptionLink<O>(client: Pick<Client, 'subscribe' | 'on'>, Observable: ObservableConstructor<O>) {
  return (operation: LinkOperation): O =>
    new Observable((observer) =>
      subscribeResumably(
        client,
        { document: operation.query as never, variables: operation.variables, print },
        {
          next: (data) => observer.next({ data }),
          error: (error) => observer.error(error),
          complete: () => observer.complete(),
        },
      ),
    );
}
