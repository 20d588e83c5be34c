import http from 'node:http';
import https from 'node:https';

/** What a POST answered: its status, headers (lower-case names) and body as text. */
export interface PostedResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface PostOptions {
  headers: Record<string, string>;
  /** Give up (and destroy the socket) when the whole answer has not come within this long. */
  timeoutMs?: number;
}

/**
 * Service-to-service POSTs over kept-alive connections with node:http itself: no Request/Response
 * objects, header classes or per-request errors built for their stacks (what fetch and
 * make-fetch-happen cost per call). Idle sockets close before the server's keep-alive timeout
 * (Node's agent reads its `Keep-Alive: timeout` hint); a request that fails on a reused socket
 * before any answer came is sent once more on a new one, since the server closed it unread.
 */
export class KeepAliveClient {
  private readonly httpAgent = new http.Agent({ keepAlive: true, scheduling: 'lifo' });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, scheduling: 'lifo' });

  async post(url: string | URL, body: string, options: PostOptions): Promise<PostedResponse> {
    const target = typeof url === 'string' ? new URL(url) : url;
    try {
      return await this.send(target, body, options, false);
    } catch (error) {
      if (error instanceof ReusedSocketClosed) return this.send(target, body, options, true);
      throw error;
    }
  }

  /** Closes the idle connections (kept-alive sockets would otherwise hold a stopping process open). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private send(target: URL, body: string, options: PostOptions, fresh: boolean): Promise<PostedResponse> {
    const secure = target.protocol === 'https:';
    const transport = secure ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(target, {
        method: 'POST',
        agent: fresh ? false : secure ? this.httpsAgent : this.httpAgent,
        headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
      });
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => request.destroy(new Error(`No answer within ${options.timeoutMs} ms`)), options.timeoutMs);
      const settle = () => clearTimeout(timer);
      let answered = false;
      request.on('response', (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => {
          settle();
          reject(error);
        });
        response.on('end', () => {
          settle();
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        settle();
        const closedUnread =
          request.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        reject(closedUnread ? new ReusedSocketClosed(error) : error);
      });
      request.end(body);
    });
  }
}

class ReusedSocketClosed extends Error {
  constructor(cause: Error) {
    super('A kept-alive connection was closed by the server before it answered', { cause });
  }
}

/** The process's one client for calls to other services (its connections are shared by all of them). */
export const serviceClient = new KeepAliveClient();
