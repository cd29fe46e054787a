import { api } from '../api/client.ts';
import { useAsync } from './useAsync.ts';
import { routeHref } from './useHashRoute.ts';

/** The workflows of the user's business units; a first-time user is pointed at the templates. */
export function WorkflowsPage() {
  const [state] = useAsync(() => api.listWorkflows(), []);
  if (state.status === 'loading') return <p className="hf-page hf-muted">Loading workflows…</p>;
  if (state.status === 'error') return <p className="hf-page hf-field__error">{state.message}</p>;
  const items = state.value.items;
  if (items.length === 0) {
    return (
      <section className="hf-page hf-empty" data-testid="empty-state">
        <h1>Design your first hiring workflow</h1>
        <p>
          Start from a proven template — standard hiring, offer approval, requisition approval — and adapt it
          to your team. Compliance steps stay locked.
        </p>
        <a
          className="hf-button hf-button--primary"
          href={routeHref({ page: 'templates' })}
          data-testid="empty-browse-templates"
        >
          Browse templates
        </a>
        <p className="hf-muted">
          Or try the editor without saving in the <a href={routeHref({ page: 'playground' })}>playground</a>.
        </p>
      </section>
    );
  }
  return (
    <section className="hf-page" aria-labelledby="hf-workflows-title">
      <h1 id="hf-workflows-title">Workflows</h1>
      <table className="hf-table" data-testid="workflow-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Business unit</th>
            <th>Version</th>
            <th>Running</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {items.map((w) => (
            <tr key={w.id} data-testid={`workflow-row-${w.id}`}>
              <td>
                <a href={routeHref({ page: 'workflow', id: w.id })}>{w.name}</a>{' '}
                {w.forkedFrom && <span className="hf-badge">from {w.forkedFrom.id}</span>}{' '}
                {w.upstreamNewer && (
                  <span className="hf-badge hf-badge--warn" data-testid="upstream-badge">
                    changes upstream (v{w.upstreamNewer.version})
                  </span>
                )}
              </td>
              <td>{w.businessUnit}</td>
              <td>{w.latestVersion ? `v${w.latestVersion}` : 'draft'}</td>
              <td>
                {w.runningInstances}
                {w.overdueInstances > 0 && (
                  <span className="hf-badge hf-badge--warn"> {w.overdueInstances} overdue</span>
                )}
              </td>
              <td>{new Date(w.updatedAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
