import { useState } from 'react';
import type { FormEvent } from 'react';
import { useApp, useAsync } from '../../app-context.js';
import { Link, Panel } from '../../components/common.js';
import { pressLabel } from '../../i18n-press-conferences.js';
import { navigate } from '../../router.js';
import { Field, FormError, SubmitButton, UnitSelect, useSubmit } from '../admin/fields.js';
import { vnLocalToIso } from './PressCoverageList.js';
import { PressTabs } from './PressTabs.js';
import type { PressConferenceDetail, PressOutletList } from '../../api/press-types.js';

interface Source {
  kind: 'fact' | 'statement';
  id: string;
  text: string;
}
interface Draft {
  question: string;
  line: string;
  sources: string[];
}

/**
 * Planning a press conference: unit, kind, time and place, chair and the spokesperson designated on that day,
 * agenda, invited outlets, and anticipated questions whose lines come from the linked incident's verified facts
 * and approved statements (or are written here).
 */
export function ConferencePlanScreen() {
  const { api, t, lang } = useApp();
  const [unit, setUnit] = useState('');
  const [kind, setKind] = useState('regular');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [chairName, setChairName] = useState('');
  const [chairPosition, setChairPosition] = useState('');
  const [designation, setDesignation] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const [agenda, setAgenda] = useState('');
  const [invited, setInvited] = useState<string[]>([]);
  const [questions, setQuestions] = useState<Draft[]>([{ question: '', line: '', sources: [] }]);
  const { busy, error, run } = useSubmit();
  const day = startsAt ? startsAt.slice(0, 10) : undefined;

  const outlets = useAsync(
    () => api.get<PressOutletList>('/api/press/outlets', { limit: 200 }).catch(() => ({ items: [] })),
    [],
  );
  const speakers = useAsync(async () => (unit ? api.spokespersons(unit, day) : null), [unit, day]);
  const incidents = useAsync(
    () => api.incidents({ status: 'detected,triaged,active,monitoring' }).catch(() => ({ items: [] })),
    [],
  );
  const sources = useAsync(async (): Promise<Source[]> => {
    if (!incidentId) return [];
    const [facts, statements] = await Promise.all([
      api.get<{ id: string; statement: string; status: string }[]>(`/api/incidents/${incidentId}/facts`),
      api.get<{ items: { id: string; title?: string; status: string; typeLabel: string }[] }>(
        `/api/incidents/${incidentId}/statements`,
      ),
    ]);
    return [
      ...facts
        .filter((f) => f.status === 'verified')
        .map((f) => ({ kind: 'fact' as const, id: f.id, text: f.statement })),
      ...statements.items
        .filter((s) => s.status === 'approved' || s.status === 'published')
        .map((s) => ({ kind: 'statement' as const, id: s.id, text: s.title ?? s.typeLabel })),
    ];
  }, [incidentId]);

  const setQuestion = (i: number, patch: Partial<Draft>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const byId = new Map((sources.data ?? []).map((s) => [s.id, s]));
      const created = await api.post<PressConferenceDetail>('/api/press/conferences', {
        orgUnitId: unit,
        kind,
        title: title.trim(),
        startsAt: vnLocalToIso(startsAt),
        place: place.trim(),
        chairName: chairName.trim(),
        ...(chairPosition.trim() ? { chairPosition: chairPosition.trim() } : {}),
        ...(designation ? { spokespersonDesignationId: designation } : {}),
        ...(incidentId ? { incidentId } : {}),
        agenda: agenda
          .split('\n')
          .map((a) => a.trim())
          .filter(Boolean),
        invitedOutletIds: invited,
        anticipatedQuestions: questions
          .filter((q) => q.question.trim())
          .map((q) => ({
            question: q.question.trim(),
            ...(q.line.trim() ? { preparedLine: q.line.trim() } : {}),
            sources: q.sources.map((id) => ({ kind: byId.get(id)!.kind, id })),
          })),
      });
      navigate(`/press/conferences/${created.id}`);
    });
  };

  const speakerOptions = [...(speakers.data?.spokespersons ?? []), ...(speakers.data?.authorized ?? [])];
  return (
    <div className="page">
      <PressTabs active="conferences" />
      <p className="backlink">
        <Link to="/press/conferences">← {t('conferencesTitle')}</Link>
      </p>
      <h1>{t('conferencePlan')}</h1>
      <form className="form-grid panel panel-body" onSubmit={submit}>
        <Field label={t('adminUnit')} id="conf-unit">
          <UnitSelect id="conf-unit" value={unit} onChange={setUnit} />
        </Field>
        <Field label={t('conferenceKind')} id="conf-kind">
          <select id="conf-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {['regular', 'thematic', 'emergency'].map((k) => (
              <option key={k} value={k}>
                {pressLabel(lang, 'conferenceKind', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('conferenceTitle')} id="conf-title" wide>
          <input
            id="conf-title"
            required
            minLength={5}
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Field>
        <Field label={t('conferenceStartsAt')} id="conf-starts">
          <input
            id="conf-starts"
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
        </Field>
        <Field label={t('conferencePlace')} id="conf-place">
          <input
            id="conf-place"
            required
            minLength={3}
            maxLength={300}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
          />
        </Field>
        <Field label={t('conferenceChair')} id="conf-chair">
          <input
            id="conf-chair"
            required
            minLength={3}
            maxLength={200}
            value={chairName}
            onChange={(e) => setChairName(e.target.value)}
          />
        </Field>
        <Field label={t('conferenceChairPosition')} id="conf-chair-position">
          <input
            id="conf-chair-position"
            maxLength={300}
            value={chairPosition}
            onChange={(e) => setChairPosition(e.target.value)}
          />
        </Field>
        <Field label={t('conferenceSpokesperson')} id="conf-spokesperson">
          <select id="conf-spokesperson" value={designation} onChange={(e) => setDesignation(e.target.value)}>
            <option value="">{t('conferenceNoSpokesperson')}</option>
            {speakerOptions.map((s) => (
              <option key={s.designationId} value={s.designationId}>
                {s.person.fullName}
                {s.person.position ? ` – ${s.person.position}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('conferenceIncident')} id="conf-incident">
          <select id="conf-incident" value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
            <option value="">{t('conferenceNoIncident')}</option>
            {(incidents.data?.items ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.code} · {i.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('conferenceAgenda')} id="conf-agenda" wide>
          <textarea id="conf-agenda" rows={3} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
        </Field>
        <fieldset className="wide">
          <legend>{t('conferenceInvited')}</legend>
          {(outlets.data?.items ?? []).map((o) => (
            <label key={o.id} className="check">
              <input
                type="checkbox"
                checked={invited.includes(o.id)}
                onChange={(e) =>
                  setInvited((xs) => (e.target.checked ? [...xs, o.id] : xs.filter((x) => x !== o.id)))
                }
              />{' '}
              {o.name}
            </label>
          ))}
        </fieldset>
        <div className="wide">
          <Panel title={t('conferenceQuestions')} id="conf-questions">
            {questions.map((q, i) => (
              <div key={i} className="form-grid">
                <Field label={`${t('conferenceQuestion')} ${i + 1}`} id={`conf-q-${i}`} wide>
                  <input
                    id={`conf-q-${i}`}
                    maxLength={2000}
                    value={q.question}
                    onChange={(e) => setQuestion(i, { question: e.target.value })}
                  />
                </Field>
                <Field
                  label={`${t('conferenceLine')} (${t('conferenceLineHint')})`}
                  id={`conf-line-${i}`}
                  wide
                >
                  <textarea
                    id={`conf-line-${i}`}
                    rows={2}
                    maxLength={5000}
                    value={q.line}
                    onChange={(e) => setQuestion(i, { line: e.target.value })}
                  />
                </Field>
                {(sources.data ?? []).length > 0 && (
                  <fieldset className="wide">
                    <legend>{t('conferenceSources')}</legend>
                    {(sources.data ?? []).map((s) => (
                      <label key={s.id} className="check">
                        <input
                          type="checkbox"
                          checked={q.sources.includes(s.id)}
                          onChange={(e) =>
                            setQuestion(i, {
                              sources: e.target.checked
                                ? [...q.sources, s.id]
                                : q.sources.filter((x) => x !== s.id),
                            })
                          }
                        />{' '}
                        {s.text}
                      </label>
                    ))}
                  </fieldset>
                )}
                {questions.length > 1 && (
                  <div className="wide">
                    <button
                      type="button"
                      className="small-button"
                      onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
                    >
                      {t('conferenceRemoveQuestion')}
                    </button>
                  </div>
                )}
              </div>
            ))}
            <button
              type="button"
              onClick={() => setQuestions((qs) => [...qs, { question: '', line: '', sources: [] }])}
            >
              {t('conferenceAddQuestion')}
            </button>
          </Panel>
        </div>
        <div className="wide button-row">
          <SubmitButton busy={busy} label={t('conferenceSave')} disabled={!unit} />
        </div>
        <FormError error={error} />
      </form>
    </div>
  );
}
