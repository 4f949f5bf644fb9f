/**
 * The console's root: the session (login, tokens, the rooms connection), the language, and the shell that maps
 * each route to its screen.
 * Long file: the console's one route table (a lazy import and a case per screen), kept whole so a route is one edit.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient, itemsOf } from './api/client.js';
import { RoomsConnection } from './api/rooms.js';
import type { User } from './api/types.js';
import { AppContext, I18nContext, makeTranslator, useApp } from './app-context.js';
import type { AppServices } from './app-context.js';
import { ErrorNote, Link, Spinner } from './components/common.js';
import { OfflineBanner } from './components/OfflineBanner.js';
import type { Lang } from './i18n.js';
import { navigate, parseRoute, usePath } from './router.js';
import { IncidentListScreen } from './screens/IncidentList.js';
import { IncidentRoomScreen } from './screens/IncidentRoom.js';
import { LoginScreen } from './screens/Login.js';
import { BrowserTokenStore } from './session.js';

// Loaded when first opened: the editor brings CodeMirror, the inbox and the directory are visited less.
const StatementEditorScreen = lazy(() =>
  import('./screens/StatementEditor.js').then((m) => ({ default: m.StatementEditorScreen })),
);
const ApprovalInboxScreen = lazy(() =>
  import('./screens/ApprovalInbox.js').then((m) => ({ default: m.ApprovalInboxScreen })),
);
const DirectoryScreen = lazy(() =>
  import('./screens/Directory.js').then((m) => ({ default: m.DirectoryScreen })),
);
const PlaybooksScreen = lazy(() =>
  import('./screens/Playbooks.js').then((m) => ({ default: m.PlaybooksScreen })),
);
const WatchListScreen = lazy(() =>
  import('./screens/WatchList.js').then((m) => ({ default: m.WatchListScreen })),
);
const TopicDetectionScreen = lazy(() =>
  import('./screens/TopicDetection.js').then((m) => ({ default: m.TopicDetectionScreen })),
);
const DetectionSettingsScreen = lazy(() =>
  import('./screens/DetectionSettings.js').then((m) => ({ default: m.DetectionSettingsScreen })),
);
const AdminScreen = lazy(() => import('./screens/Admin.js').then((m) => ({ default: m.AdminScreen })));
const DeclareIncidentScreen = lazy(() =>
  import('./screens/DeclareIncident.js').then((m) => ({ default: m.DeclareIncidentScreen })),
);
const OfficerReportScreen = lazy(() =>
  import('./screens/OfficerReport.js').then((m) => ({ default: m.OfficerReportScreen })),
);
const PeriodicReportScreen = lazy(() =>
  import('./screens/PeriodicReport.js').then((m) => ({ default: m.PeriodicReportScreen })),
);
const PressDeskScreen = lazy(() =>
  import('./screens/PressDesk.js').then((m) => ({ default: m.PressDeskScreen })),
);
const PressInquiryScreen = lazy(() =>
  import('./screens/PressInquiry.js').then((m) => ({ default: m.PressInquiryScreen })),
);
const PressContactsScreen = lazy(() =>
  import('./screens/PressContacts.js').then((m) => ({ default: m.PressContactsScreen })),
);
const ReportScreen = lazy(() => import('./screens/Report.js').then((m) => ({ default: m.ReportScreen })));
// Press reports (báo nêu), press conferences and their cadence.
const PressCoverageListScreen = lazy(() =>
  import('./screens/press/PressCoverageList.js').then((m) => ({ default: m.PressCoverageListScreen })),
);
const PressCoverageDetailScreen = lazy(() =>
  import('./screens/press/PressCoverageDetail.js').then((m) => ({ default: m.PressCoverageDetailScreen })),
);
const PressConferencesScreen = lazy(() =>
  import('./screens/press/PressConferences.js').then((m) => ({ default: m.PressConferencesScreen })),
);
const ConferencePlanScreen = lazy(() =>
  import('./screens/press/ConferencePlan.js').then((m) => ({ default: m.ConferencePlanScreen })),
);
const ConferenceDetailScreen = lazy(() =>
  import('./screens/press/ConferenceDetail.js').then((m) => ({ default: m.ConferenceDetailScreen })),
);
const PressCadenceScreen = lazy(() =>
  import('./screens/press/PressCadence.js').then((m) => ({ default: m.PressCadenceScreen })),
);

const LANG_KEY = 'ungpho.lang';

interface Session {
  user: User;
  rooms: RoomsConnection;
}

/** The user id (`sub`) an access token was issued to; null when it cannot be read. */
function tokenSubject(accessToken: string): string | null {
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return (JSON.parse(atob(payload)) as { sub?: string }).sub ?? null;
  } catch {
    return null;
  }
}

