import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { signClientAuthorization, type AuthConfig } from '../../runtime/auth/tokens';
import { projectRoot } from '../../runtime/config/projectRoot';
import { graphqlRequest } from '../../runtime/http/graphqlRequest';
import { defaultOperationLimits } from '../../runtime/server/operationLimits';
import { connectionTimeouts } from '../../runtime/server/startGraphQLServer';
import { demoStores } from '../../stack/seedDemoData';

export interface ExampleServerOptions {
  gatewayUrl: string;
  wsUrl: string;
  /** Development auth settings: the server mints demo tokens with them. */
  auth: AuthConfig;
  /**
   * The program's stores, the till (`/pos/`) offers them and opens the first; there is no store list
   * in the graph. Default: the demo data's stores (stack/seedDemoData.ts).
   */
  stores?: readonly string[];
  port?: number;
  host?: string;
}

export interface RunningExampleServer {
  url: string;
  stop(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the marketer console (`/console/`, whose home is the program's dashboard), the member wallet
 * (`/wallet/`) and the till (`/pos/`), bundled by Vite into dist/apps/<name>: `/graphql`, `/import/`
 * and `/export/` passed on to the gateway, and demo
 * sign-in. Sign-in mints a development
 * token (a member found by email, or an associate of a store); a real deployment gets tokens from
 * its identity provider, and this server is not part of it.
 */
export async function startExampleServer(options: ExampleServerOptions): Promise<RunningExampleServer> {
  const root = projectRoot();
  const files: Array<[prefix: string, dir: string]> = [
    ['/console/assets/', path.join(root, 'dist/apps/console/assets')],
    ['/wallet/assets/', path.join(root, 'dist/apps/wallet/assets')],
    ['/pos/assets/', path.join(root, 'dist/apps/pos/assets')],
  ];
  const pages: Record<string, string> = {
    // The apps from their Vite bundles.
    '/console/': path.join(root, 'dist/apps/console/index.html'),
    '/wallet/': path.join(root, 'dist/apps/wallet/index.html'),
    '/pos/': path.join(root, 'dist/apps/pos/index.html'),
  };
  const stores = options.stores?.length ? options.stores : demoStores;
  const admin = () => signClientAuthorization({ role: 'admin', subject: 'example-server' }, options.auth, 60);

  async function demoToken(params: URLSearchParams): Promise<unknown> {
    const role = params.get('role');
    if (role === 'associate') {
      const storeId = params.get('storeId') || stores[0]!;
      return {
        authorization: await signClientAuthorization(
          { role: 'associate', subject: `pos-${storeId}`, storeId },
          options.auth,
        ),
      };
    }
    if (role === 'member') {
      const email = params.get('email') ?? '';
      const { customerByIdentifier } = await graphqlRequest<{ customerByIdentifier: { id: string } | null }>(
        options.gatewayUrl,
        'query($email: String!) { customerByIdentifier(type: EMAIL, value: $email) { id } }',
        { email },
        { headers: { authorization: await admin() } },
      );
      if (!customerByIdentifier) return { error: `No member has the email ${email}` };
      return {
        customerId: customerByIdentifier.id,
        authorization: await signClientAuthorization(
          { role: 'member', subject: customerByIdentifier.id },
          options.auth,
        ),
      };
    }
    if (role === 'marketer' || role === 'admin') {
      return {
        authorization: await signClientAuthorization({ role, subject: `demo-${role}` }, options.auth),
      };
    }
    return { error: 'role must be member, associate, marketer or admin' };
  }

  const server: Server = createServer(connectionTimeouts(defaultOperationLimits), (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const json = (body: unknown) => send(200, types['.json']!, JSON.stringify(body));
    const proxy = async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const answer = await fetch(options.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        },
        body: Buffer.concat(chunks),
      });
      send(answer.status, 'application/json', Buffer.from(await answer.arrayBuffer()));
    };
    // An export for the console, streamed from the gateway's download endpoint as it arrives.
    const proxyDownload = async () => {
      const answer = await fetch(new URL(`${url.pathname}${url.search}`, options.gatewayUrl), {
        headers: request.headers.authorization ? { authorization: request.headers.authorization } : {},
      });
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'content-disposition']) {
        const value = answer.headers.get(name);
        if (value) headers[name] = value;
      }
      response.writeHead(answer.status, headers);
      if (!answer.body) return void response.end();
      await pipeline(Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>), response);
    };
    // An import file from the console, streamed to the gateway's upload endpoint (same origin here too).
    const proxyUpload = async () => {
      const answer = await fetch(new URL(`${url.pathname}${url.search}`, options.gatewayUrl), {
        method: 'PUT',
        headers: {
          'content-type': request.headers['content-type'] ?? 'application/octet-stream',
          ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        },
        body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
        duplex: 'half',
      } as RequestInit);
      send(answer.status, 'application/json', Buffer.from(await answer.arrayBuffer()));
    };
    const handle = async () => {
      // The pages post to /graphql here (the same origin, so no CORS), and subscribe on the gateway.
      if (url.pathname === '/config.json') return json({ gatewayUrl: '/graphql', wsUrl: options.wsUrl, stores });
      if (url.pathname === '/graphql' && request.method === 'POST') return proxy();
      if (/^\/import\/[^/]+$/.test(url.pathname) && request.method === 'PUT') return proxyUpload();
      if (/^\/export\/[^/]+$/.test(url.pathname) && request.method === 'GET') return proxyDownload();
      if (url.pathname === '/demo-token') return json(await demoToken(url.searchParams));
      if (url.pathname === '/')
        return send(
          200,
          types['.html']!,
          '<a href="/console/">Console</a> · <a href="/wallet/">Wallet</a> · <a href="/pos/">POS</a>',
        );
      // The program dashboard is the console's home now.
      if (url.pathname === '/dashboard/' || url.pathname === '/dashboard') {
        response.writeHead(301, { location: '/console/' });
        return void response.end();
      }
      const page = pages[url.pathname];
      if (page) return send(200, types[path.extname(page)]!, await readFile(page));
      for (const [prefix, dir] of files) {
        if (!url.pathname.startsWith(prefix)) continue;
        const file = path.resolve(dir, `.${url.pathname.slice(prefix.length - 1)}`);
        // Nothing outside the served folder, whatever the path says.
        if (!file.startsWith(dir + path.sep)) break;
        return send(200, types[path.extname(file)] ?? 'application/octet-stream', await readFile(file));
      }
      send(404, 'text/plain', 'not found');
    };
    handle().catch((error: unknown) => {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      send(missing ? 404 : 500, 'text/plain', missing ? 'not found' : 'error');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
