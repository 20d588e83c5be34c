import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { Client } from 'graphql-ws';

// One source for every client: Node (resumableSubscription.ts re-exports it) and the wallet app bundle this
// file, so it imports only types and uses nothing of Node or the DOM.

/** Where a resumable subscription stands, for a UI to show. */
export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** A GraphQL error as it arrives over the socket. */
export interface SubscriptionErrorItem {
  message: string;
  extensions?: { code?: unknown; [key: string]: unknown };
}

/** Why a resumable subscription ended: an answer that resubscribing would not change. */
export class SubscriptionEndedError extends Error {
  override readonly name = 'SubscriptionEndedError';
  constructor(
    /** The GraphQL errors the server sent (one made up from the close reason when the socket was refused). */
    readonly errors: SubscriptionErrorItem[],
  ) {
    super(errors.map((error) => `${error.message} (${String(error.extensions?.code ?? 'ERROR')})`).join('; '));
  }

  /** The first error's `extensions.code`, if any. */
  get code(): string | undefined {
    const code = this.errors[0]?.extensions?.code;
    return code === undefined ? undefined : String(code);
  }
}

/** Codes that end a subscription: the same request would be refused again. */
export const endingErrorCodes: readonly string[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'BAD_REQUEST',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
];

/** Socket close codes of graphql-ws that mean the server refuses this client, not that it went away. */
const refusingCloseCodes = [4400, 4401, 4403, 4406];

export interface ResumableSubscriptionOptions<Data, Variables> {
  /** The subscription: a generated typed document (examples/sdk or examples/web/sdk) or its text. */
  document: DocumentTypeDecoration<Data, Variables> | string;
  variables: Variables;
  /** The variable that carries the cursor: the last event id received. Default `after`. */
  cursorVariable?: string;
  /** Reads the event id out of an event. Default: `eventId` of the operation's single root field. */
  eventIdOf?: (data: Data) => string | number | bigint | null | undefined;
  /**
   * Prints a document given as a syntax tree (the Node SDK's documents), e.g. graphql's `print`.
   * Not needed for text or the browser SDK's typed strings.
   */
  print?: (document: never) => string;
  /** Error codes that end the subscription instead of resubscribing. Default `endingErrorCodes`. */
  endOnCodes?: readonly string[];
  /**
   * How long to wait before resubscribing after the n-th failure in a row (0 first). graphql-ws's
   * own retries of a lost socket come first; this one follows an error the server sent or a client
   * that gave up. Default: 1 s doubling up to 30 s, with jitter.
   */
  retryDelayMs?: (attempt: number) => number;
}

export interface ResumableSink<Data> {
  /** Each event once, in the order of its id. */
  next(data: Data): void;
  /** The subscription ended for good (see `endOnCodes`); nothing follows. */
  error(error: SubscriptionEndedError): void;
  /** The server completed the subscription; nothing follows. */
  complete?(): void;
  /** The connection went away or came back. */
  state?(state: LiveState): void;
}

const defaultRetryDelayMs = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);

/** `eventId` of the single root field of a subscription's data. */
export function eventIdOfRootField(data: unknown): string | number | bigint | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const fields = Object.values(data);
  if (fields.length !== 1) return undefined;
  const id = (fields[0] as { eventId?: unknown } | null)?.eventId;
  return typeof id === 'string' || typeof id === 'number' || typeof id === 'bigint' ? id : undefined;
}

function queryText(document: object | string, print: ((document: never) => string) | undefined): string {
  if (typeof document === 'string' || document instanceof String) return String(document);
  if (print) return print(document as never);
  const body = (document as { loc?: { source?: { body?: string } } }).loc?.source?.body;
  if (body) return body;
  throw new TypeError('this document is a syntax tree without its text: pass `print` (from graphql)');
}

/** An event id as a number to compare: ids grow with each event, but not always by the same number of digits. */
function eventNumber(id: string | number | bigint): bigint | undefined {
  try {
    return BigInt(id);
  } catch {
    return undefined;
  }
}