export function App() {
  const [store] = useState(() => new BrowserTokenStore());
  const [api] = useState(() => new ApiClient({ store }));
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'));
  const [session, setSession] = useState<Session | null>(null);
  const userRef = useRef<string | null>(null);
  const [booting, setBooting] = useState(true);
  const [bootError, setBootError] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);
  const i18n = useMemo(() => ({ lang, ...makeTranslator(lang) }), [lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(LANG_KEY, lang);
  }, [lang]);

  const end = useCallback((sessionExpired: boolean) => {
    setSession((prev) => {
      prev?.rooms.close();
      return null;
    });
    setExpired(sessionExpired);
  }, []);

  const start = useCallback(
    (user: User) => {
      const rooms = new RoomsConnection(api);
      rooms.ended.on(() => end(true));
      setExpired(false);
      setSession({ user, rooms });
    },
    [api, end],
  );

  const boot = useCallback(() => {
    setBooting(true);
    setBootError(null);
    api
      .me()
      .then(start, (e: unknown) => {
        if (api.signedIn) setBootError(e);
      })
      .finally(() => setBooting(false));
  }, [api, start]);

  useEffect(() => {
    api.onSessionEnded = () => end(true);
    void store.load().then(
      () => (api.signedIn ? boot() : setBooting(false)),
      () => setBooting(false),
    );
    // Logged out in another tab; or someone else logged in there: this tab must not go on showing one user while
    // acting as another, so it starts over with the new session.
    return store.onChange((tokens) => {
      if (!tokens) end(false);
      else if (userRef.current && tokenSubject(tokens.accessToken) !== userRef.current)
        window.location.reload();
    });
  }, [api, store, boot, end]);

  useEffect(() => {
    userRef.current = session?.user.id ?? null;
  }, [session]);

  const logout = useCallback(async () => {
    await api.logout();
    end(false);
    navigate('/');
  }, [api, end]);

  let content;
  if (booting) {
    content = (
      <main className="center-page">
        <Spinner />
      </main>
    );
  } else if (bootError && !session) {
    content = (
      <main className="center-page">
        <ErrorNote error={bootError} onRetry={boot} />
      </main>
    );
  } else if (!session) {
    content = <LoginScreen api={api} expired={expired} onLoggedIn={start} lang={lang} setLang={setLang} />;
  } else {
    const services: AppServices = { ...i18n, api, rooms: session.rooms, user: session.user };
    content = (
      <AppContext.Provider value={services}>
        <Shell onLogout={logout} setLang={setLang} />
      </AppContext.Provider>
    );
  }
  return <I18nContext.Provider value={i18n}>{content}</I18nContext.Provider>;
}

