import { useEffect, useState } from 'react';
import { itemsOf } from '../api/client.js';
import type { InquiryQuestion, PressInquiryDetail, RefusalGround } from '../api/press-types.js';
import type { Incident, StatementDetail } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Link, Panel } from '../components/common.js';
import { formatDate, formatDateTime } from '../format.js';
import { pressLabel } from '../i18n-press.js';
import { CategorySeverityFields, Field, ListStatus, useSubmit } from './admin/fields.js';

/** One request: where it was routed and why, its questions answered one by one, the answer's draft, approval and sending. */
export function PressInquiryScreen({ inquiryId }: { inquiryId: string }) {
  const { api, t, lang } = useApp();
  const inquiry = useAsync(
    () => api.get<PressInquiryDetail>(`/api/press/inquiries/${inquiryId}`),
    [inquiryId],
  );
  const i = inquiry.data;
  const reload = () => void inquiry.reload();
  return (
    <div className="page">
      <p className="backlink">
        <Link to="/press">← {t('pressTitle')}</Link>
      </p>
      <ListStatus list={inquiry} />
      {i && (
        <>
          <h1>{i.subject}</h1>
          <dl className="press-facts">
            <dt>{t('pressColStatus')}</dt>
            <dd>
              <span className="badge status">{pressLabel(lang, 'inquiryStatus', i.status)}</span>
            </dd>
            <dt>{t('pressColJournalist')}</dt>
            <dd>
              {i.journalist.fullName} ({i.outlet.name}){i.journalist.email ? ` · ${i.journalist.email}` : ''}
            </dd>
            <dt>{t('pressChannel')}</dt>
            <dd>{pressLabel(lang, 'inquiryChannel', i.channel)}</dd>
            <dt>{t('pressColReceived')}</dt>
            <dd>{formatDateTime(i.receivedAt, lang)}</dd>
            <dt>{t('pressColDue')}</dt>
            <dd>
              {formatDateTime(i.dueAt, lang)}
              {i.overdue && <span className="badge severity-L3"> {t('pressOverdueBadge')}</span>}
            </dd>
            <dt>{t('pressColUnit')}</dt>
            <dd>{i.orgUnitName}</dd>
          </dl>
          <Panel title={t('pressRouting')} id="press-routing">
            <p>
              {i.routing.reason === 'successor'
                ? t('pressRoutingSuccessor', {
                    addressed: i.routing.addressed?.name ?? '',
                    on: formatDate(i.routing.on, lang),
                    unit: i.routing.unit.name,
                  })
                : i.routing.reason === 'capability'
                  ? t('pressRoutingCapability', {
                      unit: i.routing.unit.name,
                      on: formatDate(i.routing.on, lang),
                    })
                  : t('pressRoutingAddressed', { on: formatDate(i.routing.on, lang) })}
            </p>
            <p>
              <strong>{t('pressSpokesperson')}: </strong>
              {i.routing.spokespersons.length
                ? i.routing.spokespersons.map((s) => `${s.fullName} (${s.position})`).join('; ')
                : t('pressNoSpokesperson')}
            </p>
          </Panel>
          <Panel title={t('pressQuestionsTitle')} id="press-questions-panel">
            <ol className="question-list">
              {i.questions.map((q) => (
                <QuestionItem key={q.id} inquiry={i} question={q} onSaved={reload} />
              ))}
            </ol>
          </Panel>
          <IncidentLink inquiry={i} onChanged={reload} />
          <AnswerPanel inquiry={i} onChanged={reload} />
          <Panel title={t('pressTimeline')} id="press-timeline">
            <ol className="press-events">
              {i.events.map((e) => (
                <li key={e.seq}>
                  <span className="muted">{formatDateTime(e.occurredAt, lang)}</span> –{' '}
                  {pressLabel(lang, 'inquiryEvent', e.type)}
                  {e.type === 'inquiry.deadline_warning' ? ` (${String(e.payload.percent)}%)` : ''}
                </li>
              ))}
            </ol>
          </Panel>
        </>
      )}
    </div>
  );
}

function QuestionItem({
  inquiry,
  question,
  onSaved,
}: {
  inquiry: PressInquiryDetail;
  question: InquiryQuestion;
  onSaved: () => void;
}) {
  const { api, t } = useApp();
  const [answer, setAnswer] = useState(question.answer ?? '');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const editable = inquiry.open && !inquiry.statementId;
  const id = `press-answer-${question.position}`;
  return (
    <li>
      <p>
        <strong>{t('pressQuestionN', { n: question.position })}:</strong> {question.text}
      </p>
      <label htmlFor={id}>{t('pressAnswer')}</label>
      <textarea
        id={id}
        rows={3}
        value={answer}
        readOnly={!editable}
        onChange={(e) => {
          setAnswer(e.target.value);
          setSaved(false);
        }}
      />
      {editable && (
        <div className="button-row">
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await api.patch(`/api/press/inquiries/${inquiry.id}/questions/${question.id}`, { answer });
                setSaved(true);
                onSaved();
              })
            }
          >
            {t('pressSaveAnswer')}
          </button>
          {saved && <span className="ok-note">{t('pressAnswerSaved')}</span>}
        </div>
      )}
      <ErrorNote error={error} />
    </li>
  );
}

