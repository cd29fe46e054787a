import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free loopback port that parses what it receives. */
export interface MailCatcher {
  port: number;
  url: string;
  mails: ParsedMail[];
  /** While held, accepted DATA is not answered (the sender waits) until `release()`. */
  hold(): void;
  release(): void;
  /** Resolves with the n-th mail (1-based) once it has arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/**
 * Starts a {@link MailCatcher} (no TLS, no auth: a test mail server on loopback). `rcptCode` makes it
 * refuse every recipient with that SMTP reply code (e.g. 451 try later, 550 no such mailbox).
 */
export async function startMailCatcher(options: { rcptCode?: number } = {}): Promise<MailCatcher> {
  const mails: ParsedMail[] = [];
  let held: (() => void)[] | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rcptCode === undefined) return callback();
      const error = Object.assign(new Error(`refused ${address.address}`), {
        responseCode: options.rcptCode,
      });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const accept = () => {
            mails.push(mail);
            callback();
          };
          if (held) held.push(accept);
          else accept();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const accept of waiting) accept();
    },
    async waitFor(n, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (mails.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} mail(s), got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return mails[n - 1] as ParsedMail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real HTTP receiver on loopback that records JSON POSTs (a stand-in Slack/Teams webhook). */
export async function startHookReceiver(status = 200) {
  const received: { path: string; body: unknown }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(text || 'null') });
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/slack`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
