/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CampaignStatus =
  /** Being written; grants nothing. */
  | 'DRAFT'
  /** Grants nothing, for good. */
  | 'ENDED'
  /** Grants nothing until scheduled again. */
  | 'PAUSED'
  /** Grants whenever its schedule is live. */
  | 'SCHEDULED';

export type DashboardPeriodQueryVariables = Exact<{
  from: string;
  to: string;
  currency: string;
}>;


export type DashboardPeriodQuery = { programMetrics: { activeMembers: number, purchases: number, netSpend: number, averageOrderValue: number, purchaseFrequency: number, multiChannelShare: number, multiChannelAverageSpend: number, singleChannelAverageSpend: number, multiChannelAverageClv: number, singleChannelAverageClv: number, pointsIssued: number, pointsRedeemed: number, pointsExpired: number, pointsOutstanding: number, redemptionRate: number, churnBase: number, churnRate: number, members: number, membersEnrolled: number, lastEventId: string, nps: { score: number | null, responses: number }, npsByChannel: Array<{ channel: string, nps: { score: number | null, responses: number } }>, byChannel: Array<{ key: string, activeMembers: number, purchases: number, netSpend: number, averageOrderValue: number }>, bySegment: Array<{ key: string, name: string, members: number, activeMembers: number, purchases: number, netSpend: number }> }, campaigns: { edges: Array<{ node: { id: string, name: string, status: CampaignStatus, holdoutPercent: number, performance: { currency: string, membersReached: number, pointsGranted: number, incrementalSpend: number | null, cost: number, roi: number | null } } }> } };

export type DashboardWeekQueryVariables = Exact<{
  from: string;
  to: string;
  currency: string;
}>;


export type DashboardWeekQuery = { programMetrics: { activeMembers: number, netSpend: number, pointsIssued: number, pointsRedeemed: number } };

export type DashboardRefreshMutationVariables = Exact<{ [key: string]: never; }>;


export type DashboardRefreshMutation = { refreshProgramMetrics: { events: number, lastEventId: string } };

export type DashboardCurrenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardCurrenciesQuery = { campaignProgram: { currency: string }, earnRates: Array<{ currency: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DashboardPeriodDocument = new TypedDocumentString(`
    query DashboardPeriod($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {
  programMetrics(from: $from, to: $to, currency: $currency) {
    activeMembers
    purchases
    netSpend
    averageOrderValue
    purchaseFrequency
    multiChannelShare
    multiChannelAverageSpend
    singleChannelAverageSpend
    multiChannelAverageClv
    singleChannelAverageClv
    pointsIssued
    pointsRedeemed
    pointsExpired
    pointsOutstanding
    redemptionRate
    churnBase
    churnRate
    members
    membersEnrolled
    nps {
      score
      responses
    }
    npsByChannel {
      channel
      nps {
        score
        responses
      }
    }
    byChannel {
      key
      activeMembers
      purchases
      netSpend
      averageOrderValue
    }
    bySegment {
      key
      name
      members
      activeMembers
      purchases
      netSpend
    }
    lastEventId
  }
  campaigns(first: 20, statuses: [SCHEDULED, PAUSED, ENDED]) {
    edges {
      node {
        id
        name
        status
        holdoutPercent
        performance {
          currency
          membersReached
          pointsGranted
          incrementalSpend
          cost
          roi
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardPeriodQuery, DashboardPeriodQueryVariables>;
export const DashboardWeekDocument = new TypedDocumentString(`
    query DashboardWeek($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {
  programMetrics(from: $from, to: $to, currency: $currency) {
    activeMembers
    netSpend
    pointsIssued
    pointsRedeemed
  }
}
    `) as unknown as TypedDocumentString<DashboardWeekQuery, DashboardWeekQueryVariables>;
export const DashboardRefreshDocument = new TypedDocumentString(`
    mutation DashboardRefresh {
  refreshProgramMetrics {
    events
    lastEventId
  }
}
    `) as unknown as TypedDocumentString<DashboardRefreshMutation, DashboardRefreshMutationVariables>;
export const DashboardCurrenciesDocument = new TypedDocumentString(`
    query DashboardCurrencies {
  campaignProgram {
    currency
  }
  earnRates {
    currency
  }
}
    `) as unknown as TypedDocumentString<DashboardCurrenciesQuery, DashboardCurrenciesQueryVariables>;