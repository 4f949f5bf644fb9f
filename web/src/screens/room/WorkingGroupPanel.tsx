import { useState } from 'react';
import type { LiveRoom } from '../../api/rooms.js';
import type { GroupMember, WorkingGroup } from '../../api/types.js';
import { useApp, useNow } from '../../app-context.js';
import type { AsyncState } from '../../app-context.js';
import { ErrorNote, Spinner } from '../../components/common.js';
import { formatDateTime, formatDuration } from '../../format.js';

/** The Tổ công tác: who holds which role, and whether each invitation was answered (and how fast). */
export function WorkingGroupPanel({
  room,
  group,
  readOnly = false,
}: {
  room: LiveRoom;
  group: AsyncState<WorkingGroup>;
  /** A finished incident: invitations can no longer be answered. */
  readOnly?: boolean;
}) {
  const { t, l, lang, user } = useApp();
  const now = useNow(15_000);
  const [reason, setReason] = useState('');
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const data = group.data;
  const mine = readOnly
    ? undefined
    : data?.members.find((m) => m.status === 'invited' && m.person.id === user.personId);

  const answer = async (member: GroupMember, accept: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (accept) await room.connection.call('invitation:accept', { invitationId: member.invitationId });
      else await room.connection.call('invitation:decline', { invitationId: member.invitationId, reason });
      await group.reload();
      setDeclining(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (group.loading && !data) return <Spinner />;
  if (group.error) return <ErrorNote error={group.error} onRetry={() => void group.reload()} />;
  if (!data) return null;
  if (!data.formed && !data.members.length) return <p className="muted">{t('groupNotFormed')}</p>;
  const current = data.members.filter((m) => ['invited', 'accepted'].includes(m.status));
  const past = data.members.filter((m) => !['invited', 'accepted'].includes(m.status));
  return (
    <>
      {data.assembledAt && (
        <p className="ok-note">{t('groupAssembled', { time: formatDateTime(data.assembledAt, lang) })}</p>
      )}
      {mine && (
        <div className="callout" role="region" aria-label={t('invitationForYou', { role: mine.roleName })}>
          <p>{t('invitationForYou', { role: mine.roleName })}</p>
          {!declining ? (
            <div className="button-row">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void answer(mine, true)}
              >
                {t('accept')}
              </button>
              <button type="button" disabled={busy} onClick={() => setDeclining(true)}>
                {t('decline')}
              </button>
            </div>
          ) : (
            <div className="stack-form">
              <label htmlFor="decline-reason">{t('declineReason')}</label>
              <input id="decline-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              <div className="button-row">
                <button
                  type="button"
                  disabled={busy || reason.trim().length < 3}
                  onClick={() => void answer(mine, false)}
                >
                  {t('decline')}
                </button>
                <button type="button" className="secondary" onClick={() => setDeclining(false)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          )}
          <ErrorNote error={error} />
        </div>
      )}
      <ul className="members">
        {[...current, ...past].map((m) => (
          <li key={m.id} className={`member member-${m.status}`}>
            <div>
              <strong>{m.roleName}</strong>: {m.person.fullName}
              {m.person.position && <span className="muted small"> · {m.person.position}</span>}
            </div>
            <div className="small">
              <span className={`badge ack-${m.status}`}>{l('memberStatus', m.status)}</span>{' '}
              <span className="muted">
                {m.status === 'invited' && m.ackDueAt
                  ? t('groupAckDue', {
                      time:
                        new Date(m.ackDueAt).getTime() > now
                          ? formatDuration(new Date(m.ackDueAt).getTime() - now, lang)
                          : formatDateTime(m.ackDueAt, lang),
                    })
                  : m.status === 'accepted' && m.ackSeconds !== null
                    ? t('groupAckAfter', { time: formatDuration(m.ackSeconds * 1000, lang) })
                    : (m.declineReason ?? '')}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
