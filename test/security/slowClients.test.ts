import { connect, type Socket } from 'node:net';
import { defaultOperationLimits } from '../../runtime/server/operationLimits';
import { startTestGraph, type TestGraph } from '../support/testGraph';

/** What a raw connection saw: the first response line, if any, once the server closed it. */
function openRaw(url: string, send: (socket: Socket) => void): Promise<{ firstLine: string | undefined }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(Number(port), hostname, () => send(socket));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ firstLine: received ? received.split('\r\n')[0] : undefined }));
  });
}

describe('clients that never finish a request', () => {
  let graph: TestGraph;
  // Node's own defaults would keep such a connection for a minute (headers) or five (body): far
  // beyond this file's timeout, so each case below fails unless the server's limits apply.
  const limits = { ...defaultOperationLimits, headersTimeoutMs: 600, requestTimeoutMs: 1_500 };
  beforeAll(async () => {
    graph = await startTestGraph({ limits });
  });
  afterAll(() => graph?.stop());

  const endpoints = () => ({
    gateway: graph.url,
    ...Object.fromEntries(Object.entries(graph.stack.subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
  });

  it('closes a connection whose headers never end, on the gateway and every subgraph, with 408', async () => {
    const seen = await Promise.all(
      Object.entries(endpoints()).map(async ([name, url]) => {
        const { firstLine } = await openRaw(url, (socket) => socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n'));
        return [name, firstLine] as const;
      }),
    );
    expect(Object.fromEntries(seen)).toEqual({
      gateway: 'HTTP/1.1 408 Request Timeout',
      profile: 'HTTP/1.1 408 Request Timeout',
      ledger: 'HTTP/1.1 408 Request Timeout',
      rewards: 'HTTP/1.1 408 Request Timeout',
      campaign: 'HTTP/1.1 408 Request Timeout',
      engagement: 'HTTP/1.1 408 Request Timeout',
    });
  }, 20_000);

  it('closes a connection that sends nothing, and one that drips a header a second', async () => {
    let drip: NodeJS.Timeout | undefined;
    const [silent, dripping] = await Promise.all([
      openRaw(graph.url, () => {}),
      openRaw(graph.url, (socket) => {
        socket.write('POST /graphql HTTP/1.1\r\n');
        drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
      }),
    ]);
    clearInterval(drip);
    expect(silent.firstLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(dripping.firstLine).toBe('HTTP/1.1 408 Request Timeout');
  }, 20_000);

  it('closes a connection whose body stops arriving, and still answers a whole request', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const stalled = openRaw(graph.url, (socket) =>
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 50}\r\n\r\n${body}`,
      ),
    );
    const whole = await fetch(graph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await whole.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await stalled).firstLine).toBe('HTTP/1.1 408 Request Timeout');
  }, 20_000);
});
