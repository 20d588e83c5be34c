import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeepAliveClient } from './keepAliveClient';

/** A server that answers each POST with its body and the port of the client's socket. */
async function echoServer(handle?: (request: http.IncomingMessage, response: http.ServerResponse) => boolean) {
  const server = http.createServer((request, response) => {
    if (handle?.(request, response)) return;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ body: Buffer.concat(chunks).toString(), clientPort: request.socket.remotePort }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { server, url, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('KeepAliveClient', () => {
  const client = new KeepAliveClient();
  afterAll(() => client.close());

  it('sends one request after another on the same connection', async () => {
    const echo = await echoServer();
    try {
      const first = JSON.parse((await client.post(echo.url, '{"a":1}', { headers: {} })).text);
      const second = JSON.parse((await client.post(echo.url, '{"a":2}', { headers: {} })).text);
      expect([first.body, second.body]).toEqual(['{"a":1}', '{"a":2}']);
      expect(second.clientPort).toBe(first.clientPort);
    } finally {
      echo.server.closeAllConnections();
      await echo.stop();
    }
  });

  it('answers with status, headers and the whole body', async () => {
    const echo = await echoServer((_request, response) => {
      response.writeHead(400, 'Bad Request', { 'content-type': 'application/json', 'x-kind': 'test' });
      response.end('{"errors":[]}');
      return true;
    });
    try {
      const answer = await client.post(echo.url, '{}', { headers: { 'content-type': 'application/json' } });
      expect(answer).toMatchObject({ status: 400, statusText: 'Bad Request', text: '{"errors":[]}' });
      expect(answer.headers['x-kind']).toBe('test');
    } finally {
      echo.server.closeAllConnections();
      await echo.stop();
    }
  });

  it('sends again on a new connection when the server closed the kept one unread', async () => {
    const echo = await echoServer();
    try {
      const first = JSON.parse((await client.post(echo.url, 'one', { headers: {} })).text);
      // The server drops the idle connection without the client having seen it go yet.
      echo.server.closeIdleConnections();
      const second = JSON.parse((await client.post(echo.url, 'two', { headers: {} })).text);
      expect(second.body).toBe('two');
      expect(second.clientPort).not.toBe(first.clientPort);
    } finally {
      echo.server.closeAllConnections();
      await echo.stop();
    }
  });

  it('gives up when no answer comes in time', async () => {
    const echo = await echoServer(() => true);
    try {
      await expect(client.post(echo.url, '{}', { headers: {}, timeoutMs: 100 })).rejects.toThrow(
        'No answer within 100 ms',
      );
    } finally {
      echo.server.closeAllConnections();
      await echo.stop();
    }
  });

  it('fails when nothing listens', async () => {
    const echo = await echoServer();
    await echo.stop();
    await expect(client.post(echo.url, '{}', { headers: {} })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
