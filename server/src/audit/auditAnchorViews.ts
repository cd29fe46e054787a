import { anchorFor, type HireflowDb, type VerifyOptions } from '../runtime.ts';

/** Verify against the running anchor's key and witness directory (trust anchors outside the database). */
export function verifyOptions(db: HireflowDb): VerifyOptions {
  const anchor = anchorFor(db);
  return anchor ? { publicKey: anchor.key.publicKey, witnessDir: anchor.witnessDir } : {};
}

/** Streams NDJSON lines as a response body without holding the whole export in memory. */
export function bundleBody(lines: Generator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}
