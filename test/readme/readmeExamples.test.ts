import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { seedDemoData } from '../../stack/seedDemoData';
import { scrape, sampleValue } from '../support/prometheus';
import { startTestGraph, type TestGraph } from '../support/testGraph';
import { readFencedBlocks, type FencedBlock } from './readmeBlocks';
import { ShellSession, type BlockOutput } from './shellSession';

// dist/test/readme/ -> the project folder, where `npm run -s token` and dist/ are.
const projectRoot = path.resolve(__dirname, '../../..');
const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const blocks = readFencedBlocks(readme);

function describeFailure(block: FencedBlock, why: string, output?: BlockOutput): string {
  return [
    `README.md line ${block.line}: ${why}`,
    '--- the block',
    block.text,
    ...(output
      ? [
          '--- its stdout',
          output.stdout,
          '--- its stderr',
          output.stderr,
          '--- its curl answers',
          ...output.curlAnswers,
        ]
      : []),
  ].join('\n');
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
}

/** The answers that are JSON (a curl may also print headers); a malformed one is a failure. */
function graphqlAnswers(texts: string[]): GraphQLAnswer[] {
  return texts
    .map((text) => text.trim())
    .filter((text) => text.startsWith('{'))
    .map((text) => JSON.parse(text) as GraphQLAnswer);
}

/** Why a block's answers are not what the README says they are, or null. */
function wrongAnswers(block: FencedBlock, output: BlockOutput): string | null {
  const answers = graphqlAnswers(output.curlAnswers);
  const codes = answers.flatMap((answer) => (answer.errors ?? []).map((error) => error.extensions?.code));
  if (block.mode.kind === 'expect-error') {
    const expected = block.mode.code;
    if (!codes.includes(expected)) return `no answer carries the error code ${expected} this block shows`;
    const others = codes.filter((code) => code !== expected);
    return others.length ? `answers also carry ${others.join(', ')}` : null;
  }
  return codes.length ? `an answer carries errors (${codes.join(', ')})` : null;
}

async function liveSubscriptions(graph: TestGraph): Promise<{ gateway: number; subgraphs: number }> {
  const count = async (url: string, service: string) =>
    sampleValue(await scrape(url), 'graphql_live_subscriptions', { service }) ?? 0;
  const subgraphs = await Promise.all(
    Object.values(graph.stack.subgraphs).map((subgraph) => count(subgraph.url, subgraph.name)),
  );
  return { gateway: await count(graph.url, 'gateway'), subgraphs: subgraphs.reduce((a, b) => a + b, 0) };
}

/** Whether `done` came to hold within the time a slow, shared machine may need. */
async function cameTrue(done: () => Promise<boolean>, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('the README', () => {
  let graph: TestGraph;
  let session: ShellSession | undefined;
  let workDir: string;

  beforeAll(async () => {
    graph = await startTestGraph();
    // What `npm start` seeds on a first start, through the gateway.
    await seedDemoData(graph.url, graph.admin.authorization!);
    workDir = mkdtempSync(path.join(tmpdir(), 'readme-examples-'));
  });
  afterAll(async () => {
    session?.stop();
    await graph?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('runs every sh example in order, pasted into one terminal, with the answers it describes', async () => {
    const gateway = new URL(graph.url);
    // Tokens signed with the development secret, as the test graph verifies them; the CLI's gateway.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('AUTH_') && name !== 'DATABASE_URL'),
    );
    session = new ShellSession(workDir, { cwd: projectRoot, env: { ...env, GATEWAY_URL: graph.url } });
    const background: Array<{ block: FencedBlock; output: () => BlockOutput }> = [];

    for (const block of blocks.filter((b) => b.language === 'sh' && b.mode.kind !== 'skip')) {
      const script = block.text.replaceAll('localhost:4000', gateway.host);
      if (block.mode.kind === 'background') {
        const before = await liveSubscriptions(graph);
        const run = await session.run(script, { background: true });
        // A subscriber opened after the next block's purchase would miss it: wait until the
        // gateway and the subgraph it asks both carry one more live subscription.
        const subscribed = await cameTrue(async () => {
          const now = await liveSubscriptions(graph);
          return now.gateway > before.gateway && now.subgraphs > before.subgraphs;
        });
        if (!subscribed) throw new Error(describeFailure(block, 'it never opened a subscription', run.output()));
        background.push({ block, output: run.output });
        continue;
      }
      const run = await session.run(script);
      const output = run.output();
      if (run.failedWithStatus !== null) {
        throw new Error(describeFailure(block, `a command failed (exit status ${run.failedWithStatus})`, output));
      }
      const wrong = wrongAnswers(block, output);
      if (wrong) throw new Error(describeFailure(block, wrong, output));
    }

    for (const { block, output } of background) {
      const lines = () =>
        output()
          .stdout.split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as GraphQLAnswer);
      const printed = await cameTrue(async () => lines().some((line) => line.data));
      if (!printed) throw new Error(describeFailure(block, 'it printed no event with data', output()));
      const failed = lines().filter((line) => line.errors || !line.data);
      if (failed.length) throw new Error(describeFailure(block, 'it printed errors', output()));
    }
  }, 300_000);

  it('shows only GraphQL operations that the graph accepts', () => {
    const schema = buildSchema(readFileSync(path.join(projectRoot, 'schema/api.graphql'), 'utf8'));
    const problems = blocks
      .filter((block) => block.language === 'graphql')
      .flatMap((block) =>
        validate(schema, parse(block.text)).map((error) => `README.md line ${block.line}: ${error.message}`),
      );
    expect(problems).toEqual([]);
  });
});
