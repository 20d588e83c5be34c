import type { ServerResponse } from 'node:http';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { authenticate } from '../../runtime/auth/authorize';
import type { Role } from '../../runtime/auth/principal';
import type { InternalCredential, TokenVerifier } from '../../runtime/auth/tokens';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { internalExportPath } from '../../runtime/exports/exportEndpoint';
import { exportContentTypes } from '../../runtime/exports/exportFormat';
import { pipeExport } from '../../runtime/exports/exportProxy';
import {
  attachmentName,
  ExportRequestError,
  parseExportQuery,
  sendExportError,
} from '../../runtime/exports/exportRequest';
import { UpstreamError } from '../../runtime/http/graphqlRequest';
import type { Logger } from '../../runtime/logging/logger';
import { SegmentMembers } from './segmentMembers';

/** Each dataset of `GET /export/<dataset>`, the subgraph that owns its rows, and whether it has a time range. */
export const exportDatasets = {
  members: { owner: 'profile', ranged: true },
  balances: { owner: 'ledger', ranged: false },
  lots: { owner: 'ledger', ranged: false },
  journal: { owner: 'ledger', ranged: true },
  orders: { owner: 'ledger', ranged: true },
} as const;

export type ExportDatasetName = keyof typeof exportDatasets;

/** Who may pull the program out in bulk. */
export const exportRoles: readonly Role[] = ['admin', 'marketer'];

export const exportPath = '/export';

export interface ExportRoutesOptions {
  verifier: TokenVerifier;
  subgraphUrls: Readonly<Record<string, string>>;
  credential: InternalCredential;
  logger: Logger;
}

/** The caller of a bulk route, refused (401, 403) unless signed in with one of `roles`. */
export async function callerOf(
  verifier: TokenVerifier,
  header: string | undefined,
  roles: readonly Role[],
  what: string,
) {
  let principal;
  try {
    principal = await authenticate(verifier, header);
  } catch (error) {
    if (error instanceof GraphQLError) throw new ExportRequestError(401, ErrorCode.UNAUTHENTICATED, error.message);
    throw error;
  }
  if (!principal) {
    throw new ExportRequestError(401, ErrorCode.UNAUTHENTICATED, `Sign in: ${what} needs a valid token`);
  }
  if (!roles.includes(principal.role)) {
    throw new ExportRequestError(403, ErrorCode.FORBIDDEN, `A ${principal.role} may not use ${what}`);
  }
  return principal;
}

/**
 * `GET /export/<dataset>?format=ndjson|csv&from=&to=&segment=` beside `/graphql`: checks the
 * caller (admin or marketer, the same bearer tokens), the parameters and the segment (asking
 * campaign for its members) before any row, then pipes the owner's stream to the client.
 */
export function mountExportRoutes(app: Express, options: ExportRoutesOptions): void {
  const segments = new SegmentMembers(() => {
    const url = options.subgraphUrls.campaign;
    if (!url) throw new UpstreamError('UpstreamUnavailable', 'no campaign service is configured');
    return url;
  }, options.credential);

  app.get(`${exportPath}/:dataset`, async (req: Request, res: Response) => {
    const started = Date.now();
    const name = String(req.params.dataset);
    try {
      const caller = await callerOf(options.verifier, req.headers.authorization, exportRoles, 'the export');
      if (!Object.hasOwn(exportDatasets, name)) {
        throw new ExportRequestError(
          404,
          ErrorCode.NOT_FOUND,
          `No dataset ${name}: exports are ${Object.keys(exportDatasets).join(', ')}`,
          { parameter: 'dataset' },
        );
      }
      const dataset = exportDatasets[name as ExportDatasetName];
      const query = parseExportQuery(req.query as Record<string, unknown>, {
        ranged: dataset.ranged,
        dataset: name,
        extra: ['segment'],
      });
      let customerIds: string[] | null = null;
      const segment = query.extra.segment;
      if (segment !== undefined) {
        try {
          customerIds = await segments.memberIds(segment);
        } catch (error) {
          if (error instanceof UpstreamError && error.kind === 'UpstreamRejected') {
            throw new ExportRequestError(400, ErrorCode.BAD_USER_INPUT, error.message, { parameter: 'segment' });
          }
          throw new ExportRequestError(503, ErrorCode.SERVICE_UNAVAILABLE, 'The campaign service did not answer', {
            serviceName: 'campaign',
          });
        }
        if (customerIds === null) {
          throw new ExportRequestError(404, ErrorCode.NOT_FOUND, `No segment ${segment}`, { parameter: 'segment' });
        }
      }
      const ownerUrl = options.subgraphUrls[dataset.owner];
      if (!ownerUrl) {
        throw new ExportRequestError(
          503,
          ErrorCode.SERVICE_UNAVAILABLE,
          `The ${dataset.owner} service is not configured`,
        );
      }
      const result = await pipeExport(res as unknown as ServerResponse, {
        url: new URL(`${internalExportPath}/${name}`, ownerUrl).toString(),
        body: {
          format: query.format,
          from: query.from?.toISOString() ?? null,
          to: query.to?.toISOString() ?? null,
          customerIds,
        },
        authorization: await options.credential.authorization(),
        service: `${dataset.owner} service`,
        headers: {
          'content-type': exportContentTypes[query.format],
          'content-disposition': attachmentName(name, query.format, new Date()),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
      options.logger.info('export', {
        dataset: name,
        format: query.format,
        role: caller.role,
        subject: caller.subject,
        segment: segment ?? null,
        bytes: result.bytes,
        complete: result.complete,
        durationMs: Date.now() - started,
      });
    } catch (error) {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      if (error instanceof ExportRequestError) {
        options.logger.info('export refused', { dataset: name, status: error.status, code: error.code });
        sendExportError(res as unknown as ServerResponse, error);
        return;
      }
      options.logger.error('export failed', { dataset: name, error: String(error) });
      sendExportError(
        res as unknown as ServerResponse,
        new ExportRequestError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'The export failed; see the gateway log'),
      );
    }
  });
}
