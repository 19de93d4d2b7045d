import { useSyncExternalStore } from 'react';

/**
 * Screens are addressed by the URL hash (#/history, #/report/<id>), so the back button,
 * reloads and bookmarks work without a server that knows the routes.
 */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'session' }
  | { readonly name: 'check' }
  | { readonly name: 'history' }
  | { readonly name: 'report'; readonly sessionId: string }
  // Clips and trainer review (issue 7): the list, one clip, two side by side, video analysis.
  | { readonly name: 'clips' }
  | { readonly name: 'clip'; readonly clipId: string }
  | { readonly name: 'compare'; readonly leftId: string; readonly rightId: string }
  | { readonly name: 'analyse' }
  | { readonly name: 'not-found'; readonly hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter((p) => p !== '');
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'history' && parts.length === 1) return { name: 'history' };
  if (first === 'session' && parts.length === 1) return { name: 'session' };
  if (first === 'check' && parts.length === 1) return { name: 'check' };
  if (first === 'report' && second !== undefined && parts.length === 2) {
    return { name: 'report', sessionId: decodeURIComponent(second) };
  }
  const clipRoute = parseClipRoute(parts);
  if (clipRoute !== null) return clipRoute;
  return { name: 'not-found', hash };
}

/** #/clips, #/clips/<id>, #/compare/<id>/<id>, #/analyse (issue 7). */
function parseClipRoute(parts: readonly string[]): Route | null {
  const [first, second, third] = parts;
  if (first === 'clips' && parts.length === 1) return { name: 'clips' };
  if (first === 'clips' && second !== undefined && parts.length === 2)
    return { name: 'clip', clipId: decodeURIComponent(second) };
  if (first === 'compare' && second !== undefined && third !== undefined && parts.length === 3)
    return {
      name: 'compare',
      leftId: decodeURIComponent(second),
      rightId: decodeURIComponent(third),
    };
  if (first === 'analyse' && parts.length === 1) return { name: 'analyse' };
  return null;
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'history':
      return '#/history';
    case 'session':
      return '#/session';
    case 'check':
      return '#/check';
    case 'report':
      return `#/report/${encodeURIComponent(route.sessionId)}`;
    case 'clips':
      return '#/clips';
    case 'clip':
      return `#/clips/${encodeURIComponent(route.clipId)}`;
    case 'compare':
      return `#/compare/${encodeURIComponent(route.leftId)}/${encodeURIComponent(route.rightId)}`;
    case 'analyse':
      return '#/analyse';
    case 'not-found':
      return route.hash;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const currentHash = (): string => window.location.hash;

/** The current route; re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseRoute(hash);
}
