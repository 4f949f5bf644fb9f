/**
 * The headings the shipped statement templates start with, laid out as administrative documents are: the
 * governing body and the issuing unit (with the number and, for a letter, its subject), the national motto, place
 * and date.
 */
function heading(unitBlock: string[], after: string[]): string {
  return [
    '**{{don_vi_cap_tren}}**',
    '**{{don_vi}}**',
    ...unitBlock,
    '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**',
    '**Độc lập - Tự do - Hạnh phúc**',
    '*{{dia_danh}}, {{ngay}}*',
    ...after,
  ].join('\n\n');
}

/** A named document (thông tin ban đầu, thông cáo báo chí, …), with its number line when it has one. */
export function documentHeading(documentName: string, numberLine?: string): string {
  return heading(numberLine ? [numberLine] : [], [`## ${documentName}`]);
}

/** An official letter (công văn): number and subject ("V/v …") under the unit, no document name. */
export function letterHeading(subject: string): string {
  return heading(['Số: …/…', `V/v ${subject}`], []);
}
