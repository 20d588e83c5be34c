import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { readLedgerPolicy } from './program/ledgerPolicy';
import { ledgerSettings } from './settings';
import { startLedgerSubgraph } from '.';

const { settings } = ledgerSettings;

runSubgraphMain('ledger', defaultSubgraphPorts.ledger, (options, env) =>
  startLedgerSubgraph({
    ...options,
    profileUrl: settings.profileUrl.read(env),
    campaignUrl: settings.campaignUrl.read(env),
    policy: readLedgerPolicy(env),
    mergeFollowIntervalMs: settings.mergeFollowIntervalMs.read(env),
    exportBatchSize: settings.exportBatchSize.read(env),
  }),
);
