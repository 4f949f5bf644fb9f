/**
 * The measures of the administrative form (Nghị định 30/2020/NĐ-CP, Phụ lục I) that every renderer uses: A4,
 * margins, type sizes, the width of the heading's two columns. Millimetres and points here; each renderer converts.
 */
export const PAGE_MM = { width: 210, height: 297 };
/** Top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };
export const SIZE_PT = {
  body: 14,
  heading: 12,
  nation: 12.5,
  motto: 13,
  title: 14,
  subtitle: 14,
  recipientsLabel: 12,
  recipients: 11,
  table: 11,
  pageNumber: 13,
  footer: 8,
};
/** Share of the text width taken by the left column (issuer, number); the right one holds the Quốc hiệu. */
export const LEFT_COLUMN_SHARE = 0.42;
/** Room left for the hand signature and seal between the title and the name. */
export const SIGNATURE_SPACE_PT = 64;
export const FONT_FAMILY = 'Times New Roman';
