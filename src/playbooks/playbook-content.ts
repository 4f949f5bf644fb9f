import type { PlaybookContent } from '../contracts/playbooks.js';

/**
 * What one playbook version (cẩm nang xử lý) says is written in the contracts (src/contracts/playbooks.ts): stored
 * as JSONB in `playbook_versions.content`; versions are immutable, a change is a new version. Shipped playbooks
 * live in `shipped/`; admins and leaders add their own.
 *
 * Statement templates are Markdown. Placeholders in double braces, filled on apply:
 * {{don_vi}} responsible unit's name · {{don_vi_cap_tren}} its parent unit · {{nguoi_phat_ngon}} spokesperson's
 * name · {{chuc_vu_nguoi_phat_ngon}} title · {{lien_he_nguoi_phat_ngon}} phone and e-mail · {{thoi_gian}} now,
 * "14 giờ 30 ngày 02/12/2026" (Vietnam time) · {{ngay}} "ngày 02 tháng 12 năm 2026" · {{dia_danh}} place name ·
 * {{su_co}} incident title · {{ma_su_co}} incident code · {{tom_tat}} incident summary (title and summary only of
 * an incident a person declared) · {{su_kien_da_xac_minh}} bulleted list of the verified facts ·
 * {{cap_nhat_tiep_theo}} next update time (+ hours). A placeholder with no value is left visible as "[…]" so the
 * drafter sees what to fill. The heading (agency, number, Quốc hiệu, place and date) and the signature are not
 * part of the template: the official document draws them, and the date is the day of issue (publication), so a
 * template never writes its own issue time.
 */
export type {
  PlaybookContent,
  PlaybookRoleRequirement,
  PlaybookStage,
  PlaybookStatementTemplate,
  PlaybookTask,
} from '../contracts/playbooks.js';

/** A playbook as shipped with the product: a stable key and its first version. */
export interface ShippedPlaybook {
  key: string;
  title: string;
  content: PlaybookContent;
}
