import { parseSpec, type SpecIssue, type WorkflowSpec } from '@hireflow/runtime/model';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useRef, useState } from 'react';
import { loadMonaco } from './loadMonaco.ts';
import { specJsonSchema } from './specJsonSchema.ts';

const SPEC_URI = 'hireflow://workflow/spec.json';

/**
 * The spec as JSON (editable, schema-validated; applying it replaces the canvas) beside the compiled
 * XState definition (read-only, copy/download). Loaded lazily with Monaco.
 */
export default function SourceTab(props: {
  spec: WorkflowSpec;
  definition: unknown;
  onApply: (spec: WorkflowSpec) => void;
}) {
  const specHost = useRef<HTMLDivElement>(null);
  const defHost = useRef<HTMLDivElement>(null);
  const specEditor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const defEditor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [issues, setIssues] = useState<SpecIssue[]>([]);
  const [dirty, setDirty] = useState(false);
  const specJson = JSON.stringify(props.spec, null, 2);
  const definitionJson = props.definition
    ? JSON.stringify(props.definition, null, 2)
    : '// The definition appears when the workflow has no errors.';

  // Created once per mount; the effects below keep value and markers in sync.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor must not be recreated on each change
  useEffect(() => {
    let disposed = false;
    void Promise.all([loadMonaco(), import('monaco-editor/languages/features/json/register.js')]).then(
      ([monaco, json]) => {
        if (disposed || !specHost.current || !defHost.current) return;
        json.jsonDefaults.setDiagnosticsOptions({
          validate: true,
          schemas: [
            {
              uri: 'hireflow://schema/workflow-spec.json',
              fileMatch: [SPEC_URI],
              schema: specJsonSchema() as Record<string, never>,
            },
          ],
        });
        const uri = monaco.Uri.parse(SPEC_URI);
        const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(specJson, 'json', uri);
        model.setValue(specJson);
        const common = {
          minimap: { enabled: false },
          automaticLayout: true,
          fontSize: 12,
          scrollBeyondLastLine: false,
          editContext: false,
        };
        specEditor.current = monaco.editor.create(specHost.current, {
          ...common,
          model,
          ariaLabel: 'Workflow spec JSON',
        });
        model.onDidChangeContent(() => setDirty(true));
        defEditor.current = monaco.editor.create(defHost.current, {
          ...common,
          value: definitionJson,
          language: 'json',
          readOnly: true,
          ariaLabel: 'Compiled XState definition',
        });
      },
    );
    return () => {
      disposed = true;
      specEditor.current?.dispose();
      defEditor.current?.dispose();
    };
  }, []);

  useEffect(() => {
    const editor = specEditor.current;
    if (editor && !editor.hasTextFocus() && editor.getValue() !== specJson) {
      editor.setValue(specJson);
      setDirty(false);
    }
  }, [specJson]);
  useEffect(() => {
    defEditor.current?.setValue(definitionJson);
  }, [definitionJson]);

  const apply = () => {
    const text = specEditor.current?.getValue() ?? '';
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      setIssues([{ path: '', message: `Not valid JSON: ${(error as Error).message}` }]);
      return;
    }
    const parsed = parseSpec(json);
    if (!parsed.ok) return setIssues(parsed.issues);
    setIssues([]);
    setDirty(false);
    props.onApply(parsed.spec);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([definitionJson], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), {
      href: url,
      download: `${props.spec.id}.definition.json`,
    });
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="hf-source" data-testid="source-tab">
      <section className="hf-source__pane">
        <header className="hf-source__bar">
          <h2 className="hf-panel-title">Spec (JSON)</h2>
          <button
            type="button"
            className="hf-button hf-button--primary"
            disabled={!dirty}
            onClick={apply}
            data-testid="source-apply"
          >
            Apply to canvas
          </button>
        </header>
        {issues.length > 0 && (
          <ul className="hf-source__issues" data-testid="source-issues">
            {issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                <code>{i.path || '(root)'}</code> {i.message}
              </li>
            ))}
          </ul>
        )}
        <div ref={specHost} className="hf-source__editor" />
      </section>
      <section className="hf-source__pane">
        <header className="hf-source__bar">
          <h2 className="hf-panel-title">Compiled XState definition (read-only)</h2>
          <button
            type="button"
            className="hf-button"
            onClick={() => void navigator.clipboard.writeText(definitionJson)}
          >
            Copy
          </button>
          <button type="button" className="hf-button" onClick={download} disabled={!props.definition}>
            Download
          </button>
        </header>
        <div ref={defHost} className="hf-source__editor" />
      </section>
    </div>
  );
}
