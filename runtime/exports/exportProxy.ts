import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '../errors/errorCodes';
import { requestIdHeaders } from '../observability/requestScope';
import { ExportRequestError } from './exportRequest';

export interface PipeExportOptions {
  /** The owner's export URL. */
  url: string;
  /** What is posted to it (JSON). */
  body: unknown;
  /** The internal token the owner requires. */
  authorization: string;
  /** The owner's name, for a message that does not reveal its address. */
  service: string;
  /** Headers of the client's answer (content type, file name). */
  headers: Record<string, string>;
  /** How long the owner may take to answer with its first batch. Default 30 s. */
  timeoutMs?: number;
}

export interface PipedExport {
  /** Bytes passed on to the client. */
  bytes: number;
  /** False when the client or the owner went away before the end. */
  complete: boolean;
}

const readAll = async (stream: IncomingMessage): Promise<string> => {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.length > 64_000) break;
  }
  return text;
};

/** The owner's own refusal, passed on with its status and code. */
function refusalOf(status: number, text: string, service: string): ExportRequestError {
  try {
    const body = JSON.parse(text) as { errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };
    const first = body.errors?.[0];
    if (first?.message && typeof first.extensions?.code === 'string') {
      const { code, ...details } = first.extensions;
      return new ExportRequestError(status, code as string, first.message, details);
    }
  } catch {
    // not JSON: below
  }
  return new ExportRequestError(503, ErrorCode.SERVICE_UNAVAILABLE, `The ${service} answered HTTP ${status}`);
}

/**
 * Posts an export request to its owner and pipes the rows to `res` as they come. The client's
 * answer starts only once the owner answered 200 (so a refusal or an owner that is down is still a
 * JSON error: the `ExportRequestError` this throws); then `pipeline` moves the bytes with
 * backpressure, so a slow client slows the owner's reads down instead of filling memory, and a
 * client that goes away closes the owner's connection, which stops its reads.
 */
export async function pipeExport(res: ServerResponse, options: PipeExportOptions): Promise<PipedExport> {
  const url = new URL(options.url);
  const payload = JSON.stringify(options.body);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      authorization: options.authorization,
      ...requestIdHeaders(),
    },
  });
  const clientGone = () => upstream.destroy();
  res.once('close', clientGone);
  const answer = await new Promise<IncomingMessage>((resolve, reject) => {
    const timer = setTimeout(
      () => upstream.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms`)),
      options.timeoutMs ?? 30_000,
    );
    upstream.once('response', (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    upstream.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    upstream.end(payload);
  }).catch(() => {
    res.off('close', clientGone);
    if (res.destroyed) return null;
    throw new ExportRequestError(503, ErrorCode.SERVICE_UNAVAILABLE, `The ${options.service} did not answer`, {
      serviceName: options.service,
    });
  });
  if (!answer) return { bytes: 0, complete: false };
  if (answer.statusCode !== 200) {
    res.off('close', clientGone);
    throw refusalOf(answer.statusCode ?? 503, await readAll(answer), options.service);
  }
  res.writeHead(200, options.headers);
  let bytes = 0;
  answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
  try {
    await pipeline(answer, res);
    return { bytes, complete: true };
  } catch {
    // The client went away (its close destroyed the owner's connection), or the owner did: cut the
    // client's answer short so it cannot take a partial file for a whole one.
    res.destroy();
    upstream.destroy();
    return { bytes, complete: false };
  } finally {
    res.off('close', clientGone);
  }
}
