import { useState } from 'react';
import type { FormEvent } from 'react';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote, Link, Panel, Spinner } from '../../components/common.js';
import { downloadFile } from '../../download.js';
import { formatDateTime } from '../../format.js';
import { pressLabel } from '../../i18n-press-conferences.js';
import { Field, FormError, SubmitButton, UnitSelect, useSubmit } from '../admin/fields.js';
import { vnLocalToIso } from './PressCoverageList.js';
import { PressTabs } from './PressTabs.js';
import type { PressConferenceDetail, PressJournalistList } from '../../api/press-types.js';

/** A press conference: its plan, then what happened (attendance, questions asked, commitments) and its minutes. */
export function ConferenceDetailScreen({ id }: { id: string }) {
  const { api, t, lang } = useApp();
  const conf = useAsync(() => api.get<PressConferenceDetail>(`/api/press/conferences/${id}`), [id]);
  const journalists = useAsync(
    () => api.get<PressJournalistList>('/api/press/journalists', { limit: 200 }).catch(() => ({ items: [] })),
    [],
  );
  const [present, setPresent] = useState<string[] | null>(null);
  const [endsAt, setEndsAt] = useState('');
  const [conclusion, setConclusion] = useState('');
  const [journalistId, setJournalistId] = useState('');
  const [askedBy, setAskedBy] = useState('');
  const [outletName, setOutletName] = useState('');
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [description, setDescription] = useState('');
  const [ownerUnit, setOwnerUnit] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [due, setDue] = useState('');
  const hold = useSubmit();
  const ask = useSubmit();
  const commit = useSubmit();
  const misc = useSubmit();
  const c = conf.data;

  if (!c) {
    return (
      <div className="page">
        {conf.loading && <Spinner />}
        <ErrorNote error={conf.error} onRetry={() => void conf.reload()} />
      </div>
    );
  }
  const invited = c.invitedOutlets;
  const attending = present ?? invited.map((o) => o.id);
  const post = (path: string, body: unknown) => async () => {
    await api.post(`/api/press/conferences/${id}/${path}`, body);
    await conf.reload();
  };
  const minutes = (format: 'pdf' | 'docx') =>
    misc.run(() =>
      downloadFile(api, `/api/press/conferences/${id}/minutes`, { format }, `bien-ban-hop-bao.${format}`),
    );

  return (
    <div className="page">
      <PressTabs active="conferences" />
      <p className="backlink">
        <Link to="/press/conferences">← {t('conferencesTitle')}</Link>
      </p>
      <h1>{c.title}</h1>
      <p>
        <span className={`badge status status-${c.status}`}>
          {pressLabel(lang, 'conferenceStatus', c.status)}
        </span>{' '}
        {pressLabel(lang, 'conferenceKind', c.kind)} · {formatDateTime(c.heldAt ?? c.startsAt, lang)} ·{' '}
        {c.place}
      </p>
      <Panel title={t('conferencePlanSection')} id="conf-plan">
        <dl className="items">
          <dt>{t('conferenceChair')}</dt>
          <dd>
            {c.chairName}
            {c.chairPosition ? `, ${c.chairPosition}` : ''}
          </dd>
          <dt>{t('conferenceSpokesperson')}</dt>
          <dd>{c.spokespersonName ?? t('conferenceNoSpokesperson')}</dd>
          <dt>{t('conferenceInvited')}</dt>
          <dd>{invited.map((o) => o.name).join(', ') || t('none')}</dd>
          {c.status === 'held' && (
            <>
              <dt>{t('conferenceAttendance')}</dt>
              <dd>{c.attendance.map((a) => a.outletName).join(', ') || t('none')}</dd>
              <dt>{t('conferenceConclusion')}</dt>
              <dd>{c.conclusion ?? t('none')}</dd>
            </>
          )}
        </dl>
        {c.agenda.length > 0 && (
          <ol>
            {c.agenda.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ol>
        )}
        {c.anticipatedQuestions.length > 0 && (
          <>
            <h3>{t('conferenceQuestions')}</h3>
            <dl className="items">
              {c.anticipatedQuestions.map((q) => (
                <div key={q.question}>
                  <dt>
                    <strong>{q.question}</strong>
                  </dt>
                  <dd className="prose">{q.preparedLine}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        {c.incidentId && <Link to={`/incidents/${c.incidentId}`}>{t('conferenceIncident')}</Link>}
      </Panel>

      {c.status === 'planned' && (
        <Panel title={t('conferenceHold')} id="conf-hold">
          <form
            className="form-grid"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void hold.run(
                post('held', {
                  attendance: attending.map((outletId) => ({ outletId })),
                  ...(endsAt ? { endsAt: vnLocalToIso(endsAt) } : {}),
                  ...(conclusion.trim() ? { conclusion: conclusion.trim() } : {}),
                }),
              );
            }}
          >
            <fieldset className="wide">
              <legend>{t('conferenceAttendance')}</legend>
              {invited.map((o) => (
                <label key={o.id} className="check">
                  <input
                    type="checkbox"
                    checked={attending.includes(o.id)}
                    onChange={(e) =>
                      setPresent(
                        e.target.checked ? [...attending, o.id] : attending.filter((x) => x !== o.id),
                      )
                    }
                  />{' '}
                  {o.name}
                </label>
              ))}
            </fieldset>
            <Field label={t('conferenceEndsAt')} id="hold-ends">
              <input
                id="hold-ends"
                type="datetime-local"
                value={endsAt}
                onChange={(e) => setEndsAt(e.target.value)}
              />
            </Field>
            <Field label={t('conferenceConclusion')} id="hold-conclusion" wide>
              <textarea
                id="hold-conclusion"
                rows={3}
                value={conclusion}
                onChange={(e) => setConclusion(e.target.value)}
              />
            </Field>
            <div className="wide button-row">
              <SubmitButton busy={hold.busy} label={t('conferenceHold')} />
            </div>
            <FormError error={hold.error} />
          </form>
        </Panel>
      )}

      <Panel title={t('conferenceAsked')} id="conf-asked">
        {c.questions.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('conferenceAskedBy')}</th>
                <th scope="col">{t('conferenceQuestion')}</th>
                <th scope="col">{t('conferenceAnswer')}</th>
              </tr>
            </thead>
            <tbody>
              {c.questions.map((q) => (
                <tr key={q.id}>
                  <td>{q.position}</td>
                  <td>
                    {q.askedBy}
                    {q.outletName && <div className="muted small">{q.outletName}</div>}
                  </td>
                  <td>{q.question}</td>
                  <td>{q.answer ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="empty">{t('conferenceNoAsked')}</p>
        )}
        {c.status !== 'cancelled' && (
          <form
            className="form-grid"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void ask.run(async () => {
                await post('questions', {
                  ...(journalistId
                    ? { journalistId }
                    : { askedBy: askedBy.trim(), outletName: outletName.trim() }),
                  question: question.trim(),
                  ...(answer.trim() ? { answer: answer.trim() } : {}),
                })();
                setQuestion('');
                setAnswer('');
              });
            }}
          >
            <Field label={t('conferenceJournalist')} id="ask-journalist">
              <select
                id="ask-journalist"
                value={journalistId}
                onChange={(e) => setJournalistId(e.target.value)}
              >
                <option value="">{t('conferenceJournalistOther')}</option>
                {(journalists.data?.items ?? []).map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.fullName}
                    {j.outletName ? ` – ${j.outletName}` : ''}
                  </option>
                ))}
              </select>
            </Field>
            {!journalistId && (
              <>
                <Field label={t('conferenceAskedBy')} id="ask-by">
                  <input
                    id="ask-by"
                    required
                    minLength={2}
                    value={askedBy}
                    onChange={(e) => setAskedBy(e.target.value)}
                  />
                </Field>
                <Field label={t('coverageOutletName')} id="ask-outlet">
                  <input id="ask-outlet" value={outletName} onChange={(e) => setOutletName(e.target.value)} />
                </Field>
              </>
            )}
            <Field label={t('conferenceQuestion')} id="ask-question" wide>
              <textarea
                id="ask-question"
                rows={2}
                required
                minLength={5}
                value={question}
                onChange={(e) => setQuestion(e.target.value)}
              />
            </Field>
            <Field label={t('conferenceAnswer')} id="ask-answer" wide>
              <textarea id="ask-answer" rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} />
            </Field>
            <div className="wide button-row">
              <SubmitButton busy={ask.busy} label={t('conferenceAddAsked')} />
            </div>
            <FormError error={ask.error} />
          </form>
        )}
      </Panel>

      <Panel title={t('conferenceCommitments')} id="conf-commitments">
        {c.commitments.length ? (
          <ul className="items">
            {c.commitments.map((x) => (
              <li key={x.id}>
                {x.description} · {[x.ownerOrgUnitName, x.ownerName].filter(Boolean).join(', ')} ·{' '}
                {formatDateTime(x.dueAt, lang)}{' '}
                {x.doneAt ? (
                  <span className="badge status-ok">{t('conferenceCommitmentDone')}</span>
                ) : (
                  <>
                    {x.overdue && <span className="badge status-late">{t('coverageOverdue')}</span>}{' '}
                    <button
                      type="button"
                      className="small-button"
                      onClick={() => void misc.run(post(`commitments/${x.id}/done`, {}))}
                    >
                      {t('conferenceMarkDone')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('conferenceNoCommitments')}</p>
        )}
        {c.status !== 'cancelled' && (
          <form
            className="form-grid"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void commit.run(async () => {
                await post('commitments', {
                  description: description.trim(),
                  ownerOrgUnitId: ownerUnit,
                  ...(ownerName.trim() ? { ownerName: ownerName.trim() } : {}),
                  dueAt: vnLocalToIso(due),
                })();
                setDescription('');
              });
            }}
          >
            <Field label={t('conferenceCommitment')} id="commit-description" wide>
              <input
                id="commit-description"
                required
                minLength={5}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            </Field>
            <Field label={t('conferenceOwnerUnit')} id="commit-unit">
              <UnitSelect id="commit-unit" value={ownerUnit} onChange={setOwnerUnit} />
            </Field>
            <Field label={t('conferenceOwnerName')} id="commit-owner">
              <input id="commit-owner" value={ownerName} onChange={(e) => setOwnerName(e.target.value)} />
            </Field>
            <Field label={t('conferenceCommitmentDue')} id="commit-due">
              <input
                id="commit-due"
                type="datetime-local"
                required
                value={due}
                onChange={(e) => setDue(e.target.value)}
              />
            </Field>
            <div className="wide button-row">
              <SubmitButton busy={commit.busy} label={t('conferenceAddCommitment')} disabled={!ownerUnit} />
            </div>
            <FormError error={commit.error} />
          </form>
        )}
      </Panel>

      <Panel title={t('conferenceMinutes')} id="conf-minutes">
        {c.status === 'held' ? (
          <div className="button-row">
            <button type="button" onClick={() => void minutes('pdf')}>
              {t('conferenceMinutesPdf')}
            </button>
            <button type="button" onClick={() => void minutes('docx')}>
              {t('conferenceMinutesDocx')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('conferenceMinutesAfter')}</p>
        )}
        <ErrorNote error={misc.error} />
      </Panel>
    </div>
  );
}
