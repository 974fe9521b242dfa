import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface StandIn {
  /** `http://127.0.0.1:PORT`, for KEYGUARD_VERIFY_BASE_URL. */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A provider stand-in on a loopback port (node:http, in the test process): `reply` decides each
 * answer from the request. Verification tests never reach any other host.
 */
export async function startStandIn(reply: (request: ReceivedRequest, index: number) => Reply): Promise<StandIn> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((incoming, response) => {
    let body = '';
    incoming.setEncoding('utf8').on('data', (text: string) => (body += text));
    incoming.on('end', () => {
      const request = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body };
      requests.push(request);
      const answer = reply(request, requests.length - 1);
      if (answer.hang) return;
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
