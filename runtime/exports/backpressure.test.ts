import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExportColumn } from './exportFormat';
import { pipeExport } from './exportProxy';
import { ExportRequestError, sendExportError } from './exportRequest';
import { keysetBatches } from './keysetBatches';
import { streamRows } from './streamRows';

interface Row {
  id: number;
  text: string;
}
const columns: ExportColumn<Row>[] = [
  { name: 'id', description: '', value: (row) => row.id },
  { name: 'text', description: '', value: (row) => row.text },
];
const filler = 'x'.repeat(200);

/** An owner whose table has a million rows (≈ 200 MB as NDJSON), counting the batches it reads. */
function startOwner() {
  const state = { batches: 0, closed: 0, streams: 0 };
  const server = createServer((_req, res) => {
    state.streams++;
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    void (async () => {
      const batches = keysetBatches<Row, number>({
        read: async (after, limit) => {
          state.batches++;
          const start = (after ?? 0) + 1;
          return Array.from({ length: Math.max(0, Math.min(limit, 1_000_000 - start + 1)) }, (_, i) => ({
            id: start + i,
            text: filler,
          }));
        },
        keyOf: (row) => row.id,
        batchSize: 1000,
        signal: abort.signal,
      });
      async function* counted() {
        try {
          yield* batches;
        } finally {
          state.closed++;
        }
      }
      await streamRows(res, { format: 'ndjson', columns, batches: counted(), signal: abort.signal });
    })();
  });
  return { server, state };
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done` holds (the other end of a socket notices a close in its own time). */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!done() && Date.now() < deadline) await sleep(20);
}

/** A count once it has not moved for 300 ms (or after 10 s, whatever it is then). */
async function settled(count: () => number): Promise<number> {
  const deadline = Date.now() + 10_000;
  let last = count();
  for (;;) {
    await sleep(300);
    const now = count();
    if (now === last || Date.now() > deadline) return now;
    last = now;
  }
}

describe('streaming an export with backpressure', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  async function proxied(ownerUrl: string): Promise<string> {
    const proxy = createServer((_req, res: ServerResponse) => {
      pipeExport(res, {
        url: `${ownerUrl}/export`,
        body: {},
        authorization: 'Bearer internal',
        service: 'owner',
        headers: { 'content-type': 'application/x-ndjson' },
      }).catch((error: unknown) => sendExportError(res, error as ExportRequestError));
    });
    servers.push(proxy);
    return listen(proxy);
  }

  it('reads only as fast as a paused client takes, through the proxy, and stops reading when it leaves', async () => {
    const owner = startOwner();
    servers.push(owner.server);
    const url = await proxied(await listen(owner.server));
    const response = await new Promise<IncomingMessage>((resolve) => request(url, resolve).end());
    expect(response.statusCode).toBe(200);
    response.pause();
    // The owner writes until the buffers between it and the paused client are full; on a loaded
    // machine that takes a while, so wait for the count to stop moving rather than a fixed time.
    const whilePaused = await settled(() => owner.state.batches);
    // Socket buffers hold a few megabytes at most: a handful of the 1,000 batches of 200 kB.
    expect(whilePaused).toBeGreaterThan(0);
    expect(whilePaused).toBeLessThan(100);
    await sleep(300);
    expect(owner.state.batches - whilePaused).toBeLessThanOrEqual(1);

    response.destroy();
    await until(() => owner.state.closed === 1);
    expect(owner.state.closed).toBe(1);
    const afterClose = owner.state.batches;
    await sleep(200);
    expect(owner.state.batches).toBe(afterClose);
  });

  it('passes a whole stream on when the client reads it all', async () => {
    const owner = startOwner();
    servers.push(owner.server);
    const url = await proxied(await listen(owner.server));
    const response = await new Promise<IncomingMessage>((resolve) => request(url, resolve).end());
    let lines = 0;
    let last = '';
    for await (const chunk of response) {
      const text = last + String(chunk);
      const parts = text.split('\n');
      last = parts.pop()!;
      lines += parts.length;
    }
    expect(lines).toBe(1_000_000);
    expect(owner.state.closed).toBe(1);
  }, 60_000);

  it("passes the owner's refusal on with its status, and answers 503 for an owner that is not there", async () => {
    const refusing = createServer((_req, res) =>
      sendExportError(res, new ExportRequestError(404, 'NOT_FOUND', 'No dataset x here')),
    );
    servers.push(refusing);
    const refusal = await fetch(await proxied(await listen(refusing)));
    expect(refusal.status).toBe(404);
    expect(await refusal.json()).toEqual({
      errors: [{ message: 'No dataset x here', extensions: { code: 'NOT_FOUND' } }],
    });

    const away = await fetch(await proxied('http://127.0.0.1:9'));
    expect(away.status).toBe(503);
    expect(
      ((await away.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
    ).toBe('SERVICE_UNAVAILABLE');
  });
});
