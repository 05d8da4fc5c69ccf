/** The panel's own pages (paths inside the app, not HTTP routes). */
export type PanelRoute =
  | { page: 'detectors' }
  | { page: 'detector'; id: string }
  | { page: 'templates' };

export function routeOf(pathname: string): PanelRoute {
  const detector = /^\/detectors\/([^/]+)\/?$/.exec(pathname);
  if (detector) return { page: 'detector', id: decodeURIComponent(detector[1]) };
  if (/^\/templates\/?$/.test(pathname)) return { page: 'templates' };
  return { page: 'detectors' };
}

export function pathOf(route: PanelRoute): string {
  switch (route.page) {
    case 'detector':
      return `/detectors/${encodeURIComponent(route.id)}`;
    case 'templates':
      return '/templates';
    default:
      return '/detectors';
  }
}
