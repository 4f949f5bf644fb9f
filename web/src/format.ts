import type { Lang } from './i18n.js';

/** Times are shown in Vietnam time, whatever the device's zone: deadlines are set in Vietnamese law. */
const ZONE = 'Asia/Ho_Chi_Minh';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

export function formatDate(isoDate: string | null | undefined, lang: Lang): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
}

/** A span in the two largest units: "3 giờ 12 phút", "2 days 4 h". */
export function formatDuration(ms: number, lang: Lang): string {
  const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const u =
    lang === 'vi'
      ? { d: 'ngày', h: 'giờ', m: 'phút', s: 'giây' }
      : { d: days === 1 ? 'day' : 'days', h: 'h', m: 'min', s: 's' };
  if (days) return `${days} ${u.d} ${hours} ${u.h}`;
  if (hours) return `${hours} ${u.h} ${minutes} ${u.m}`;
  if (minutes) return `${minutes} ${u.m} ${seconds} ${u.s}`;
  return `${seconds} ${u.s}`;
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** Today in Vietnam as YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}

/** A share (0–1) as a percentage with one decimal, "93,3 %" in Vietnamese (as the documents write it). */
export function formatPercent(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  const n = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${n.format(share * 100)}\u00a0%`;
}
