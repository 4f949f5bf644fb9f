import { useI18n } from '../app-context.js';
import { formatTime } from '../format.js';

export interface VolumePoint {
  /** Start of the window (epoch ms). */
  start: number;
  volume: number;
  negative: number;
}

const W = 400;
const H = 120;
const PAD = { left: 2, right: 2, top: 4, bottom: 2 };

/** Mention volume per window as SVG bars (negative share darker); the figures are also given as text. */
export function MentionChart({ points, windowMinutes }: { points: VolumePoint[]; windowMinutes: number }) {
  const { t, lang } = useI18n();
  if (!points.length) return <p className="muted">{t('chartNoData')}</p>;
  const max = Math.max(1, ...points.map((p) => p.volume));
  const total = points.reduce((n, p) => n + p.volume, 0);
  const first = points[0].start;
  const last = points[points.length - 1].start + windowMinutes * 60_000;
  const span = Math.max(last - first, 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = Math.max(2, (plotW * windowMinutes * 60_000) / span - 1);
  const x = (ms: number) => PAD.left + ((ms - first) / span) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const summary = t('chartSummary', { total, max, minutes: windowMinutes });
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('chartTitle')}: ${summary}`}>
        <line x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} className="axis" />
        {points
          .filter((p) => p.volume > 0)
          .map((p) => (
            <g key={p.start}>
              <rect
                x={x(p.start)}
                y={y(p.volume)}
                width={barW}
                height={PAD.top + plotH - y(p.volume)}
                className="bar"
              >
                <title>{`${formatTime(new Date(p.start).toISOString(), lang)}: ${p.volume}`}</title>
              </rect>
              {p.negative > 0 && (
                <rect
                  x={x(p.start)}
                  y={y(p.negative)}
                  width={barW}
                  height={PAD.top + plotH - y(p.negative)}
                  className="bar-negative"
                />
              )}
            </g>
          ))}
      </svg>
      <div className="chart-axis small" aria-hidden="true">
        <span>{formatTime(new Date(first).toISOString(), lang)}</span>
        <span>
          {t('chartMax')}: {max}
        </span>
        <span>{formatTime(new Date(last).toISOString(), lang)}</span>
      </div>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}
