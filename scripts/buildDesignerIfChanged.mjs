#!/usr/bin/env node
// `pnpm start` serves the built designer. Building takes close to a minute, so it is rebuilt only when
// what it is built from changed: a SHA-256 over the designer's sources and the runtime sources it
// imports, compared with the stamp the last build left in designer/dist. `--force` always rebuilds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'designer', 'dist');
const STAMP = join(DIST, '.source-hash');
const INPUTS = [
  'designer/src',
  'designer/index.html',
  'designer/package.json',
  'designer/vite.config.ts',
  'designer/tsconfig.json',
  'runtime/src',
  'runtime/package.json',
  'pnpm-lock.yaml',
];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name === 'node_modules' ? [] : files(join(path, name))));
}

const hash = createHash('sha256');
for (const file of INPUTS.flatMap((input) => files(join(ROOT, input)))) {
  // Tests do not end up in the bundle: editing one must not cost a rebuild.
  if (/\.test\.tsx?$/.test(file)) continue;
  hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
}
const digest = hash.digest('hex');
const built =
  existsSync(join(DIST, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest;

if (built && !process.argv.includes('--force')) {
  console.log('designer/dist is up to date with its sources: not rebuilding.');
} else {
  console.log('designer sources changed since the last build: building the designer…');
  // Under `pnpm start`, npm_execpath is the pnpm that runs us; otherwise (npm, npx, a test's global
  // setup) fetch the pinned one.
  const pnpm = process.env.npm_execpath;
  const [command, args] =
    pnpm?.includes('pnpm') && pnpm.endsWith('js')
      ? [process.execPath, [pnpm]]
      : ['npx', ['-y', 'pnpm@10.34.8']];
  execFileSync(command, [...args, '--filter', '@hireflow/designer', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  writeFileSync(STAMP, digest);
}
