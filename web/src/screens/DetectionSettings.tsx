import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { itemsOf } from '../api/client.js';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Spinner } from '../components/common.js';
import { navigate } from '../router.js';
import { detectionApi, dt } from './detection-shared.js';
import type { DetectionText } from './detection-shared.js';
import type { DetectionThresholds } from '../../../src/contracts/index.js';

/**
 * The thresholds a person tunes most (the API accepts all of them; see src/detection/README.md). The service
 * checks every value and names the field it refuses; the browser's own step check is off (`step="any"`).
 */
const FIELDS: { key: keyof DetectionThresholds; min: number; max?: number }[] = [
  { key: 'negativeSpikeZ', min: 1, max: 1000 },
  { key: 'negativeSpikeMinCount', min: 1 },
  { key: 'negativeSpikeMinShare', min: 0.05, max: 1 },
  { key: 'trendMinAuthors', min: 1 },
  { key: 'trendMinShare', min: 0.05, max: 1 },
  { key: 'trendMinCount', min: 1 },
  { key: 'trendSignificance', min: 1, max: 1000 },
  { key: 'tractionMinMentions', min: 1 },
  { key: 'tractionMinOutlets', min: 1 },
  { key: 'tractionMinNewVoices', min: 0 },
  { key: 'authorityOpenReachThreshold', min: 1 },
  { key: 'coalesceMinutes', min: 0, max: 1440 },
  { key: 'coldStartHours', min: 0, max: 720 },
  { key: 'coldStartOpenCount', min: 1 },
  { key: 'spikeZ', min: 1, max: 1000 },
];

/** One threshold per row: its name, then its value (kept here: the shared stylesheet stays as it is). */
const FIELD_ROW = {
  display: 'grid',
  gridTemplateColumns: 'minmax(16rem, 32rem) 10rem',
  gap: '0.75rem',
  alignItems: 'center',
  marginBottom: '0.5rem',
} as const;

/** Detection thresholds per unit: the unit's own, a parent's, or the defaults; saving writes the unit's own row. */
export function DetectionSettingsScreen({ unitId }: { unitId?: string }) {
  const { api, lang, user } = useApp();
  const calls = detectionApi(api);
  const units = useAsync(() => api.orgUnits(), []);
  const effective = useAsync(() => (unitId ? calls.effective(unitId) : Promise.resolve(null)), [unitId]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canEdit = user.roles.some((r) => r === 'admin' || r === 'leader');

  useEffect(() => {
    const th = effective.data?.thresholds;
    if (th) setValues(Object.fromEntries(FIELDS.map((f) => [f.key, String(th[f.key] ?? '')])));
  }, [effective.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!unitId) return;
    setError(null);
    try {
      const changed = Object.fromEntries(
        FIELDS.filter((f) => String(effective.data?.thresholds[f.key]) !== values[f.key]).map((f) => [
          f.key,
          Number(values[f.key]),
        ]),
      );
      await calls.saveSettings(unitId, changed);
      await effective.reload();
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };

  const from = effective.data
    ? effective.data.fromOrgUnitId === null
      ? dt(lang, 'fromDefault')
      : effective.data.fromOrgUnitId === unitId
        ? dt(lang, 'fromOwn')
        : dt(lang, 'fromParent')
    : '';

  return (
    <div className="page detection-settings">
      <h1>{dt(lang, 'settingsTitle')}</h1>
      <p className="muted">{dt(lang, 'settingsIntro')}</p>
      <label>
        {dt(lang, 'unit')}{' '}
        <select
          value={unitId ?? ''}
          onChange={(e) =>
            navigate(e.target.value ? `/detection-settings/${e.target.value}` : '/detection-settings')
          }
        >
          <option value="">—</option>
          {units.data &&
            itemsOf(units.data).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </label>
      <ErrorNote error={units.error} />
      {unitId && effective.loading && !effective.data && <Spinner />}
      <ErrorNote error={effective.error} />
      {effective.data && (
        <form className="panel settings-form" noValidate onSubmit={(e) => void save(e)}>
          <div className="panel-body">
            <p>
              {dt(lang, 'from')}: <strong>{from}</strong>
            </p>
            {FIELDS.map((f) => (
              <label key={f.key} className="field" style={FIELD_ROW}>
                <span>{dt(lang, `field_${f.key}` as DetectionText)}</span>
                <input
                  type="number"
                  name={f.key}
                  step="any"
                  min={f.min}
                  max={f.max}
                  disabled={!canEdit}
                  value={values[f.key] ?? ''}
                  onChange={(e) => {
                    setSaved(false);
                    setValues((v) => ({ ...v, [f.key]: e.target.value }));
                  }}
                />
              </label>
            ))}
            <ErrorNote error={error} />
            {saved && <p role="status">{dt(lang, 'saved')}</p>}
            {canEdit && (
              <button type="submit" className="primary">
                {dt(lang, 'save')}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
