import type { AuditEntry } from '../runtime.ts';

const CSV_COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorRole',
  'via',
  'kind',
  'event',
  'from',
  'to',
  'note',
  'prevHash',
  'hash',
];

/**
 * A CSV cell: quoted, quotes doubled, and a leading `=`, `+`, `-`, `@` defused with an apostrophe so
 * a spreadsheet never runs a value as a formula (CSV injection).
 */
function cell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** The entries as CSV with a header row. */
export function toCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) =>
    [
      e.seq,
      e.at,
      e.actor.id,
      e.actor.role,
      e.actor.via,
      e.kind,
      e.event.type,
      e.from,
      e.to,
      e.note,
      e.prevHash,
      e.hash,
    ]
      .map(cell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
