import type { Diagnostic } from '@hireflow/runtime/compiler';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useRef } from 'react';
import { CEL_LANGUAGE } from './celLanguage.ts';
import { loadMonaco } from './loadMonaco.ts';

/**
 * A one-line Monaco editor for a CEL guard: highlighting, completion of context fields and the
 * compiler's markers at the exact position of the problem. Commits on blur.
 */
export default function GuardEditor(props: {
  value: string;
  diagnostics: Diagnostic[];
  onCommit: (value: string) => void;
  ariaLabel: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const commit = useRef(props.onCommit);
  commit.current = props.onCommit;

  // Created once per mount; the effects below keep value and markers in sync.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor must not be recreated on each change
  useEffect(() => {
    let disposed = false;
    void loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      monacoRef.current = monaco;
      const instance = monaco.editor.create(host.current, {
        value: props.value,
        language: CEL_LANGUAGE,
        minimap: { enabled: false },
        lineNumbers: 'off',
        glyphMargin: false,
        folding: false,
        scrollBeyondLastLine: false,
        wordWrap: 'on',
        fontSize: 13,
        automaticLayout: true,
        renderLineHighlight: 'none',
        overviewRulerLanes: 0,
        ariaLabel: props.ariaLabel,
        fixedOverflowWidgets: true,
        // A textarea (not EditContext) so React Flow's key handling sees typing as typing.
        editContext: false,
      });
      instance.onDidBlurEditorText(() => commit.current(instance.getValue().trim()));
      editor.current = instance;
    });
    return () => {
      disposed = true;
      editor.current?.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (instance && instance.getValue() !== props.value && !instance.hasTextFocus())
      instance.setValue(props.value);
  }, [props.value]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editor.current?.getModel();
    if (!monaco || !model) return;
    const markers = props.diagnostics.map((d) => {
      const start = model.getPositionAt(d.position?.start ?? 0);
      const end = model.getPositionAt(
        d.position ? Math.max(d.position.end, d.position.start + 1) : model.getValueLength(),
      );
      return {
        severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: d.message,
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
    });
    monaco.editor.setModelMarkers(model, 'hireflow', markers);
  });

  return <div ref={host} className="hf-guard-editor" data-testid="guard-editor" />;
}
