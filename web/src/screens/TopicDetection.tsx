import { useState } from 'react';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Spinner } from '../components/common.js';
import { detectionApi, dt } from './detection-shared.js';
import { WatchCard } from './WatchList.js';

/**
 * A topic's detection page: how far its rooms could be trusted over 90 days (precision from false-alarm labels),
 * the thresholds that would have avoided the false alarms (applied only by an analyst or a leader, on purpose),
 * and its watch signals.
 */
export function TopicDetectionScreen({ topicId }: { topicId: string }) {
  const { api, lang, user } = useApp();
  const calls = detectionApi(api);
  const quality = useAsync(() => calls.quality(topicId), [topicId]);
  const signals = useAsync(() => calls.watchSignals({ topicId, limit: 50 }), [topicId]);
  const [applied, setApplied] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canApply = user.roles.some((r) => r === 'analyst' || r === 'leader' || r === 'admin');
  const canAct = user.roles.some((r) => r === 'leader' || r === 'officer');
  const q = quality.data;

  const apply = async (setting: string) => {
    setError(null);
    try {
      await calls.apply(topicId, setting);
      setApplied(setting);
      await quality.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="page topic-detection">
      <h1>{q ? q.topicName : dt(lang, 'qualityTitle')}</h1>
      {quality.loading && !q && <Spinner />}
      <ErrorNote error={quality.error} onRetry={() => void quality.reload()} />
      {q && (
        <section className="panel" aria-labelledby="quality-title">
          <header className="panel-header">
            <h2 id="quality-title">{dt(lang, 'qualityTitle')}</h2>
          </header>
          <div className="panel-body">
            <p className="muted">{dt(lang, 'qualityIntro', { days: q.days })}</p>
            <dl className="facts">
              <dt>{dt(lang, 'roomsOpened')}</dt>
              <dd>{q.roomsOpened}</dd>
              <dt>{dt(lang, 'falseAlarms')}</dt>
              <dd>{q.falseAlarms}</dd>
              <dt>{dt(lang, 'precision')}</dt>
              <dd data-testid="precision">
                {q.precision === null ? dt(lang, 'noRooms') : `${Math.round(q.precision * 100)}%`}
              </dd>
            </dl>
            <h3>{dt(lang, 'suggestionsTitle')}</h3>
            <p className="small muted">{dt(lang, 'applyHint')}</p>
            {!q.suggestions.length && <p>{dt(lang, 'suggestionsNone')}</p>}
            <ul>
              {q.suggestions.map((s) => (
                <li key={s.setting} data-setting={s.setting}>
                  <span className="badge">{s.ruleLabel}</span>{' '}
                  {dt(lang, 'suggestionText', {
                    setting: s.settingLabel,
                    current: s.current.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN'),
                    suggested: s.suggested.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN'),
                    avoids: s.avoids,
                    wouldMiss: s.wouldMiss,
                  })}{' '}
                  {canApply && (
                    <button type="button" className="primary" onClick={() => void apply(s.setting)}>
                      {dt(lang, 'apply')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {applied && <p role="status">{dt(lang, 'applied')}</p>}
            <ErrorNote error={error} />
          </div>
        </section>
      )}
      <section aria-labelledby="topic-signals">
        <h2 id="topic-signals">{dt(lang, 'signalsOfTopic')}</h2>
        {signals.loading && !signals.data && <Spinner />}
        <ErrorNote error={signals.error} />
        {signals.data && !signals.data.items.length && <p className="muted">{dt(lang, 'watchEmpty')}</p>}
        <ul className="cards watch-cards">
          {signals.data?.items.map((w) => (
            <WatchCard
              key={w.id}
              signal={w}
              canAct={canAct}
              onDone={(next) => {
                signals.setData(
                  (prev) => prev && { ...prev, items: prev.items.map((x) => (x.id === next.id ? next : x)) },
                );
                void quality.reload();
              }}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
