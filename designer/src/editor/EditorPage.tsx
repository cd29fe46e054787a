import type { Diagnostic } from '@hireflow/runtime/compiler';
import type { StateKind, WorkflowSpec } from '@hireflow/runtime/model';
import { ReactFlowProvider, useNodesInitialized, useReactFlow } from '@xyflow/react';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Canvas } from '../canvas/Canvas.tsx';
import { layoutWithElk, type MeasuredSizes } from '../canvas/layoutWithElk.ts';
import { openLegibly } from '../canvas/openLegibly.ts';
import { Palette } from '../canvas/Palette.tsx';
import type { SpecEdge, StateNode } from '../flow/flowTypes.ts';
import { type FlowMarks, NO_MARKS } from '../flow/markFlow.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { setCompletionFields } from '../monaco/loadMonaco.ts';
import { locateDiagnostic } from '../validation/locateDiagnostic.ts';
import { useDiagnostics } from '../validation/useDiagnostics.ts';
import { ValidationPanel } from '../validation/ValidationPanel.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { type EditorApi, useEditor } from './useEditor.ts';
import { useShortcuts } from './useShortcuts.ts';

const SourceTab = lazy(() => import('../monaco/SourceTab.tsx'));

/** Extra side panels the page composes (simulate, versions, instances), given the live editor. */
export interface SidePanel {
  id: string;
  title: string;
  render: (ctx: PanelContext) => ReactNode;
}
export interface PanelContext {
  editor: EditorApi;
  definition: unknown;
  diagnostics: Diagnostic[];
  setMarks: (marks: FlowMarks) => void;
  /**
   * Draws another spec on the canvas, read only, with a label (the replay shows the exact version an
   * instance ran, not the draft); `null` returns to the draft.
   */
  showSpec: (shown: ShownSpec | null) => void;
}

/** A spec the canvas shows instead of the draft, e.g. "v3 — the version this instance ran". */
export interface ShownSpec {
  spec: WorkflowSpec;
  label: string;
}

export interface EditorPageProps {
  initialSpec: WorkflowSpec;
  /** Header controls of the page (save state, conflicts, publish); `blockedBy` is why publishing is refused. */
  header?: (ctx: { editor: EditorApi; blockedBy: string | null }) => ReactNode;
  panels?: SidePanel[];
  onBack?: () => void;
  /** Viewers and auditors: no palette, no drag, no connect, no edits; says why. */
  readOnly?: { reason: string } | undefined;
}

const NO_OP = () => {};

