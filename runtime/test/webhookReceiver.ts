import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request as the receiver saw it. */
export interface ReceivedWebhook {
  id: string;
  verified: boolean;
  body: unknown;
  error?: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 that verifies Standard Webhooks signatures with the
 * `standardwebhooks` library, as a customer's endpoint would: 204 when valid, 401 otherwise.
 */
export async function startWebhookReceiver(secret: string) {
  const verifier = new Webhook(secret);
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = flat(req.headers);
      try {
        const body = verifier.verify(raw, headers);
        received.push({ id: headers['webhook-id'] ?? '', verified: true, body });
        res.writeHead(204).end();
      } catch (error) {
        received.push({ id: headers['webhook-id'] ?? '', verified: false, body: raw, error: String(error) });
        res.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function flat(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') out[k] = v;
  return out;
}
