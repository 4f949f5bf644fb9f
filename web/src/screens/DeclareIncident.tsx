import { useState } from 'react';
import type { FormEvent } from 'react';
import type { WatchTopic } from '../api/admin-types.js';
import type { IncidentDetail } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { Link } from '../components/common.js';
import { navigate } from '../router.js';
import { CategorySeverityFields, Field, FormError, SubmitButton, UnitSelect } from './admin/fields.js';

/**
 * Declaring an incident by hand (an officer saw it before detection did). With a watched topic, it goes through
 * detection's manual declaration: the room opens with the topic's evidence, or the declaration joins the incident
 * already open on that topic.
 */
export function DeclareIncidentScreen() {
  const { api, t } = useApp();
  const topics = useAsync(() => api.get<WatchTopic[]>('/api/topics', { active: true }).catch(() => []), []);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [category, setCategory] = useState('fake_news');
  const [severity, setSeverity] = useState('L2');
  const [unit, setUnit] = useState('');
  const [topicId, setTopicId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let id: string;
      if (topicId) {
        const r = await api.post<{ incidentId: string }>('/api/detections/manual', {
          title: title.trim(),
          note: note.trim(),
          category,
          severity,
          orgUnitId: unit,
          topicId,
        });
        id = r.incidentId;
      } else {
        const r = await api.post<IncidentDetail>('/api/incidents', {
          title: title.trim(),
          ...(note.trim() ? { summary: note.trim() } : {}),
          category,
          severity,
          responsibleOrgUnitId: unit,
        });
        id = r.id;
      }
      navigate(`/incidents/${id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <p className="backlink">
        <Link to="/">← {t('navIncidents')}</Link>
      </p>
      <h1>{t('declareTitle')}</h1>
      <p className="muted">{t('declareIntro')}</p>
      <form className="form-grid panel panel-body" onSubmit={submit}>
        <Field label={t('declareName')} id="declare-title" wide>
          <input
            id="declare-title"
            required
            minLength={5}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Field>
        <Field label={t('declareNote')} id="declare-note" wide>
          <textarea
            id="declare-note"
            rows={4}
            minLength={topicId ? 10 : 0}
            required={Boolean(topicId)}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
        <CategorySeverityFields
          idPrefix="declare"
          category={category}
          severity={severity}
          onCategory={setCategory}
          onSeverity={setSeverity}
        />
        <Field label={t('declareUnit')} id="declare-unit">
          <UnitSelect id="declare-unit" value={unit} onChange={setUnit} />
        </Field>
        <Field label={t('declareTopic')} id="declare-topic">
          <select id="declare-topic" value={topicId} onChange={(e) => setTopicId(e.target.value)}>
            <option value="">{t('declareNoTopic')}</option>
            {(topics.data ?? []).map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="wide button-row">
          <SubmitButton busy={busy} label={t('declareSubmit')} disabled={!unit} />
        </div>
        <FormError error={error} />
      </form>
    </div>
  );
}