function EditorScreen(props: EditorPageProps) {
  const editor = useEditor(props.initialSpec);
  const { selection } = editor;
  const compiled = useDiagnostics(editor.spec);
  const flow = useReactFlow<StateNode, SpecEdge>();
  const [shown, setShown] = useState<ShownSpec | null>(null);
  const readOnly = props.readOnly !== undefined || shown !== null;
  // What the canvas and inspector draw: the draft, or the version a replay runs on.
  const spec = shown?.spec ?? editor.spec;
  const nodesReady = useNodesInitialized();
  const opened = useRef<WorkflowSpec | null>(null);
  const pendingOpen = useRef<WorkflowSpec | null>(null);
  const measuredSizes = useCallback(
    (): MeasuredSizes =>
      new Map(
        flow
          .getNodes()
          .flatMap((n) =>
            n.measured?.width && n.measured.height
              ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const]
              : [],
          ),
      ),
    [flow],
  );
  const [centerTab, setCenterTab] = useState<'canvas' | 'source'>('canvas');
  const [sideTab, setSideTab] = useState('inspect');
  const [help, setHelp] = useState(false);
  const [marks, setMarks] = useState<FlowMarks>(NO_MARKS);

  useEffect(() => setCompletionFields(spec.context), [spec.context]);
  // Once the cards are measured: a spec nobody has drawn yet (a template, an API-made workflow) gets
  // a tidy layout with the real card sizes, loaded as the starting point rather than as an undoable
  // edit; then the canvas opens at a zoom people can read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per spec the page opened with
  useEffect(() => {
    if (!nodesReady || opened.current === props.initialSpec) return;
    opened.current = props.initialSpec;
    if (props.initialSpec.states.some((s) => s.position)) {
      void openLegibly(flow, props.initialSpec);
      return;
    }
    void layoutWithElk(props.initialSpec, measuredSizes()).then((laidOut) => {
      pendingOpen.current = laidOut;
      editor.load(laidOut);
    });
  }, [nodesReady, props.initialSpec]);
  // After a layout the canvas opens on it once React Flow has the new positions: its store is updated
  // by its own effects, which run before this one (children first).
  useEffect(() => {
    if (pendingOpen.current !== editor.spec) return;
    pendingOpen.current = null;
    const laidOut = editor.spec;
    requestAnimationFrame(() => void openLegibly(flow, laidOut));
  }, [editor.spec, flow]);
  // The canvas of a shown version opens legibly too.
  useEffect(() => {
    if (shown) requestAnimationFrame(() => void openLegibly(flow, shown.spec));
  }, [shown, flow]);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  const blockedBy = compiled.pending
    ? 'Checking the workflow…'
    : errors.length
      ? `${errors.length} problem${errors.length > 1 ? 's' : ''} to fix first: ${errors[0]?.message ?? ''}`
      : null;

  const pick = useCallback(
    (d: Diagnostic) => {
      const target = locateDiagnostic(spec, d);
      editor.select({
        nodeIds: target.edgeId || !target.nodeId ? [] : [target.nodeId],
        edgeIds: target.edgeId ? [target.edgeId] : [],
      });
      setCenterTab('canvas');
      setSideTab('inspect');
      const node = target.nodeId ? flow.getInternalNode(target.nodeId) : undefined;
      if (node) {
        const { x, y } = node.internals.positionAbsolute;
        void flow.setCenter(x + (node.measured.width ?? 200) / 2, y + (node.measured.height ?? 80) / 2, {
          zoom: 1.2,
          duration: 300,
        });
      }
    },
    [spec, editor, flow],
  );

  useShortcuts({
    undo: readOnly ? NO_OP : editor.undo,
    redo: readOnly ? NO_OP : editor.redo,
    remove: readOnly ? NO_OP : editor.remove,
    copy: editor.copy,
    paste: readOnly ? NO_OP : editor.paste,
    selectAll: () => editor.select({ nodeIds: flow.getNodes().map((n) => n.id), edgeIds: [] }),
    help: () => setHelp(true),
    escape: () => (help ? setHelp(false) : editor.select({ nodeIds: [], edgeIds: [] })),
  });

  const addInView = (kind: StateKind) => {
    const box = document.querySelector('.hf-canvas')?.getBoundingClientRect();
    const center = box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 400, y: 300 };
    editor.add(kind, flow.screenToFlowPosition(center));
  };
  const autoLayout = async () => {
    const laidOut = await layoutWithElk(spec, measuredSizes());
    pendingOpen.current = laidOut;
    editor.replace(laidOut);
  };
  const ctx: PanelContext = {
    editor,
    definition: compiled.definition,
    diagnostics: compiled.diagnostics,
    setMarks,
    showSpec: setShown,
  };
  const tabs = useMemo(
    () => [
      { id: 'inspect', title: 'Inspect' },
      { id: 'problems', title: `Problems (${errors.length})` },
      ...(props.panels ?? []),
    ],
    [props.panels, errors.length],
  );

  return (
    <div className="hf-editor" data-testid="editor">
      <header className="hf-toolbar">
        {props.onBack && (
          <button type="button" className="hf-link" onClick={props.onBack} data-testid="back">
            ← Workflows
          </button>
        )}
        <h1 className="hf-toolbar__name" data-testid="workflow-name">
          {spec.name}
        </h1>
        {spec.forkedFrom && (
          <span className="hf-badge">
            fork of {spec.forkedFrom.id} v{spec.forkedFrom.version}
          </span>
        )}
        <span className="hf-toolbar__spacer" />
        {!readOnly && (
          <>
            <button
              type="button"
              className="hf-button"
              onClick={editor.undo}
              disabled={!editor.canUndo}
              data-testid="undo"
              title="Undo (Ctrl+Z)"
            >
              Undo
            </button>
            <button
              type="button"
              className="hf-button"
              onClick={editor.redo}
              disabled={!editor.canRedo}
              data-testid="redo"
              title="Redo (Ctrl+Shift+Z)"
            >
              Redo
            </button>
            <button
              type="button"
              className="hf-button"
              onClick={() => void autoLayout()}
              data-testid="auto-layout"
            >
              Auto layout
            </button>
          </>
        )}
        <button
          type="button"
          className="hf-button"
          onClick={() => void flow.fitView({ duration: 300 })}
          data-testid="fit-view"
        >
          Fit
        </button>
        <button
          type="button"
          className="hf-button"
          onClick={() => setHelp(true)}
          aria-label="Keyboard shortcuts"
          data-testid="help"
        >
          ?
        </button>
        {props.readOnly ? (
          <span className="hf-badge" data-testid="read-only" title={props.readOnly.reason}>
            Read only
          </span>
        ) : (
          props.header?.({ editor, blockedBy })
        )}
      </header>
      <p className="hf-desktop-only" role="note" data-testid="desktop-only">
        The workflow canvas is made for a larger screen. On a phone, use Approvals and the instance pages.
      </p>
      {props.readOnly && (
        <p className="hf-notice hf-notice--info" data-testid="read-only-reason">
          {props.readOnly.reason}
        </p>
      )}
      {shown && (
        <div className="hf-notice hf-notice--info" role="status" data-testid="shown-version">
          Showing {shown.label}, read only.
          <button type="button" className="hf-link" onClick={() => setShown(null)}>
            Back to the draft
          </button>
        </div>
      )}
      {editor.notice && (
        <div className="hf-notice" role="status" data-testid="notice">
          {editor.notice}
          <button type="button" className="hf-link" onClick={editor.dismissNotice} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      <div className={readOnly ? 'hf-editor__body hf-editor__body--readonly' : 'hf-editor__body'}>
        {!readOnly && <Palette onAdd={addInView} />}
        <main className="hf-editor__center">
          <div className="hf-tabs" role="tablist" aria-label="View">
            {(['canvas', 'source'] as const).map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                aria-selected={centerTab === tab}
                data-testid={`tab-${tab}`}
                onClick={() => setCenterTab(tab)}
              >
                {tab === 'canvas' ? 'Canvas' : 'Source'}
              </button>
            ))}
          </div>
          {centerTab === 'canvas' ? (
            <Canvas
              spec={spec}
              selection={selection}
              marks={marks}
              readOnly={readOnly}
              fitOnInit={false}
              onSelect={editor.select}
              onConnect={readOnly ? NO_OP : editor.connect}
              onMove={readOnly ? NO_OP : editor.move}
              onDropKind={readOnly ? NO_OP : editor.add}
              onNudge={editor.nudge}
              onConnectTo={editor.connect}
            />
          ) : (
            <Suspense fallback={<p className="hf-muted">Loading the code editor…</p>}>
              <SourceTab
                spec={spec}
                definition={compiled.definition}
                onApply={readOnly ? NO_OP : editor.replace}
              />
            </Suspense>
          )}
        </main>
        <aside className="hf-side" aria-label="Details">
          <div className="hf-tabs" role="tablist" aria-label="Panels">
            {tabs.map((tab) => (
              <button
                key={tab.id}
                type="button"
                role="tab"
                aria-selected={sideTab === tab.id}
                data-testid={`side-tab-${tab.id}`}
                onClick={() => setSideTab(tab.id)}
              >
                {tab.title}
              </button>
            ))}
          </div>
          {/* Focusable so the panel scrolls by keyboard even when everything in it is disabled (read only). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <div className="hf-side__body" tabIndex={0}>
            {sideTab === 'inspect' && (
              <Inspector
                spec={spec}
                selection={selection}
                diagnostics={compiled.diagnostics}
                readOnly={readOnly}
                onPatchState={readOnly ? NO_OP : editor.patchState}
                onReplaceState={readOnly ? NO_OP : editor.replaceState}
                onPatchEdge={readOnly ? NO_OP : editor.patchEdge}
                onSetInitial={readOnly ? NO_OP : editor.setInitial}
                onRenameState={readOnly ? NO_OP : editor.rename}
              />
            )}
            {sideTab === 'problems' && (
              <ValidationPanel diagnostics={compiled.diagnostics} pending={compiled.pending} onPick={pick} />
            )}
            {props.panels?.find((p) => p.id === sideTab)?.render(ctx)}
          </div>
        </aside>
      </div>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}

/** The workflow editor: palette, canvas/source, inspector, problems and the panels given. */
export function EditorPage(props: EditorPageProps) {
  return (
    <ReactFlowProvider>
      <EditorScreen {...props} />
    </ReactFlowProvider>
  );
}
