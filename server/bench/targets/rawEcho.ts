/** Baseline target: a raw `node:http` JSON echo (parse the body, answer it back as JSON). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveUntilStopped } from '../spawnTarget.ts';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: string;
    try {
      body = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  serveUntilStopped({ port: (server.address() as AddressInfo).port }, async () => {
    server.closeAllConnections();
    server.close();
  });
});