function isCloseEvent(value: unknown): value is { code: number; reason?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

/**
 * Subscribes to a stream of events that carry an id and accept a cursor (such as
 * `balanceUpdated(customerId, after)`), so a lost connection costs nothing: every (re)subscription,
 * graphql-ws's own retries included, asks for the events after the last one delivered, and an
 * event whose id is not greater than that one is dropped. Errors with an `endOnCodes` code end
 * the subscription; any other error or lost socket is retried from the cursor. Returns a function
 * that unsubscribes.
 *
 * Pass the cursor of a read (`loyalty.lastEventId`) as the first `after` to miss nothing after it.
 */
export function subscribeResumably<Data, Variables extends object>(
  client: Pick<Client, 'subscribe' | 'on'>,
  options: ResumableSubscriptionOptions<Data, Variables>,
  sink: ResumableSink<Data>,
): () => void {
  const cursorVariable = options.cursorVariable ?? 'after';
  const eventIdOf = options.eventIdOf ?? eventIdOfRootField;
  const endOnCodes = options.endOnCodes ?? endingErrorCodes;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const query = queryText(options.document, options.print);
  const given = (options.variables as Record<string, unknown>)[cursorVariable];
  let cursor = given === undefined || given === null ? undefined : String(given);
  let lastDelivered = cursor === undefined ? undefined : eventNumber(cursor);

  // graphql-ws serialises the payload each time it (re)sends the subscription, its automatic
  // retries included: reading the variables at that moment makes every retry resume from the
  // last event delivered instead of the first cursor (which would replay everything since).
  const payload = {
    query,
    get variables(): Record<string, unknown> {
      const variables = { ...options.variables } as Record<string, unknown>;
      if (cursor !== undefined) variables[cursorVariable] = cursor;
      return variables;
    },
  };

  let stopped = false;
  let state: LiveState | undefined;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribeCurrent: (() => void) | undefined;

  const setState = (next: LiveState) => {
    if (stopped || state === next) return;
    state = next;
    sink.state?.(next);
  };
  const unlisten = [
    client.on('connected', () => {
      if (retryTimer === undefined) setState('live');
    }),
    client.on('closed', () => setState('reconnecting')),
  ];
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(retryTimer);
    for (const off of unlisten) off();
    const current = unsubscribeCurrent;
    unsubscribeCurrent = undefined;
    current?.();
  };
  const end = (errors: SubscriptionErrorItem[]) => {
    stop();
    sink.error(new SubscriptionEndedError(errors));
  };
  const resubscribeLater = () => {
    const current = unsubscribeCurrent;
    unsubscribeCurrent = undefined;
    current?.();
    setState('reconnecting');
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      open();
    }, retryDelayMs(failures++));
  };
  const failed = (errors: SubscriptionErrorItem[]) => {
    const ends = errors.some((error) => {
      const code = error.extensions?.code;
      // An error without a code is one of the protocol or validation: it would come again.
      return code === undefined || endOnCodes.includes(String(code));
    });
    if (ends) end(errors);
    else resubscribeLater();
  };
  const deliver = (data: Data) => {
    const id = eventIdOf(data);
    const number = id === undefined || id === null ? undefined : eventNumber(id);
    if (id === undefined || id === null || number === undefined) {
      end([{ message: `an event has no event id to resume from; select eventId or pass eventIdOf` }]);
      return;
    }
    // Replayed after a reconnect (or by a gateway that resumed on its own): delivered already.
    if (lastDelivered !== undefined && number <= lastDelivered) return;
    lastDelivered = number;
    cursor = String(id);
    failures = 0;
    setState('live');
    sink.next(data);
  };

  function open() {
    if (stopped) return;
    let settled = false;
    const unsubscribe = client.subscribe<Data>(payload, {
      next(result) {
        if (settled || stopped) return;
        if (result.data) deliver(result.data as Data);
        else if (result.errors?.length) {
          settled = true;
          failed(result.errors as SubscriptionErrorItem[]);
        }
      },
      error(error) {
        if (settled || stopped) return;
        settled = true;
        if (Array.isArray(error)) return failed(error as SubscriptionErrorItem[]);
        if (isCloseEvent(error) && refusingCloseCodes.includes(error.code)) {
          return end([
            { message: error.reason || 'the server refused the connection', extensions: { code: error.code } },
          ]);
        }
        // A socket lost for longer than the client's own retries last: keep trying from the cursor.
        resubscribeLater();
      },
      complete() {
        if (settled || stopped) return;
        settled = true;
        stop();
        sink.complete?.();
      },
    });
    unsubscribeCurrent = () => {
      settled = true;
      unsubscribe();
    };
  }

  setState('connecting');
  open();
  return stop;
}
