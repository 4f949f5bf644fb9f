import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import type { RoomEvent } from '../../../src/rooms/rooms.events.js';
import type { IncidentDetail, IncidentStatus } from '../api/types.js';
import { useApp, useAsync, useConnectionState } from '../app-context.js';
import { ErrorNote, Link, Panel, SeverityBadge, Spinner, StatusBadge } from '../components/common.js';
import { LegalClock } from '../components/LegalClock.js';
import { formatDateTime } from '../format.js';
import { useRoom, useRoomEvents } from '../room-hooks.js';
import { Chat } from './room/Chat.js';
import { Evidence } from './room/Evidence.js';
import { Facts } from './room/Facts.js';
import { PlaybookPanel } from './room/PlaybookPanel.js';
import { ReviewPanel } from './room/ReviewPanel.js';
import { Statements } from './room/Statements.js';
import { Tasks } from './room/Tasks.js';
import { Timeline } from './room/Timeline.js';
import { WorkingGroupPanel } from './room/WorkingGroupPanel.js';

const READ_ONLY: IncidentStatus[] = ['closed', 'archived', 'dismissed'];
const NEEDS_REASON: IncidentStatus[] = ['dismissed'];

/** The live incident room: what happened, who is here, what is being done, what we know, what we say. */
export function IncidentRoomScreen({ incidentId }: { incidentId: string }) {
  const { api, rooms, t, l, lang, user } = useApp();
  const connection = useConnectionState(rooms);
  const room = useRoom(incidentId);
  const incident = useAsync(() => api.incident(incidentId), [incidentId]);
  const group = useAsync(() => api.workingGroup(incidentId), [incidentId]);
  const statements = useAsync(() => api.statements(incidentId), [incidentId]);
  const [evidenceRefresh, setEvidenceRefresh] = useState(0);
  const [playbookRefresh, setPlaybookRefresh] = useState(0);
  const [reviewRefresh, setReviewRefresh] = useState(0);

  const onEvents = useCallback(
    (events: RoomEvent[]) => {
      const types = events.map((e) => e.type);
      if (
        types.some(
          (x) => x.startsWith('incident.') || x.startsWith('legal_clock.') || x === 'statement.published',
        )
      ) {
        void incident.reload();
      }
      if (types.some((x) => x.startsWith('working_group.'))) void group.reload();
      if (types.some((x) => x.startsWith('statement.'))) void statements.reload();
      if (types.some((x) => x.startsWith('detection.'))) setEvidenceRefresh((n) => n + 1);
      if (types.some((x) => x.startsWith('playbook.'))) setPlaybookRefresh((n) => n + 1);
      if (types.some((x) => x.startsWith('review.'))) setReviewRefresh((n) => n + 1);
    },
    [incident, group, statements],
  );
  useRoomEvents(room, onEvents);

  const roleName = useCallback(
    (key: string) =>
      group.data?.members.find((m) => m.role === key)?.roleName ??
      group.data?.requirements.find((r) => r.role === key)?.roleName ??
      key,
    [group.data],
  );

  if (incident.error && !incident.data) {
    return (
      <div className="page">
        <ErrorNote error={incident.error} onRetry={() => void incident.reload()} />
      </div>
    );
  }
  const data = incident.data;
  const readOnly =
    !data || READ_ONLY.includes(data.status) || !user.roles.some((r) => r !== 'analyst' && r !== 'observer');
  const present = [...room.present.values()];

  return (
    <div className="page room">
      {!data ? (
        <Spinner />
      ) : (
        <header className="room-head">
          <p className="code">{data.code}</p>
          <h1>{data.title}</h1>
          <div className="room-facts">
            <SeverityBadge severity={data.severity} />
            <StatusBadge status={data.status} />
            <span>{l('category', data.category)}</span>
            <span>
              {t('colUnit')}: <strong>{data.responsibleUnitSnapshot.name}</strong>
            </span>
            <span className="muted">{t('detectedAt', { time: formatDateTime(data.detectedAt, lang) })}</span>
            <Link to={`/incidents/${incidentId}/report`}>{t('reportOpen')}</Link>
          </div>
          {data.summary && <p>{data.summary}</p>}
          <div className="clocks" aria-label={t('roomClocks')}>
            {data.deadlines.map((d) => (
              <LegalClock key={d.key} deadline={d} />
            ))}
          </div>
          {(!readOnly || (data.status === 'closed' && data.allowedTransitions.length > 0)) && (
            <Transitions incident={data} onDone={() => void incident.reload()} />
          )}
          {READ_ONLY.includes(data.status) && (
            <p className="notice" data-testid="room-read-only">
              {t('roomReadOnlyNote')}
            </p>
          )}
        </header>
      )}
      {room.revoked && (
        <p className="error-note" role="alert">
          {room.revoked.message || t('roomLeft')}
        </p>
      )}
      {room.error && !room.joined && <ErrorNote error={room.error} onRetry={() => void room.join()} />}
      <div className="room-grid">
        <div className="col col-main">
          <Panel id="timeline" title={t('roomTimeline')} className="panel-timeline">
            <Timeline room={room} roleName={roleName} />
          </Panel>
          <Panel id="chat" title={t('roomChat')}>
            <Chat room={room} readOnly={!data || READ_ONLY.includes(data.status)} />
          </Panel>
        </div>
        <div className="col">
          <Panel id="statements" title={t('roomStatements')}>
            <Statements incidentId={incidentId} statements={statements} readOnly={readOnly} />
          </Panel>
          <Panel id="playbook" title={t('navPlaybooks')}>
            <PlaybookPanel incidentId={incidentId} readOnly={readOnly} refresh={playbookRefresh} />
          </Panel>
          {data && ['monitoring', 'resolved', 'closed', 'archived'].includes(data.status) && (
            <Panel id="review" title={t('reviewTitle')}>
              <ReviewPanel
                incidentId={incidentId}
                status={data.status}
                readOnly={readOnly}
                refresh={reviewRefresh}
              />
            </Panel>
          )}
          <Panel id="tasks" title={t('roomTasks')}>
            <Tasks room={room} readOnly={readOnly} />
          </Panel>
          <Panel id="facts" title={t('roomFacts')}>
            <Facts room={room} readOnly={readOnly} />
          </Panel>
        </div>
        <div className="col">
          <Panel
            id="presence"
            title={`${t('roomPresence')} (${connection === 'online' ? present.length : t('presenceOffline')})`}
          >
            <ul className={`presence ${connection === 'online' ? '' : 'stale'}`} data-testid="presence">
              {present.map((p) => (
                <li key={p.userId}>
                  <span className="dot" aria-hidden="true" /> {p.displayName}
                  {p.userId === user.id ? ' ✓' : ''}
                </li>
              ))}
            </ul>
          </Panel>
          <Panel id="group" title={t('roomGroup')}>
            <WorkingGroupPanel
              room={room}
              group={group}
              readOnly={!data || READ_ONLY.includes(data.status)}
            />
          </Panel>
          {data && (
            <Panel id="evidence" title={t('roomEvidence')}>
              <Evidence incident={data} refresh={evidenceRefresh} />
            </Panel>
          )}
        </div>
      </div>
    </div>
  );
}