function Shell({ onLogout, setLang }: { onLogout: () => void; setLang: (lang: Lang) => void }) {
  const { t, lang, user, api, rooms } = useApp();
  const path = usePath();
  const route = parseRoute(window.location.pathname);
  const mainRef = useRef<HTMLElement>(null);
  const [waiting, setWaiting] = useState(0);

  const countApprovals = useCallback(() => {
    api.approvals().then(
      (page) => setWaiting(itemsOf(page).length),
      () => undefined,
    );
  }, [api]);
  useEffect(() => {
    countApprovals();
    const timer = setInterval(countApprovals, 60_000);
    const off = rooms.notification.on(countApprovals);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [countApprovals, rooms]);

  useEffect(() => {
    if (route.name === 'login') navigate('/', { replace: true });
  }, [route.name]);

  // A new page (not the first one loaded): move the focus to its heading, for keyboard and screen-reader users.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    const heading = mainRef.current?.querySelector('h1');
    if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [path]);

  const nav = [
    {
      to: '/',
      label: t('navIncidents'),
      active: ['incidents', 'incident', 'statement', 'report', 'declare', 'periodic', 'officerReport'],
    },
    {
      to: '/approvals',
      label: t('navApprovals'),
      active: ['approvals'],
      badge: waiting,
    },
    ...(user.roles.some((r) => ['admin', 'leader', 'officer'].includes(r))
      ? [
          { to: '/press', label: t('navPress'), active: ['press', 'pressInquiry', 'pressContacts'] },
          {
            to: '/press/coverage',
            label: t('navPressCoverage'),
            active: [
              'pressCoverage',
              'pressConferences',
              'pressConferencePlan',
              'pressConference',
              'pressCadence',
            ],
          },
        ]
      : []),
    { to: '/watch', label: t('navWatch'), active: ['watch', 'topicDetection'] },
    { to: '/playbooks', label: t('navPlaybooks'), active: ['playbooks'] },
    { to: '/directory', label: t('navDirectory'), active: ['directory'] },
    ...(user.roles.some((r) => ['admin', 'leader', 'analyst'].includes(r))
      ? [{ to: '/admin', label: t('navAdmin'), active: ['admin'] }]
      : []),
  ];

  let screen;
  switch (route.name) {
    case 'incidents':
    case 'login':
      screen = <IncidentListScreen />;
      break;
    case 'incident':
      screen = <IncidentRoomScreen key={route.id} incidentId={route.id} />;
      break;
    case 'statement':
      screen = <StatementEditorScreen key={route.id} statementId={route.id} />;
      break;
    case 'approvals':
      screen = (
        <ApprovalInboxScreen
          statementId={route.statementId}
          version={route.version}
          onDecided={countApprovals}
        />
      );
      break;
    case 'directory':
      screen = <DirectoryScreen unitId={route.unitId} />;
      break;
    case 'playbooks':
      screen = <PlaybooksScreen key={route.id ?? 'library'} playbookId={route.id} />;
      break;
    case 'report':
      screen = <ReportScreen key={route.id} incidentId={route.id} />;
      break;
    case 'watch':
      screen = <WatchListScreen />;
      break;
    case 'topicDetection':
      screen = <TopicDetectionScreen key={route.id} topicId={route.id} />;
      break;
    case 'detectionSettings':
      screen = <DetectionSettingsScreen key={route.unitId ?? 'none'} unitId={route.unitId} />;
      break;
    case 'admin':
      screen = <AdminScreen section={route.section} />;
      break;
    case 'declare':
      screen = <DeclareIncidentScreen />;
      break;
    case 'officerReport':
      screen = <OfficerReportScreen />;
      break;
    case 'periodic':
      screen = <PeriodicReportScreen />;
      break;
    case 'pressCoverage':
      screen = route.id ? (
        <PressCoverageDetailScreen key={route.id} id={route.id} />
      ) : (
        <PressCoverageListScreen />
      );
      break;
    case 'pressConferences':
      screen = <PressConferencesScreen />;
      break;
    case 'pressConferencePlan':
      screen = <ConferencePlanScreen />;
      break;
    case 'pressConference':
      screen = <ConferenceDetailScreen key={route.id} id={route.id} />;
      break;
    case 'pressCadence':
      screen = <PressCadenceScreen />;
      break;
    case 'press':
      screen = <PressDeskScreen />;
      break;
    case 'pressInquiry':
      screen = <PressInquiryScreen key={route.id} inquiryId={route.id} />;
      break;
    case 'pressContacts':
      screen = <PressContactsScreen />;
      break;
    default:
      screen = (
        <div className="page">
          <h1>{t('notFoundTitle')}</h1>
          <p>{t('notFoundText')}</p>
          <Link to="/">{t('navIncidents')}</Link>
        </div>
      );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ỨP
          </span>
          <span className="brand-name">{t('appName')}</span>
        </Link>
        <nav aria-label={t('mainNav')} className="mainnav">
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <a
                  href={n.to}
                  aria-current={n.active.includes(route.name) ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(n.to);
                  }}
                >
                  {n.label}
                  {n.badge ? (
                    <span className="count" aria-label={`(${n.badge})`}>
                      {n.badge}
                    </span>
                  ) : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-tools">
          <button
            type="button"
            className="lang-toggle"
            lang={lang === 'vi' ? 'en' : 'vi'}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          >
            {lang === 'vi' ? t('switchToEnglish') : t('switchToVietnamese')}
          </button>
          <span className="user-name" title={user.email}>
            {user.displayName}
          </span>
          <button type="button" className="secondary" onClick={onLogout}>
            {t('logout')}
          </button>
        </div>
      </header>
      <OfflineBanner />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense
          fallback={
            <div className="page">
              <Spinner />
            </div>
          }
        >
          {screen}
        </Suspense>
      </main>
    </>
  );
}
