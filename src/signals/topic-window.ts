import { fieldError, validationFailed } from '../common/validation.js';

const DAY_MS = 24 * 3600_000;
export const MAX_WINDOW_DAYS = 31;

/** [from, to) of a read on a topic: default the last 24 hours, at most MAX_WINDOW_DAYS. */
export function topicWindow(
  query: { from?: string; to?: string },
  now = new Date(),
): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw validationFailed(
      [fieldError('from', 'range', 'from: phải trước to')],
      'Khoảng thời gian không hợp lệ: from phải trước to',
    );
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw validationFailed(
      [fieldError('from', 'range', `from: khoảng thời gian tối đa ${MAX_WINDOW_DAYS} ngày`)],
      `Khoảng thời gian tối đa ${MAX_WINDOW_DAYS} ngày`,
    );
  }
  return { from, to };
}