function IncidentLink({ inquiry, onChanged }: { inquiry: PressInquiryDetail; onChanged: () => void }) {
  const { api, t } = useApp();
  const incidents = useAsync(() => api.incidents({ limit: 100 }).then(itemsOf), []);
  const [incidentId, setIncidentId] = useState('');
  const [category, setCategory] = useState('other');
  const [severity, setSeverity] = useState('L1');
  const { busy, error, run } = useSubmit();
  if (inquiry.incidentId) {
    return (
      <Panel title={t('pressLinkTitle')} id="press-incident-panel">
        <Link to={`/incidents/${inquiry.incidentId}`}>{t('pressOpenedIncident')}</Link>
      </Panel>
    );
  }
  const open = (incidents.data ?? []).filter((i: Incident) =>
    ['detected', 'triaged', 'active', 'monitoring'].includes(i.status),
  );
  const link = (body: unknown) =>
    void run(async () => {
      await api.post(`/api/press/inquiries/${inquiry.id}/incident`, body);
      onChanged();
    });
  return (
    <Panel title={t('pressLinkTitle')} id="press-incident-panel">
      <p className="muted">{t('pressNeedIncident')}</p>
      <div className="form-grid">
        <Field label={t('pressIncident')} id="press-link-incident">
          <select id="press-link-incident" value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
            <option value="">{t('pressIncidentNone')}</option>
            {open.map((i) => (
              <option key={i.id} value={i.id}>
                {i.code} – {i.title}
              </option>
            ))}
          </select>
        </Field>
        <div className="button-row">
          <button type="button" disabled={!incidentId || busy} onClick={() => link({ incidentId })}>
            {t('pressLinkIncident')}
          </button>
        </div>
        <CategorySeverityFields
          idPrefix="press-open"
          category={category}
          severity={severity}
          onCategory={setCategory}
          onSeverity={setSeverity}
        />
        <div className="button-row">
          <button
            type="button"
            disabled={busy}
            onClick={() => link({ openIncident: { category, severity } })}
          >
            {t('pressOpenIncident')}
          </button>
        </div>
      </div>
      <ErrorNote error={error} />
    </Panel>
  );
}

function AnswerPanel({ inquiry, onChanged }: { inquiry: PressInquiryDetail; onChanged: () => void }) {
  const { api, t, l, lang } = useApp();
  const grounds = useAsync(
    () =>
      api.get<{ items: RefusalGround[] }>('/api/press/refusal-grounds', {
        on: new Date().toISOString().slice(0, 10),
      }),
    [],
  );
  const [statement, setStatement] = useState<StatementDetail | null>(null);
  const [ground, setGround] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  useEffect(() => {
    if (inquiry.statementId)
      void api.statement(inquiry.statementId).then(setStatement, () => setStatement(null));
  }, [api, inquiry.statementId, inquiry.status]);

  const draft = (body: unknown) =>
    void run(async () => {
      await api.post(`/api/press/inquiries/${inquiry.id}/answer`, body);
      onChanged();
    });

  if (!inquiry.statementId) {
    if (!inquiry.open || !inquiry.incidentId) return null;
    return (
      <Panel title={t('pressDraftTitle')} id="press-answer-panel">
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => draft({ outcome: 'answer' })}
          >
            {t('pressDraftAnswer')}
          </button>
        </div>
        <div className="form-grid">
          <Field label={t('pressRefusalGround')} id="press-ground">
            <select id="press-ground" value={ground} onChange={(e) => setGround(e.target.value)}>
              <option value="">—</option>
              {(grounds.data?.items ?? []).map((g) => (
                <option key={g.id} value={g.key}>
                  {g.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('pressRefusalReason')} id="press-reason" wide>
            <textarea id="press-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="button-row">
            <button
              type="button"
              disabled={busy || !ground}
              onClick={() => draft({ outcome: 'refusal', refusalGroundKey: ground, refusalReason: reason })}
            >
              {t('pressDraftRefusal')}
            </button>
          </div>
        </div>
        <ErrorNote error={error} />
      </Panel>
    );
  }
  const approved = statement?.status === 'approved' || statement?.status === 'published';
  const current = statement?.versions.find((v) => v.number === statement.currentVersion);
  return (
    <Panel title={t('pressDraftTitle')} id="press-answer-panel">
      <p>
        <Link to={`/statements/${inquiry.statementId}`}>{t('pressOpenStatement')}</Link>
      </p>
      {statement && (
        <p>
          {t('pressStatementStatus')}: {l('statementStatus', statement.status)}
        </p>
      )}
      {inquiry.sentSha256 ? (
        <p className="ok-note">
          {t('pressSent', { n: inquiry.sentVersionNumber ?? 0 })}
          <span className="hash">{inquiry.sentSha256}</span> · {formatDateTime(inquiry.closedAt, lang)}
        </p>
      ) : (
        inquiry.open &&
        approved &&
        current && (
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                if (
                  !window.confirm(
                    t('pressSendConfirm', { n: current.number, name: inquiry.journalist.fullName }),
                  )
                )
                  return;
                void run(async () => {
                  await api.post(`/api/press/inquiries/${inquiry.id}/send`, {
                    versionNumber: current.number,
                    sha256: current.sha256,
                  });
                  onChanged();
                });
              }}
            >
              {t('pressSend')}
            </button>
          </div>
        )
      )}
      <ErrorNote error={error} />
    </Panel>
  );
}
