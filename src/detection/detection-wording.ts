/** Numbers as the evidence stores them, and the topic's usual level in plain Vietnamese words. */

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The topic's usual level in plain words: "bình thường khoảng 12 đề cập mỗi 5 phút", or for a topic nobody
 * talked about, that it was quiet ("trước đó gần như không có thảo luận"): never "gấp 3000 lần mức nền (0)".
 */
export function usualLevel(meanPerBucket: number, bucketMinutes: number, negative = false): string {
  if (meanPerBucket < 0.5)
    return negative ? 'trước đó gần như không có ý kiến tiêu cực' : 'trước đó gần như không có thảo luận';
  const per = Math.max(1, Math.round(meanPerBucket));
  return `bình thường khoảng ${per} đề cập${negative ? ' tiêu cực' : ''} mỗi ${bucketMinutes} phút`;
}

/** "gấp khoảng 8 lần bình thường" when the usual level is meaningful (at least one per bucket), else "". */
export function timesUsual(observed: number, meanPerBucket: number): string {
  if (meanPerBucket < 1) return '';
  const ratio = observed / meanPerBucket;
  return ratio >= 2 ? `, gấp khoảng ${Math.round(ratio)} lần bình thường` : '';
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
