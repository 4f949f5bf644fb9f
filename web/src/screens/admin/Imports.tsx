import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  ImportMapping,
  ImportPreview,
  SignalImportDetail,
  SignalImportJob,
  SignalSource,
} from '../../api/admin-types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import type { MessageKey } from '../../i18n.js';
import { Field, FormError, SubmitButton, useSubmit } from './fields.js';
import { DATE_FORMATS, MAPPABLE_FIELDS } from '../../../../src/contracts/signal-imports.js';
import type { DateFormat, MappableField } from '../../../../src/contracts/signal-imports.js';

/** An import as uploaded (no row errors yet) or as read back with its first row errors. */
type ImportJob = SignalImportJob & Partial<Pick<SignalImportDetail, 'errors'>>;

const FIELDS = MAPPABLE_FIELDS;
const SOURCE_TYPES = ['social', 'online_news', 'print', 'radio_tv', 'forum', 'video'];

/** Usual Vietnamese and English header words of listening-platform exports, for a first guess of the mapping. */
const GUESSES: [RegExp, (typeof FIELDS)[number]][] = [
  [/^(noi dung|content|text|message|bai viet)/, 'text'],
  [/^(tieu de|title|headline)/, 'title'],
  [/(link|url|duong dan)/, 'url'],
  [/(thoi gian|ngay dang|ngay|published|date|time)/, 'publishedAt'],
  [/(tac gia|author|nguoi dang)/, 'author'],
  [/(loai nguon|source type|^loai)/, 'sourceType'],
  [/(kenh|trang|outlet|nguon|page|channel)/, 'outlet'],
  [/(nen tang|platform|mang xa hoi)/, 'platform'],
  [/(sac thai|sentiment|cam xuc)/, 'sentiment'],
  [/(tiep can|reach|luot xem|views)/, 'reach'],
  [/(tuong tac|reactions|luot thich|likes)/, 'reactions'],
  [/(binh luan|comments)/, 'comments'],
  [/(chia se|shares)/, 'shares'],
  [/(nguoi theo doi|followers)/, 'followers'],
  [/^(id|ma)$/, 'externalId'],
];
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();

function guessMapping(headers: string[]): ImportMapping {
  const columns: ImportMapping['columns'] = {};
  for (const h of headers) {
    const f = fold(h);
    const hit = GUESSES.find(([re, field]) => re.test(f) && !columns[field]);
    if (hit) columns[hit[1]] = h;
  }
  return { columns, dateFormat: 'dd/MM/yyyy HH:mm', utcOffset: '+07:00', defaultSourceType: 'social' };
}

