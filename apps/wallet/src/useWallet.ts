import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveState } from '../../../examples/sdk/resumableSubscriptionCore.js';
import { WalletBalanceDocument, WalletHomeDocument, type WalletHomeQuery } from '../sdk/graphql.js';
import type { Graph } from './graph.js';

export type Customer = NonNullable<WalletHomeQuery['customer']>;

/** A balance change that came over the socket after the read: shown at the top of the history. */
export interface LiveChange {
  eventId: string;
  change: number;
  reason: string;
  occurredAt: string;
}

export interface Wallet {
  customer?: Customer;
  error?: unknown;
  loading: boolean;
  /** connecting, live, reconnecting, or ended (refused for good: the page must be reloaded). */
  live: LiveState | 'ended';
  /** Changes received live that the last read did not have yet. */
  changes: LiveChange[];
  reload(): void;
}

/**
 * The member's wallet: read once, then live. The subscription starts from the read's
 * `lastEventId`, so nothing committed after the read is missed; each change updates the balance at
 * once and the rest (tier, rewards now affordable, history) is read again quietly.
 */
export function useWallet(graph: Graph, customerId: string): Wallet {
  const [customer, setCustomer] = useState<Customer>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [live, setLive] = useState<Wallet['live']>('connecting');
  const [changes, setChanges] = useState<LiveChange[]>([]);
  const [cursor, setCursor] = useState<string>();
  const round = useRef(0);

  const read = useCallback(async () => {
    const mine = ++round.current;
    try {
      const { customer: read } = await graph.request(WalletHomeDocument, { id: customerId });
      if (mine !== round.current) return;
      if (!read) throw new Error('No such member');
      setCustomer(read);
      setError(undefined);
      const last = read.loyalty?.lastEventId ?? '0';
      setCursor((current) => current ?? last);
      // What the read has, the live list need not repeat.
      setChanges((previous) => previous.filter((change) => BigInt(change.eventId) > BigInt(last)));
    } catch (failure) {
      if (mine === round.current) setError(failure);
    } finally {
      if (mine === round.current) setLoading(false);
    }
  }, [graph, customerId]);

  useEffect(() => {
    void read();
  }, [read]);

  useEffect(() => {
    if (cursor === undefined) return;
    return graph.subscribe(
      WalletBalanceDocument,
      { id: customerId, after: cursor },
      {
        next({ balanceUpdated: event }) {
          setCustomer((current) =>
            current?.loyalty
              ? { ...current, loyalty: { ...current.loyalty, balance: event.balance, pending: event.pending } }
              : current,
          );
          if (event.change !== 0) setChanges((previous) => [event, ...previous]);
          void read();
        },
        error(failure) {
          setLive('ended');
          setError(failure);
        },
        state: setLive,
      },
    );
    // The cursor is the first read's: later reads do not restart the subscription, which resumes itself.
  }, [graph, customerId, cursor, read]);

  return { customer, error, loading, live, changes, reload: () => void read() };
}
