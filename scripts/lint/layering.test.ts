import { ESLint } from 'eslint';
import { projectRoot } from '../../runtime/config/projectRoot';

// The layering of issue 24 is kept by eslint.config.js's layering(): each rule fails on a violation.
const eslint = new ESLint({ cwd: projectRoot() });

async function layerMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => message.message).filter((message) => message.includes('Layers:'));
}

describe('the layering lint', () => {
  it('refuses SQL outside a store', async () => {
    const messages = await layerMessages(
      "export const load = (db: { query(sql: string): Promise<unknown> }) => db.query('select 1');\n",
      'subgraphs/ledger/accounts/account.service.ts',
    );
    expect(messages).toEqual([expect.stringContaining('SQL runs only in a *.store.ts')]);
  });

  it('lets a store run SQL and a rule run a regular expression', async () => {
    const store = "export const load = (db: { query(sql: string): Promise<unknown> }) => db.query('select 1');\n";
    expect(await layerMessages(store, 'subgraphs/ledger/accounts/account.store.ts')).toEqual([]);
    const rule = 'export const hour = (text: string) => /^(\\d\\d):/.exec(text);\n';
    expect(await layerMessages(rule, 'subgraphs/ledger/lots/lot.rules.ts')).toEqual([]);
  });

  it('refuses a transaction and an outbox event in a resolver', async () => {
    const messages = await layerMessages(
      [
        "import { appendEvent } from '../../../runtime/events/outbox';",
        'export async function change(ctx: { db: { transaction(work: (tx: unknown) => Promise<void>): Promise<void> } }) {',
        "  await ctx.db.transaction((tx) => appendEvent(tx as never, 'ledger', { type: 'X', aggregateId: 'x', payload: {}, actor: null }).then(() => undefined));",
        '}',
        '',
      ].join('\n'),
      'subgraphs/ledger/accounts/account.resolver.ts',
    );
    expect(messages).toEqual([
      expect.stringContaining('a resolver opens no transaction'),
      expect.stringContaining('a resolver appends no outbox event'),
    ]);
  });

  it.each([
    ["import type { Queryable } from '../../../runtime/database/database';", 'imports no database'],
    ["import { GraphQLError } from 'graphql';", 'imports no GraphQL'],
    ["import { Field } from 'type-graphql';", 'imports no GraphQL'],
    ["import type { LotRow } from './lot.store';", 'imports no store'],
  ])('keeps rules pure: %s', async (line, message) => {
    const messages = await layerMessages(`${line}\nexport type X = unknown;\n`, 'subgraphs/ledger/lots/lot.rules.ts');
    expect(messages).toEqual([expect.stringContaining(message)]);
  });

  it('keeps loyalty out of runtime/', async () => {
    for (const line of [
      "import { ledgerSettings } from '../../subgraphs/ledger/settings';",
      "import { startGateway } from '../../gateway/index';",
    ]) {
      const messages = await layerMessages(`${line}\nexport { };\n`, 'runtime/events/anything.ts');
      expect(messages).toEqual([expect.stringContaining('runtime/ imports nothing from gateway/ or subgraphs/')]);
    }
  });

  it("lets a subgraph reach another only through the other's contract/", async () => {
    const inside = "import { tierStore } from '../../ledger/tiers/tier.store';\nexport { tierStore };\n";
    expect(await layerMessages(inside, 'subgraphs/rewards/vouchers/voucher.service.ts')).toEqual([
      expect.stringContaining('only through its contract/'),
    ]);
    const contract =
      "import { ProfileDirectory } from '../profile/contract/profileDirectory';\nexport { ProfileDirectory };\n";
    expect(await layerMessages(contract, 'subgraphs/ledger/ledgerCore.ts')).toEqual([]);
  });

  it('finds no layering error in the tree', async () => {
    const results = await eslint.lintFiles(['gateway', 'runtime', 'subgraphs', 'stack']);
    const errors = results.flatMap((result) =>
      result.messages
        .filter((message) => message.message.includes('Layers:'))
        .map((message) => `${result.filePath}:${message.line} ${message.message}`),
    );
    expect(errors).toEqual([]);
  });
});
