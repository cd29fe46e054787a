import type * as Monaco from 'monaco-editor/editor/editor.api';

/** Language id of guard expressions in Monaco. */
export const CEL_LANGUAGE = 'hireflow-cel';

/** A Monarch tokenizer for CEL: keywords, macros, strings, numbers, operators, field paths. */
export const celMonarch: Monaco.languages.IMonarchLanguage = {
  keywords: ['true', 'false', 'null', 'in'],
  builtins: [
    'has',
    'size',
    'matches',
    'startsWith',
    'endsWith',
    'contains',
    'exists',
    'all',
    'exists_one',
    'map',
    'filter',
    'timestamp',
    'duration',
    'int',
    'double',
    'string',
  ],
  operators: ['==', '!=', '<', '<=', '>', '>=', '&&', '||', '!', '+', '-', '*', '/', '%', '?', ':'],
  symbols: /[=><!~?:&|+\-*/^%]+/,
  tokenizer: {
    root: [
      [
        /[a-zA-Z_][\w]*/,
        { cases: { '@keywords': 'keyword', '@builtins': 'predefined', '@default': 'identifier' } },
      ],
      [/\d+\.\d+([eE][-+]?\d+)?/, 'number.float'],
      [/\d+u?/, 'number'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/[()[\]{}]/, '@brackets'],
      [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
      [/[.,]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
  },
};

/** Completion items for the context fields (and `event.`, `now`) at the cursor. */
export function celCompletions(
  monaco: typeof Monaco,
  fields: Record<string, { type: string; description?: string | undefined }>,
  range: Monaco.IRange,
): Monaco.languages.CompletionItem[] {
  const items: Monaco.languages.CompletionItem[] = Object.entries(fields).map(([path, field]) => ({
    label: path,
    kind: monaco.languages.CompletionItemKind.Field,
    detail: field.type,
    documentation: field.description ?? '',
    insertText: path,
    range,
  }));
  items.push(
    {
      label: 'now',
      kind: monaco.languages.CompletionItemKind.Variable,
      detail: 'timestamp of the event',
      insertText: 'now',
      range,
    },
    {
      label: 'event',
      kind: monaco.languages.CompletionItemKind.Variable,
      detail: 'the event payload',
      insertText: 'event.',
      range,
    },
  );
  for (const fn of ['has', 'size', 'timestamp', 'duration']) {
    items.push({
      label: fn,
      kind: monaco.languages.CompletionItemKind.Function,
      insertText: `${fn}($0)`,
      insertTextRules: 4,
      range,
    });
  }
  return items;
}
