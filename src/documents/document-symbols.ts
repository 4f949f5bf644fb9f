/**
 * Abbreviations of the number and symbol ("Số: 12/TB-UBND") of Nghị định 30/2020/NĐ-CP, Phụ lục III:
 * the document type (BC báo cáo, TB thông báo, TC thông cáo, …; a letter has none) and the issuing body.
 */
export const DOCUMENT_TYPE_CODES = {
  report: 'BC',
  notice: 'TB',
  communique: 'TC',
  plan: 'KH',
  minutes: 'BB',
  decision: 'QĐ',
  /** Công văn: no type abbreviation, a "V/v" subject line instead of a title. */
  letter: '',
} as const;

export type DocumentTypeCode = (typeof DOCUMENT_TYPE_CODES)[keyof typeof DOCUMENT_TYPE_CODES];

/** The register key of a letter (an empty type code would read as "no type" in the register). */
export const LETTER_REGISTER_TYPE = 'CV';

export const registerTypeOf = (code: string) => code || LETTER_REGISTER_TYPE;

const COMMITTEE_TYPES = new Set(['province', 'provincial_committee', 'district', 'commune_ward']);

/** A unit as the directory gives it (only what the symbol and the signature need). */
export interface IssuerUnit {
  name: string;
  shortName: string | null;
  unitType: string;
}

const stripMarks = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');

/**
 * The issuer's abbreviation: a People's Committee is "UBND"; otherwise the initials of its short name, keeping
 * words already abbreviated ("Sở Y tế" → "SYT", "Sở VHTTDL" → "SVHTTDL", "Sở KH&CN" → "SKHCN", "Công an tỉnh"
 * → "CAT"). Đ keeps its bar, as in "HĐND".
 */
export function issuerCode(unit: IssuerUnit): string {
  if (COMMITTEE_TYPES.has(unit.unitType)) return 'UBND';
  // Without a short name, the name without its territory ("Sở Y tế tỉnh An Hòa" → "Sở Y tế").
  const name = unit.shortName || unit.name.replace(/\s+(tỉnh|thành phố|xã|phường|đặc khu)\s.*$/iu, '');
  const words = name.split(/\s+/).filter(Boolean);
  const code = words
    .map((w) => {
      const letters = w.replace(/[^\p{L}\p{N}]/gu, '');
      if (letters.length > 1 && letters === letters.toLocaleUpperCase('vi-VN')) return letters;
      return letters.charAt(0).toLocaleUpperCase('vi-VN');
    })
    .join('');
  // NFD leaves Đ whole (it is a letter, not D with a mark), so it keeps its bar.
  return stripMarks(code).toUpperCase();
}

/** Who signs for a unit: the collective body a committee's head signs on behalf of, and the head's title. */
export function headOf(unit: IssuerUnit): { collectiveBody: string | null; headTitle: string } {
  if (COMMITTEE_TYPES.has(unit.unitType)) return { collectiveBody: 'Ủy ban nhân dân', headTitle: 'Chủ tịch' };
  if (unit.unitType === 'party_board') return { collectiveBody: null, headTitle: 'Trưởng ban' };
  if (unit.unitType === 'press_agency') return { collectiveBody: null, headTitle: 'Tổng Biên tập' };
  if (['department', 'police_unit', 'press_centre'].includes(unit.unitType))
    return { collectiveBody: null, headTitle: 'Giám đốc' };
  return { collectiveBody: null, headTitle: 'Thủ trưởng' };
}

/**
 * The governing body's line above the issuer: none for a People's Committee under its own province or commune
 * (the territory is not an agency: "Tỉnh An Hòa" above "Ủy ban nhân dân tỉnh An Hòa" would say it twice).
 */
export function parentAgencyLine(parent: IssuerUnit | null): string {
  if (!parent || parent.unitType === 'province') return '';
  // A committee above a department is written short, as documents do ("UBND TỈNH AN HÒA").
  if (COMMITTEE_TYPES.has(parent.unitType)) return parent.name.replace(/^Ủy ban nhân dân/iu, 'UBND');
  return parent.name;
}

const NBSP = '\u00a0';
/** Where a unit name may break: before the territory ("tỉnh An Hòa"), after a comma, before "và". */
const NAME_BREAKS = /\s+(?=(?:tỉnh|thành phố|xã|phường|đặc khu|và)\s)|(?<=,)\s+/giu;

/**
 * A unit name whose spaces are no-break except at its natural breaks, so a renderer that must wrap it splits
 * "ỦY BAN NHÂN DÂN / TỈNH AN HÒA", never "TỈNH AN / HÒA".
 */
export function keepNameTogether(name: string): string {
  const marker = '\u0001';
  return name.replace(NAME_BREAKS, marker).replace(/ /g, NBSP).replace(new RegExp(marker, 'g'), ' ');
}

/** Text whose every space is no-break (dates, "Số: …" lines): it moves to the next line whole. */
export const unbreakable = (s: string) => s.replace(/ /g, NBSP);

/**
 * Dates and times glued to the word before them ("ngày 31/12/2026", "lúc 14:30", "14:30 03/12/2026"), so a line
 * never ends on "đến ngày" with the date alone below.
 */
export function keepDatesTogether(text: string): string {
  return text
    .replace(/(ngày|tháng|năm|lúc|hồi|từ|đến) (?=\d)/giu, `$1${NBSP}`)
    .replace(/(\d{1,2}:\d{2}) (?=\d{1,2}\/\d{1,2}\/\d{4})/g, `$1${NBSP}`);
}
