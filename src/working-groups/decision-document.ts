import MarkdownIt from 'markdown-it';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { CATEGORY_LABEL_VI, SEVERITY_LABEL_VI } from '../incidents/incident-types.js';
import type { WorkingGroupRole } from './entities/working-group-role.entity.js';

export interface DecisionInput {
  incident: Incident;
  unitName: string;
  members: {
    role: string;
    status: string;
    person: { fullName?: string; position?: string; orgUnit?: { name: string } | null };
  }[];
  roles: WorkingGroupRole[];
  /** YYYY-MM-DD, Vietnam time. */
  today: string;
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Escapes what Markdown would read as markup inside table cells and text taken from the database. */
const esc = (s: string) => s.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\n/g, ' ');

/**
 * "Quyết định thành lập Tổ công tác" (Chỉ thị 07/CT-TTg, 3.đ), in the layout of Vietnamese administrative
 * decisions: heading, legal basis, articles listing members, roles and duties. Markdown, rendered to HTML with
 * markdown-it.
 */
export function decisionMarkdown(input: DecisionInput): string {
  const { incident, unitName, today } = input;
  const [y, m, d] = today.split('-');
  const roleByKey = new Map(input.roles.map((r) => [r.key, r]));
  const ordered = [...input.members].sort(
    (a, b) => (roleByKey.get(a.role)?.sortOrder ?? 99) - (roleByKey.get(b.role)?.sortOrder ?? 99),
  );
  const rows = ordered.map((mbr, i) => {
    const role = roleByKey.get(mbr.role);
    const who = mbr.person;
    return (
      `| ${i + 1} | ${esc(who.fullName ?? '')} | ${esc(who.position ?? '')}` +
      ` | ${esc(who.orgUnit?.name ?? '')} | ${esc(role?.nameVi ?? mbr.role)}` +
      `${mbr.status === 'invited' ? ' (chờ xác nhận)' : ''} |`
    );
  });
  const usedRoles = [...new Set(ordered.map((mbr) => mbr.role))]
    .map((k) => roleByKey.get(k))
    .filter((r): r is WorkingGroupRole => Boolean(r))
    .sort((a, b) => a.sortOrder - b.sortOrder);
  return [
    `**${esc(unitName.toUpperCase())}**`,
    '',
    '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ',
    '**Độc lập – Tự do – Hạnh phúc**',
    '',
    `Số: …/QĐ · Ngày ${d} tháng ${m} năm ${y}`,
    '',
    '# QUYẾT ĐỊNH',
    '',
    `## Về việc thành lập Tổ công tác xử lý sự cố, khủng hoảng truyền thông: ${esc(incident.title)}`,
    '',
    `Căn cứ Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác thông tin, ` +
      'truyền thông chính sách, điểm 3.đ (thành lập tổ công tác xử lý sự cố, khủng hoảng truyền thông);',
    '',
    'Căn cứ Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính phủ quy định chi tiết việc phát ngôn và cung cấp ' +
      'thông tin cho báo chí của các cơ quan hành chính nhà nước;',
    '',
    `Xét tính chất sự cố ${esc(incident.code)} (${esc(CATEGORY_LABEL_VI[incident.category] ?? incident.category)}, ` +
      `mức ${SEVERITY_LABEL_VI[incident.severity]}),`,
    '',
    '### QUYẾT ĐỊNH:',
    '',
    `**Điều 1.** Thành lập Tổ công tác xử lý sự cố, khủng hoảng truyền thông "${esc(incident.title)}" gồm các thành viên sau:`,
    '',
    '| STT | Họ và tên | Chức vụ | Đơn vị | Vai trò trong Tổ |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '**Điều 2.** Nhiệm vụ của các thành viên:',
    '',
    ...usedRoles.map((r) => `- **${esc(r.nameVi)}**: ${esc(r.duties)}`),
    '',
    'Tổ công tác tự giải thể sau khi sự cố được xử lý xong và báo cáo kết quả.',
    '',
    `**Điều 3.** Quyết định có hiệu lực kể từ ngày ký. Thủ trưởng ${esc(unitName)} và các thành viên có tên tại ` +
      'Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    '',
  ].join('\n');
}

export function renderDecision(input: DecisionInput, format: 'md' | 'html') {
  const md = decisionMarkdown(input);
  if (format === 'md') return { contentType: 'text/markdown; charset=utf-8', body: md };
  const title = `Quyết định thành lập Tổ công tác – ${input.incident.code}`;
  const html =
    `<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>${markdown.utils.escapeHtml(title)}</title></head>\n` +
    `<body>\n${markdown.render(md)}</body>\n</html>\n`;
  return { contentType: 'text/html; charset=utf-8', body: html };
}
