import { html, raw } from 'hono/html';

interface Operation {
  summary?: string;
  tags?: string[];
}
type PathItem = Record<string, Operation>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A self-contained reference page for `/api/docs`: every operation grouped by tag, linking to the
 * OpenAPI 3.1 document. No script and no CDN, so it works offline and under the strict CSP.
 */
export function renderDocsPage(document: { info: { title: string; version: string }; paths?: object }) {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {}) as [string, PathItem][]) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = operation.tags?.[0] ?? 'other';
      const row = `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(operation.summary ?? '')}</td></tr>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, rows]) => `<h2>${escapeHtml(tag)}</h2><table>${rows.join('')}</table>`)
    .join('');
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${document.info.title} API reference</title>
<style>body{font:15px system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}td{padding:.25rem .75rem;border-bottom:1px solid #ddd}code{font-size:13px}</style>
</head><body><h1>${document.info.title} API <small>${document.info.version}</small></h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are
<code>application/problem+json</code>; see docs/api.md for the conventions.</p>${raw(sections)}</body></html>`;
}
