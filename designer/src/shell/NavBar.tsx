import type { User } from '../api/apiTypes.ts';
import { NotificationBell } from '../delivery/NotificationBell.tsx';
import { type Route, routeHref } from './useHashRoute.ts';

const LINKS: { route: Route; label: string }[] = [
  { route: { page: 'workflows' }, label: 'Workflows' },
  { route: { page: 'templates' }, label: 'Templates' },
  { route: { page: 'inbox' }, label: 'Approvals' },
  { route: { page: 'sandboxes' }, label: 'Sandboxes' },
  { route: { page: 'playground' }, label: 'Playground' },
];

/** Top navigation of the list screens. */
export function NavBar(props: { current: Route['page']; user: User; onLogout: () => void }) {
  return (
    <header className="hf-nav">
      <strong className="hf-nav__brand">Hireflow</strong>
      <nav aria-label="Main">
        {LINKS.map((link) => (
          <a
            key={link.label}
            href={routeHref(link.route)}
            aria-current={props.current === link.route.page ? 'page' : undefined}
            data-testid={`nav-${link.route.page}`}
          >
            {link.label}
          </a>
        ))}
      </nav>
      <span className="hf-toolbar__spacer" />
      {props.user.roles.includes('admin') && (
        <a
          href="#/delivery"
          aria-current={props.current === 'delivery' ? 'page' : undefined}
          data-testid="nav-delivery"
        >
          Delivery
        </a>
      )}
      <NotificationBell />
      <span className="hf-muted">
        {props.user.name} · {props.user.roles.join(', ')}
      </span>
      <button type="button" className="hf-button" onClick={props.onLogout} data-testid="logout">
        Sign out
      </button>
    </header>
  );
}
