import { useEffect, useState } from 'react';

/** The app's routes, kept in the URL hash so the server only has to serve index.html. */
export type Route =
  | { page: 'workflows' }
  | { page: 'templates' }
  | { page: 'workflow'; id: string }
  | { page: 'inbox' }
  | { page: 'sandboxes' }
  | { page: 'deliveries' }
  /** `states`: open a generated workflow of that many states instead of the sample. */
  | { page: 'playground'; states?: number }
  | { page: 'login' }
  | { page: 'instance'; id: string }
  | { page: 'delivery' }
  | { page: 'notifications' };

/** Parses `#/workflows/abc` into a route; unknown hashes go to the workflow list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (first === 'workflows' && second) return { page: 'workflow', id: second };
  if (first === 'templates') return { page: 'templates' };
  if (first === 'instances' && second) return { page: 'instance', id: second };
  if (first === 'inbox') return { page: 'inbox' };
  if (first === 'sandboxes') return { page: 'sandboxes' };
  if (first === 'deliveries') return { page: 'deliveries' };
  if (first === 'playground')
    return second && /^\d{1,5}$/.test(second)
      ? { page: 'playground', states: Number(second) }
      : { page: 'playground' };
  if (first === 'login') return { page: 'login' };
  if (first === 'instances' && second) return { page: 'instance', id: second };
  if (first === 'delivery') return { page: 'delivery' };
  if (first === 'notifications') return { page: 'notifications' };
  return { page: 'workflows' };
}

export function routeHref(route: Route): string {
  if (route.page === 'workflow') return `#/workflows/${encodeURIComponent(route.id)}`;
  if (route.page === 'instance') return `#/instances/${encodeURIComponent(route.id)}`;
  if (route.page === 'playground' && route.states) return `#/playground/${route.states}`;
  return `#/${route.page}`;
}

/** Current route, updated on hash changes. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = (next: Route) => {
    window.location.hash = routeHref(next).slice(1);
  };
  return [route, navigate];
}
