import type * as Monaco from 'monaco-editor/editor/editor.api';
import { CEL_LANGUAGE, celCompletions, celMonarch } from './celLanguage.ts';

type ContextFields = Record<string, { type: string; description?: string | undefined }>;

let loading: Promise<typeof Monaco> | undefined;
/** The context fields completion offers; set by the editor for the open workflow. */
let currentFields: ContextFields = {};

/** Tells the guard completion which context fields the open workflow has. */
export function setCompletionFields(fields: ContextFields): void {
  currentFields = fields;
}

/**
 * Loads Monaco (~1 MB gzip) on first use only, with the JSON language and our CEL language.
 * Workers are bundled by Vite (`?worker`), so nothing is fetched from a CDN.
 */
export function loadMonaco(): Promise<typeof Monaco> {
  loading ??= (async () => {
    const [monaco, editorWorker, jsonWorker] = await Promise.all([
      import('monaco-editor/editor/editor.api'),
      import('monaco-editor/editor/editor.worker.js?worker'),
      import('monaco-editor/language/json/json.worker.js?worker'),
      import('monaco-editor/languages/features/json/register.js'),
      // editor.api ships no contributions: add completion and hover (marker messages) explicitly.
      import('monaco-editor/editor/contrib/suggest/browser/suggestController.js'),
      import('monaco-editor/editor/contrib/hover/browser/hoverContribution.js'),
    ]);
    self.MonacoEnvironment = {
      getWorker: (_id: string, label: string) =>
        label === 'json' ? new jsonWorker.default() : new editorWorker.default(),
    };
    monaco.languages.register({ id: CEL_LANGUAGE });
    monaco.languages.setMonarchTokensProvider(CEL_LANGUAGE, celMonarch);
    monaco.languages.registerCompletionItemProvider(CEL_LANGUAGE, {
      triggerCharacters: ['.'],
      provideCompletionItems: (model, position) => {
        const word = model.getWordUntilPosition(position);
        const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
        // Complete whole dotted paths: replace from the start of `offer.ba|` not just `ba|`.
        const dotted = /[a-zA-Z_][\w.]*$/.exec(line)?.[0] ?? '';
        const range = {
          startLineNumber: position.lineNumber,
          endLineNumber: position.lineNumber,
          startColumn: position.column - (dotted.length || word.word.length),
          endColumn: position.column,
        };
        return { suggestions: celCompletions(monaco, currentFields, range) };
      },
    });
    return monaco;
  })();
  return loading;
}