const shown = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Importing a listening platform's CSV/XLSX export: upload, map the columns once per source, preview, import. */
export function ImportsAdmin() {
  const { api, t, lang } = useApp();
  const sources = useAsync(
    async () => (await api.get<SignalSource[]>('/api/signal-sources')).filter((s) => s.active),
    [],
  );
  const [sourceId, setSourceId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const history = useAsync(
    async () =>
      sourceId ? api.get<SignalImportJob[]>('/api/signal-imports', { sourceId }) : Promise.resolve([]),
    [sourceId],
  );
  const uploading = useSubmit();
  const previewing = useSubmit();
  const starting = useSubmit();

  const upload = (e: FormEvent) => {
    e.preventDefault();
    if (!file || !sourceId) return;
    void uploading.run(async () => {
      const form = new FormData();
      form.append('sourceId', sourceId);
      form.append('file', file, file.name);
      const made = await api.postForm<SignalImportJob>('/api/signal-imports', form);
      const saved = await api.get<{ mapping: ImportMapping | null }>(
        `/api/signal-sources/${sourceId}/import-mapping`,
      );
      setJob(made);
      setPreview(null);
      setMapping(saved.mapping ?? guessMapping(made.headers));
    });
  };
  const runPreview = () =>
    previewing.run(async () => {
      setPreview(await api.post<ImportPreview>(`/api/signal-imports/${job!.id}/preview`, { mapping }));
    });
  const start = () =>
    starting.run(async () => {
      setJob(await api.post<SignalImportDetail>(`/api/signal-imports/${job!.id}/start`, { mapping }));
    });

  // Progress: the job's counts move while it runs.
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(() => {
      void api.get<SignalImportDetail>(`/api/signal-imports/${job.id}`).then((next) => {
        setJob(next);
        if (next.status !== 'running') void history.reload();
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [job?.id, job?.status]);

  const setColumn = (field: MappableField, header: string) =>
    setMapping((m) => {
      if (!m) return m;
      const columns = { ...m.columns };
      if (header) columns[field] = header;
      else delete columns[field];
      return { ...m, columns };
    });

  return (
    <>
      <section className="panel" aria-labelledby="import-upload">
        <header className="panel-header">
          <h2 id="import-upload">{t('importUpload')}</h2>
        </header>
        <form className="panel-body form-grid" onSubmit={upload}>
          <Field label={t('importSource')} id="import-source">
            <select
              id="import-source"
              required
              value={sourceId}
              onChange={(e) => setSourceId(e.target.value)}
            >
              <option value="">—</option>
              {(sources.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('importFile')} id="import-file">
            <input
              id="import-file"
              type="file"
              required
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Field>
          <p className="small muted wide">{t('importFileHint')}</p>
          <SubmitButton busy={uploading.busy} label={t('importUploadButton')} disabled={!file || !sourceId} />
          <FormError error={uploading.error} />
        </form>
      </section>

      {job && mapping && (
        <section className="panel" aria-labelledby="import-mapping">
          <header className="panel-header">
            <h2 id="import-mapping">{t('importMapping', { file: job.fileName })}</h2>
          </header>
          <div className="panel-body">
            <p className="small muted">{t('importMappingHint')}</p>
            <div className="form-grid mapping-grid">
              {FIELDS.map((f) => (
                <Field key={f} label={t(`importField_${f}` as MessageKey)} id={`map-${f}`}>
                  <select
                    id={`map-${f}`}
                    value={mapping.columns[f] ?? ''}
                    onChange={(e) => setColumn(f, e.target.value)}
                  >
                    <option value="">{t('importNoColumn')}</option>
                    {job.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </Field>
              ))}
              <Field label={t('importDateFormat')} id="map-date-format">
                <select
                  id="map-date-format"
                  value={mapping.dateFormat}
                  onChange={(e) => setMapping({ ...mapping, dateFormat: e.target.value as DateFormat })}
                >
                  {DATE_FORMATS.map((d) => (
                    <option key={d} value={d}>
                      {d === 'iso' ? 'ISO 8601' : d}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('importOffset')} id="map-offset">
                <input
                  id="map-offset"
                  value={mapping.utcOffset}
                  pattern="[+-]\d{2}:\d{2}"
                  maxLength={6}
                  onChange={(e) => setMapping({ ...mapping, utcOffset: e.target.value })}
                />
              </Field>
              <Field label={t('importDefaultType')} id="map-type">
                <select
                  id="map-type"
                  value={mapping.defaultSourceType}
                  onChange={(e) => setMapping({ ...mapping, defaultSourceType: e.target.value })}
                >
                  {SOURCE_TYPES.map((s) => (
                    <option key={s} value={s}>
                      {t(`reportSourceType_${s}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <div className="button-row">
              <button type="button" disabled={previewing.busy} onClick={() => void runPreview()}>
                {t('importPreview')}
              </button>
              <button
                type="button"
                className="primary"
                disabled={starting.busy || job.status !== 'uploaded'}
                onClick={() => void start()}
              >
                {t('importStart')}
              </button>
            </div>
            <FormError error={previewing.error ?? starting.error} />
          </div>
        </section>
      )}

      {preview && (
        <section className="panel" aria-labelledby="import-preview">
          <header className="panel-header">
            <h2 id="import-preview">{t('importPreviewTitle', { n: preview.rows.length })}</h2>
          </header>
          <div className="panel-body table-scroll">
            {preview.mappingProblems.map((p) => (
              <p key={p.reason} className="error-text" role="alert">
                {p.reason}
              </p>
            ))}
            <table className="data-table compact" data-testid="import-preview">
              <thead>
                <tr>
                  <th scope="col">{t('importRow')}</th>
                  <th scope="col">{t('importBecomes')}</th>
                  <th scope="col">{t('importWhen')}</th>
                  <th scope="col">{t('importOutletSentiment')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.rowNumber} className={r.errors.length ? 'row-error' : undefined}>
                    <td>{r.rowNumber}</td>
                    {r.errors.length ? (
                      <td colSpan={3}>
                        {r.errors.map((e) => (
                          <div key={`${e.column}|${e.reason}`} className="error-text">
                            {e.column ? `${e.column}: ` : ''}
                            {e.reason}
                          </div>
                        ))}
                      </td>
                    ) : (
                      <>
                        <td>
                          <strong>{shown(r.item?.title)}</strong> {shown(r.item?.text).slice(0, 140)}
                          {r.item?.url ? <div className="small muted">{shown(r.item.url)}</div> : null}
                        </td>
                        <td>{r.item?.publishedAt ? formatDateTime(shown(r.item.publishedAt), lang) : '—'}</td>
                        <td>
                          {shown(r.item?.outlet)}
                          {r.item?.sentiment
                            ? ` · ${t(`sentiment_${shown(r.item.sentiment)}` as MessageKey)}`
                            : ''}
                          {r.item?.reach !== undefined
                            ? ` · ${t('importReachN', { n: shown(r.item.reach) })}`
                            : ''}
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {job && job.status !== 'uploaded' && (
        <section className="panel" aria-labelledby="import-progress" aria-live="polite">
          <header className="panel-header">
            <h2 id="import-progress">{t(`importStatus_${job.status}` as MessageKey)}</h2>
          </header>
          <div className="panel-body">
            <p data-testid="import-counts">
              {t('importCounts', {
                rows: job.rowsRead,
                accepted: job.accepted,
                duplicates: job.duplicates,
                rejected: job.rejected,
              })}
            </p>
            {job.fatalError && (
              <p className="error-text" role="alert">
                {t('importFatal', { reason: job.fatalError })}
              </p>
            )}
            {job.errors && job.errors.length > 0 && (
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('importRow')}</th>
                    <th scope="col">{t('importColumn')}</th>
                    <th scope="col">{t('importReason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.rowNumber}</td>
                      <td>{e.column ?? '—'}</td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </section>
      )}

      {sourceId && (history.data ?? []).length > 0 && (
        <section className="panel" aria-labelledby="import-history">
          <header className="panel-header">
            <h2 id="import-history">{t('importHistory')}</h2>
          </header>
          <ErrorNote error={history.error} />
          <table className="data-table compact panel-body">
            <tbody>
              {(history.data ?? []).map((h) => (
                <tr key={h.id}>
                  <td>{h.fileName}</td>
                  <td>{formatDateTime(h.createdAt, lang)}</td>
                  <td>{t(`importStatus_${h.status}` as MessageKey)}</td>
                  <td>
                    {t('importCounts', {
                      rows: h.rowsRead,
                      accepted: h.accepted,
                      duplicates: h.duplicates,
                      rejected: h.rejected,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
