import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { seedDemoData } from '../../stack/seedDemoData';
import { scrape, sampleValue } from '../support/prometheus';
import { startTestGraph, type TestGraph } from '../support/testGraph';
import { docsPages, pageAnchors, readPage, relativeLinks, type MarkdownPage } from './markdownPages';
import type { FencedBlock } from './readmeBlocks';
import { ShellSession, type BlockOutput } from './shellSession';

// dist/test/readme/ -> the project folder, where `npm run -s token` and dist/ are.
const projectRoot = path.resolve(__dirname, '../../..');
const readme = readPage(projectRoot, 'README.md');
const docs = docsPages(projectRoot);

interface PageBlock extends FencedBlock {
  file: string;
}

function describeFailure(block: PageBlock, why: string, output?: BlockOutput): string {
  return [
    `${block.file} line ${block.line}: ${why}`,
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

/** Why a block's answers are not what its page says they are, or null. */
function wrongAnswers(block: PageBlock, output: BlockOutput): string | null {
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

interface LiveSubscriptions {
  /** Client subscriptions on the gateway. */
  gateway: number;
  /** Subscriptions the gateway holds on subgraphs (one per shared stream). */
  upstream: number;
  /** Subscriptions the subgraphs serve. */
  subgraphs: number;
}

async function liveSubscriptions(graph: TestGraph): Promise<LiveSubscriptions> {
  const count = async (url: string, service: string, name = 'graphql_live_subscriptions') =>
    sampleValue(await scrape(url), name, { service }) ?? 0;
  const subgraphs = await Promise.all(
    Object.values(graph.stack.subgraphs).map((subgraph) => count(subgraph.url, subgraph.name)),
  );
  return {
    gateway: await count(graph.url, 'gateway'),
    upstream: await count(graph.url, 'gateway', 'gateway_upstream_subscriptions'),
    subgraphs: subgraphs.reduce((a, b) => a + b, 0),
  };
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

const blocksOf = (pages: MarkdownPage[]): PageBlock[] =>
  pages.flatMap((page) => page.blocks.map((block) => ({ ...block, file: page.file })));

describe('the examples of the README and docs/', () => {
  let graph: TestGraph;
  const sessions: ShellSession[] = [];
  let workDir: string;

  beforeAll(async () => {
    graph = await startTestGraph();
    // What `npm start` seeds on a first start, through the gateway.
    await seedDemoData(graph.url, graph.admin.authorization!);
    workDir = mkdtempSync(path.join(tmpdir(), 'readme-examples-'));
    // A graph and its demo data take a while on a shared machine.
  }, 180_000);
  afterAll(async () => {
    sessions.forEach((session) => session.stop());
    await graph?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Pastes every `sh` block of `pages` into one terminal, in order, and checks what each answers. */
  async function runInOneTerminal(pages: MarkdownPage[]): Promise<void> {
    const gateway = new URL(graph.url);
    // Tokens signed with the development secret, as the test graph verifies them; the CLI's gateway.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('AUTH_') && name !== 'DATABASE_URL'),
    );
    const session = new ShellSession(mkdtempSync(path.join(workDir, 'session-')), {
      cwd: projectRoot,
      env: { ...env, GATEWAY_URL: graph.url },
    });
    sessions.push(session);
    const background: Array<{ block: PageBlock; output: () => BlockOutput }> = [];

    for (const block of blocksOf(pages).filter((b) => b.language === 'sh' && b.mode.kind !== 'skip')) {
      const script = block.text.replaceAll('localhost:4000', gateway.host);
      if (block.mode.kind === 'background') {
        const before = await liveSubscriptions(graph);
        const run = await session.run(script, { background: true });
        // A subscriber opened after the next block's purchase would miss it: wait until the
        // gateway carries one more live subscription and, unless it joined a stream the gateway
        // already held upstream, the subgraph it asks does too.
        const subscribed = await cameTrue(async () => {
          const now = await liveSubscriptions(graph);
          if (now.gateway <= before.gateway) return false;
          return now.upstream <= before.upstream || now.subgraphs > before.subgraphs;
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
  }

  it('runs every sh example of the README in order, pasted into one terminal, with the answers it describes', async () => {
    await runInOneTerminal([readme]);
  }, 300_000);

  it('runs every sh example of docs/, getting started first, in one terminal, with the answers they describe', async () => {
    expect(docs[0]?.file).toBe('docs/getting-started.md');
    await runInOneTerminal(docs);
  }, 600_000);
});

describe('the pages of the README and docs/', () => {
  it('shows only GraphQL operations that the graph accepts', () => {
    const schema = buildSchema(readFileSync(path.join(projectRoot, 'schema/api.graphql'), 'utf8'));
    const blocks = blocksOf([readme, ...docs]).filter((block) => block.language === 'graphql');
    expect(blocks.length).toBeGreaterThan(5);
    const problems = blocks.flatMap((block) =>
      validate(schema, parse(block.text)).map((error) => `${block.file} line ${block.line}: ${error.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('links only to files and headings that exist', () => {
    const pages = [readme, ...docs];
    const anchors = new Map(pages.map((page) => [page.file, pageAnchors(page.text)]));
    const broken = pages.flatMap((page) =>
      relativeLinks(page.text).flatMap(({ target, line }) => {
        const [file = '', anchor] = target.split('#');
        const resolved = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page.file), file)) : page.file;
        const at = `${page.file} line ${line}: ${target}`;
        if (!existsSync(path.join(projectRoot, resolved))) return [`${at} (no such file)`];
        if (anchor && resolved.endsWith('.md')) {
          const known = anchors.get(resolved) ?? pageAnchors(readFileSync(path.join(projectRoot, resolved), 'utf8'));
          if (!known.has(anchor)) return [`${at} (no such heading)`];
        }
        return [];
      }),
    );
    expect(broken).toEqual([]);
  });
});
