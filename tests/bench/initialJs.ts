import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip sizes of the built designer's JavaScript. */
export interface InitialJs {
  /** Entry script + the chunks index.html preloads: what the first paint downloads. */
  total: number;
  files: string[];
  /** The largest chunk that is loaded later (Monaco, elk, …), for scale. */
  largestLazy: number;
}

/** Reads designer/dist/index.html for its module script and modulepreload links and gzips them. */
export function initialJsGzipBytes(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g),
  ].map((m) => m[1] as string);
  const gzipped = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
  const total = files.reduce((sum, file) => sum + gzipped(file), 0);
  const lazy = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js') && !files.includes(`assets/${f}`))
    .map((f) => gzipped(join('assets', f)));
  return { total, files, largestLazy: Math.max(0, ...lazy) };
}
