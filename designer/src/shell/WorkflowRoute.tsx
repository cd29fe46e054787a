import { useMemo, useState } from 'react';
import type { User } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import { EditorPage, type SidePanel } from '../editor/EditorPage.tsx';
import { RolloutPanel } from '../rollout/RolloutPanel.tsx';
import { LazySimulatePanel as SimulatePanel } from '../simulate/LazySimulatePanel.tsx';
import { canDesign, readOnlyReason } from './designRights.ts';
import { InstancesPanel } from './InstancesPanel.tsx';
import { useAsync } from './useAsync.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import { WorkflowHeader } from './WorkflowHeader.tsx';

/** The editor for one saved workflow: loads its draft, autosaves, publishes, shows versions and instances. */
export function WorkflowRoute(props: { workflowId: string; onBack: () => void; user?: User }) {
  const readOnly = props.user && !canDesign(props.user) ? { reason: readOnlyReason(props.user) } : undefined;
  const [state] = useAsync(() => api.getWorkflow(props.workflowId), [props.workflowId]);
  const [published, setPublished] = useState(0);
  const panels = useMemo<SidePanel[]>(
    () => [
      {
        id: 'simulate',
        title: 'Simulate',
        render: (ctx) => <SimulatePanel definition={ctx.definition} setMarks={ctx.setMarks} />,
      },
      {
        id: 'versions',
        title: 'Versions',
        render: (ctx) => (
          <VersionsPanel
            workflowId={props.workflowId}
            editor={ctx.editor}
            setMarks={ctx.setMarks}
            refreshKey={published}
          />
        ),
      },
      {
        id: 'instances',
        title: 'Instances',
        render: (ctx) => (
          <InstancesPanel
            workflowId={props.workflowId}
            setMarks={ctx.setMarks}
            showSpec={ctx.showSpec}
            spec={ctx.editor.spec}
          />
        ),
      },
      {
        id: 'rollout',
        title: 'Pilot & rollout',
        render: () => <RolloutPanel workflowId={props.workflowId} refreshKey={published} />,
      },
    ],
    [props.workflowId, published],
  );
  if (state.status === 'loading') return <p className="hf-page hf-muted">Opening the workflow…</p>;
  if (state.status === 'error') return <p className="hf-page hf-field__error">{state.message}</p>;
  const { draft } = state.value;
  return (
    <EditorPage
      key={props.workflowId}
      initialSpec={draft.spec}
      onBack={props.onBack}
      panels={panels}
      readOnly={readOnly}
      header={({ editor, blockedBy }) => (
        <WorkflowHeader
          workflowId={props.workflowId}
          draft={draft}
          editor={editor}
          blockedBy={blockedBy}
          onPublished={() => setPublished((n) => n + 1)}
        />
      )}
    />
  );
}
