import { useSyncExternalStore } from 'react';

/** A few routes, matched on the path (history API): no router library needed. */
export type Route =
  | { name: 'incidents' }
  | { name: 'incident'; id: string }
  | { name: 'statement'; id: string }
  | { name: 'approvals'; statementId?: string; version?: number }
  | { name: 'directory'; unitId?: string }
  | { name: 'playbooks'; id?: string }
  | { name: 'report'; id: string }
  | { name: 'watch' }
  | { name: 'topicDetection'; id: string }
  | { name: 'detectionSettings'; unitId?: string }
  | { name: 'admin'; section?: string }
  | { name: 'declare' }
  | { name: 'officerReport' }
  | { name: 'periodic' }
  | { name: 'pressCoverage'; id?: string }
  | { name: 'pressConferences' }
  | { name: 'pressConferencePlan' }
  | { name: 'pressConference'; id: string }
  | { name: 'pressCadence' }
  | { name: 'press' }
  | { name: 'pressInquiry'; id: string }
  | { name: 'pressContacts' }
  | { name: 'login' }
  | { name: 'notFound' };

const UUID = '([0-9a-f-]{36})';

export function parseRoute(pathname: string): Route {
  const p = pathname.replace(/\/+$/, '') || '/';
  let m: RegExpMatchArray | null;
  if (p === '/' || p === '/incidents') return { name: 'incidents' };
  if (p === '/incidents/new') return { name: 'declare' };
  if (p === '/reports/periodic') return { name: 'periodic' };
  if (p === '/reports/new') return { name: 'officerReport' };
  if (p === '/admin') return { name: 'admin' };
  if ((m = p.match(/^\/admin\/([a-z-]+)$/))) return { name: 'admin', section: m[1] };
  if ((m = p.match(new RegExp(`^/incidents/${UUID}$`)))) return { name: 'incident', id: m[1] };
  if ((m = p.match(new RegExp(`^/incidents/${UUID}/report$`)))) return { name: 'report', id: m[1] };
  if ((m = p.match(new RegExp(`^/statements/${UUID}$`)))) return { name: 'statement', id: m[1] };
  if (p === '/approvals') return { name: 'approvals' };
  if ((m = p.match(new RegExp(`^/approvals/${UUID}/(\\d+)$`)))) {
    return { name: 'approvals', statementId: m[1], version: Number(m[2]) };
  }
  if (p === '/directory') return { name: 'directory' };
  if ((m = p.match(new RegExp(`^/directory/${UUID}$`)))) return { name: 'directory', unitId: m[1] };
  if (p === '/playbooks') return { name: 'playbooks' };
  if ((m = p.match(new RegExp(`^/playbooks/${UUID}$`)))) return { name: 'playbooks', id: m[1] };
  if (p === '/watch') return { name: 'watch' };
  if ((m = p.match(new RegExp(`^/topics/${UUID}/detection$`)))) return { name: 'topicDetection', id: m[1] };
  if (p === '/detection-settings') return { name: 'detectionSettings' };
  if ((m = p.match(new RegExp(`^/detection-settings/${UUID}$`))))
    return { name: 'detectionSettings', unitId: m[1] };
  if (p === '/press/coverage') return { name: 'pressCoverage' };
  if ((m = p.match(new RegExp(`^/press/coverage/${UUID}$`)))) return { name: 'pressCoverage', id: m[1] };
  if (p === '/press/conferences') return { name: 'pressConferences' };
  if (p === '/press/conferences/new') return { name: 'pressConferencePlan' };
  if ((m = p.match(new RegExp(`^/press/conferences/${UUID}$`)))) return { name: 'pressConference', id: m[1] };
  if (p === '/press/cadence') return { name: 'pressCadence' };
  if (p === '/press') return { name: 'press' };
  if (p === '/press/contacts') return { name: 'pressContacts' };
  if ((m = p.match(new RegExp(`^/press/inquiries/${UUID}$`)))) return { name: 'pressInquiry', id: m[1] };
  if (p === '/login') return { name: 'login' };
  return { name: 'notFound' };
}

const subscribe = (cb: () => void) => {
  window.addEventListener('popstate', cb);
  return () => window.removeEventListener('popstate', cb);
};

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
