/**
 * Fills `{{name}}` placeholders of a playbook template. A placeholder without a value stays visible as
 * `[…: label]` so the drafter sees what is left to fill; an unknown name stays as written.
 */
export const PLACEHOLDER_LABELS: Record<string, string> = {
  don_vi: 'tên đơn vị',
  don_vi_cap_tren: 'đơn vị cấp trên',
  nguoi_phat_ngon: 'họ tên người phát ngôn',
  chuc_vu_nguoi_phat_ngon: 'chức vụ người phát ngôn',
  lien_he_nguoi_phat_ngon: 'điện thoại, thư điện tử người phát ngôn',
  thoi_gian: 'thời gian',
  ngay: 'ngày tháng năm',
  dia_danh: 'địa danh',
  su_co: 'tên sự cố',
  ma_su_co: 'mã sự cố',
  tom_tat: 'tóm tắt sự việc',
  su_kien_da_xac_minh: 'các sự kiện đã xác minh',
  cap_nhat_tiep_theo: 'thời điểm cập nhật tiếp theo',
};

export type PlaceholderValues = Partial<Record<keyof typeof PLACEHOLDER_LABELS, string | null>>;

export function fillPlaceholders(
  template: string,
  values: PlaceholderValues,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => {
    const label = PLACEHOLDER_LABELS[name];
    if (!label) return whole;
    const value = values[name];
    if (value === undefined || value === null || value.trim() === '') {
      missing.add(name);
      return `[…: ${label}]`;
    }
    return value;
  });
  return { text: text.normalize('NFC'), missing: [...missing] };
}

const VN_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** "14 giờ 30 ngày 02/12/2026" in Vietnam time (UTC+7, no daylight saving). */
export function timeVi(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return (
    `${two(d.getUTCHours())} giờ ${two(d.getUTCMinutes())} ` +
    `ngày ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
  );
}

/** "ngày 02 tháng 12 năm 2026" in Vietnam time, as administrative documents write the date. */
export function dateVi(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return `ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}
