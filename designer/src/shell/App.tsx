import { useEffect, useMemo, useState } from 'react';
import type { Session } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import { DeliveriesPage } from '../deliveries/DeliveriesPage.tsx';
import { DeliveryPage } from '../delivery/DeliveryPage.tsx';
import { InstanceEffectsPage } from '../delivery/InstanceEffectsPage.tsx';
import { NotificationPreferencesPage } from '../delivery/NotificationPreferencesPage.tsx';
import { EditorPage, type SidePanel } from '../editor/EditorPage.tsx';
import { SandboxesPage } from '../rollout/SandboxesPage.tsx';
import { LazySimulatePanel as SimulatePanel } from '../simulate/LazySimulatePanel.tsx';
import { generateChainSpec } from '../spec/generateChainSpec.ts';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { InboxPage } from './InboxPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { NavBar } from './NavBar.tsx';
import { TemplatesPage } from './TemplatesPage.tsx';
import { useHashRoute } from './useHashRoute.ts';
import { WorkflowRoute } from './WorkflowRoute.tsx';
import { WorkflowsPage } from './WorkflowsPage.tsx';

/** The playground runs the editor on a sample (or a generated workflow of `states` states), offline, saving nothing. */
function Playground(props: { states: number | undefined; onBack: () => void }) {
  const panels = useMemo<SidePanel[]>(
    () => [
      {
        id: 'simulate',
        title: 'Simulate',
        render: (ctx) => <SimulatePanel definition={ctx.definition} setMarks={ctx.setMarks} />,
      },
    ],
    [],
  );
  const spec = useMemo(() => (props.states ? generateChainSpec(props.states) : sampleSpec()), [props.states]);
  return (
    <EditorPage
      initialSpec={spec}
      panels={panels}
      onBack={props.onBack}
      header={() => <span className="hf-badge">playground · not saved</span>}
    />
  );
}

/** Top-level screens: sign-in gate, lists, the editor. */
export function App() {
  const [route, navigate] = useHashRoute();
  const [session, setSession] = useState<Session | null | 'checking'>('checking');
  useEffect(() => {
    // Not signed in (401) or server unreachable: both land on the sign-in page, which reports errors.
    api.me().then(setSession, () => setSession(null));
  }, []);
  const toList = () => navigate({ page: 'workflows' });

  if (route.page === 'playground') return <Playground states={route.states} onBack={toList} />;
  if (session === 'checking') return <p className="hf-page hf-muted">Loading…</p>;
  if (session === null) return <LoginPage onSignedIn={setSession} />;
  if (route.page === 'workflow') return <WorkflowRoute workflowId={route.id} onBack={toList} />;
  const logout = () => void api.logout().finally(() => setSession(null));
  return (
    <div className="hf-app">
      <NavBar current={route.page} user={session.user} onLogout={logout} />
      {route.page === 'templates' && (
        <TemplatesPage user={session.user} onOpen={(id) => navigate({ page: 'workflow', id })} />
      )}
      {route.page === 'inbox' && <InboxPage />}
      {route.page === 'sandboxes' && <SandboxesPage />}
      {route.page === 'instance' && <InstanceEffectsPage instanceId={route.id} />}
      {route.page === 'delivery' && <DeliveryPage />}
      {route.page === 'notifications' && <NotificationPreferencesPage />}
      {route.page === 'deliveries' && <DeliveriesPage user={session.user} />}
      {(route.page === 'workflows' || route.page === 'login') && <WorkflowsPage />}
    </div>
  );
}
