import type { Signature } from './official-document.js';

/**
 * The signature block of Nghị định 30/2020/NĐ-CP (Phụ lục I, mục 8) from who signs:
 * - the head signs with the head's title ("GIÁM ĐỐC"); a collective body's head signs on its behalf
 *   ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH");
 * - a deputy signs for the head ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), under "TM." for a collective body;
 * - an acting head signs "Q. GIÁM ĐỐC";
 * - anyone else signs by order of the head ("TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG").
 */
export interface SignerInput {
  /** The collective body the head signs for ("ỦY BAN NHÂN DÂN"), or null for a body led by one head. */
  collectiveBody: string | null;
  /** The head's title ("Chủ tịch", "Giám đốc"). */
  headTitle: string;
  /** The signer's position as the directory records it ("Phó Chủ tịch Ủy ban nhân dân tỉnh"), or null. */
  position: string | null;
  fullName: string | null;
}

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/** The core title of a position: "Thượng tá, Phó Giám đốc Công an tỉnh" → { acting, deputy, title: "Giám đốc" }. */
export function parsePosition(position: string): { acting: boolean; deputy: boolean; title: string } {
  const core = position.includes(',')
    ? position.slice(position.lastIndexOf(',') + 1).trim()
    : position.trim();
  const m = /^(Quyền\s+)?(Phó\s+)?(.*)$/iu.exec(core)!;
  return { acting: Boolean(m[1]), deputy: Boolean(m[2]), title: m[3] };
}

const sameTitle = (title: string, head: string) =>
  title.toLocaleLowerCase('vi-VN').startsWith(head.toLocaleLowerCase('vi-VN'));

export function signatureFor(input: SignerInput): Signature {
  const head = upper(input.headTitle);
  const collective = input.collectiveBody ? [`TM. ${upper(input.collectiveBody)}`] : [];
  if (!input.position) return { authority: collective, title: head, name: input.fullName };
  const p = parsePosition(input.position);
  const isHeadTitle = sameTitle(p.title, input.headTitle);
  if (isHeadTitle && p.deputy) {
    return { authority: [...collective, `KT. ${head}`], title: `PHÓ ${head}`, name: input.fullName };
  }
  if (isHeadTitle && p.acting)
    return { authority: [...collective], title: `Q. ${head}`, name: input.fullName };
  if (isHeadTitle) return { authority: collective, title: head, name: input.fullName };
  // The head of an office or division signs by the head's order ("TL."), with their own title; anyone else
  // signs with the title they hold.
  const office = OFFICE_TITLES.exec(p.title);
  const own = upper(`${p.acting ? 'Quyền ' : ''}${p.deputy ? 'Phó ' : ''}${office ? office[1] : p.title}`);
  return { authority: office ? [`TL. ${head}`] : [], title: own, name: input.fullName };
}

/** Titles of those who sign by order of the head (thừa lệnh): the heads of its office and divisions. */
const OFFICE_TITLES = /^(Chánh Văn phòng|Trưởng phòng|Chánh Thanh tra)/iu;

/** True when a position is the head's own title (head, deputy or acting head), so the unit's authority applies. */
export function holdsHeadTitle(position: string, headTitle: string): boolean {
  return sameTitle(parsePosition(position).title, headTitle);
}