function Transitions({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const { api, t, l } = useApp();
  const [to, setTo] = useState<IncidentStatus | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!incident.allowedTransitions.length) return null;
  const reopening = to === 'active' && ['monitoring', 'resolved'].includes(incident.status);
  const needsReason = Boolean(to) && (NEEDS_REASON.includes(to as IncidentStatus) || reopening);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    setBusy(true);
    setError(null);
    try {
      await api.transition(incident.id, to, reason.trim() || undefined);
      setTo('');
      setReason('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form transitions" onSubmit={submit}>
      <label htmlFor="transition-to">{t('colStatus')}</label>
      <select id="transition-to" value={to} onChange={(e) => setTo(e.target.value as IncidentStatus)}>
        <option value="">—</option>
        {incident.allowedTransitions.map((s) => (
          <option key={s} value={s}>
            {t('transitionTo', { status: l('status', s) })}
          </option>
        ))}
      </select>
      {needsReason && (
        <>
          <label htmlFor="transition-reason" className="visually-hidden">
            {t('transitionReason')}
          </label>
          <input
            id="transition-reason"
            placeholder={t('transitionReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </>
      )}
      <button type="submit" disabled={busy || !to || (needsReason && reason.trim().length < 5)}>
        {busy ? t('saving') : t('transitionApply')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
