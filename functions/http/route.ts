/**
 * The frame of every handler: run the route, turn its answer into an HTTP result (gzip when
 * the client accepts it: a 10,000-box tree is ~15 MB of JSON, above Lambda's 6 MB response
 * limit), and turn any failure into the error body through `errorAnswer` (the one place).
 */
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { TreeStore } from '../store/types.js';
import { errorAnswer, type Answer } from './errors.js';
import { acceptsGzip, type ApiEvent } from './request.js';

export interface Deps {
  store: TreeStore;
  log?: (message: string, error: unknown) => void;
  /** Tests shrink the consolidated page budget to exercise paging on small data. */
  consolidatedPageBytes?: number;
}

/** A route's success: a status and either a value (JSON.stringify'd) or ready JSON text. */
export interface Ok {
  status: number;
  body?: unknown;
  json?: string;
  /** `json` already gzip-compressed (the handler measured it to fit a limit); sent when accepted. */
  gzip?: Buffer;
}

export type RouteFn = (event: ApiEvent, deps: Deps) => Promise<Ok>;
export type Handler = (event: ApiEvent, deps: Deps) => Promise<APIGatewayProxyStructuredResultV2>;

const GZIP_ABOVE = 8 * 1024;

export function httpHandler(fn: RouteFn): Handler {
  return async (event, deps) => {
    let answer: Answer;
    try {
      const ok = await fn(event, deps);
      const text = ok.json ?? JSON.stringify(ok.body ?? {});
      answer = { statusCode: ok.status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: text };
      if (ok.gzip && acceptsGzip(event)) {
        answer.body = ok.gzip.toString('base64');
        answer.isBase64Encoded = true;
        answer.headers['content-encoding'] = 'gzip';
      } else if (text.length > GZIP_ABOVE && acceptsGzip(event)) {
        answer.body = gzipSync(text).toString('base64');
        answer.isBase64Encoded = true;
        answer.headers['content-encoding'] = 'gzip';
      }
    } catch (e) {
      answer = errorAnswer(e, deps.log);
    }
    return answer;
  };
}
