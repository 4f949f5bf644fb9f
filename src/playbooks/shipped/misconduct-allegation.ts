import type { ShippedPlaybook } from '../playbook-content.js';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { PublicationChannel, StatementType } from '../../statements/statement-types.js';

/** Cẩm nang 5: cáo buộc cán bộ, công chức sai phạm, tham nhũng, tiêu cực hoặc ứng xử không đúng mực. */
export const misconductAllegation: ShippedPlaybook = {
  key: 'misconduct-allegation',
  title: 'Cáo buộc cán bộ sai phạm, tham nhũng, ứng xử không đúng mực',
  content: {
    summary:
      'Xử lý bài viết, clip, đơn thư lan truyền phản ánh cán bộ, công chức có dấu hiệu sai phạm, tham nhũng, tiêu cực hoặc ứng xử ' +
      'thiếu chuẩn mực: tiếp nhận cầu thị, giao cơ quan có thẩm quyền xác minh, không bao che, không kết luận trước, bảo vệ người phản ánh.',
    categories: [IncidentCategory.MisconductAllegation],
    severityMin: Severity.L2,
    severityMax: Severity.L4,
    triggers: {
      keywords: [
        'tham nhũng',
        'tiêu cực',
        'sai phạm',
        'nhận hối lộ',
        'vòi vĩnh',
        'ăn chặn',
        'bao che',
        'lạm quyền',
        'nhũng nhiễu',
        'gây khó dễ',
        'hách dịch',
        'lợi ích nhóm',
        'chạy chức',
        'tố cáo',
        'đơn thư',
        'văn hóa công vụ',
        'ứng xử thiếu chuẩn mực',
        'say xỉn',
        'đánh người',
      ],
    },
    stages: [
      {
        key: 'detect_verify',
        title: 'Tiếp nhận, xác minh ban đầu và phân loại',
        tasks: [
          {
            title: 'Lưu giữ nội dung phản ánh và chứng cứ kèm theo',
            description:
              'Bài viết, clip (bản đầy đủ nếu có), đơn thư, tài liệu được đăng kèm; thời điểm, tài khoản, mức độ lan truyền. ' +
              'Kiểm tra dấu hiệu cắt ghép, giả mạo tài liệu.',
            dueAfterMinutes: 60,
            role: 'monitoring_analyst',
          },
          {
            title: 'Xác định cán bộ, đơn vị liên quan và thẩm quyền xử lý',
            description:
              'Theo phân cấp quản lý cán bộ: cơ quan quản lý trực tiếp, thanh tra, cấp ủy và Ủy ban Kiểm tra (nếu là đảng viên); ' +
              'có dấu hiệu tội phạm thì chuyển cơ quan điều tra.',
            dueAfterMinutes: 120,
            role: 'legal_reviewer',
          },
          {
            title: 'Đánh giá cấp độ và xử lý xung đột lợi ích',
            description:
              'Người bị phản ánh không tham gia Tổ công tác, không duyệt văn bản về vụ việc; nếu là người đứng đầu đơn vị ' +
              'thì đề nghị cấp trên trực tiếp chỉ đạo và phê duyệt.',
            dueAfterMinutes: 180,
            role: 'team_leader',
          },
        ],
      },
      {
        key: 'activate_team',
        title: 'Kích hoạt Tổ công tác',
        tasks: [
          {
            title: 'Triệu tập Tổ công tác, thống nhất nguyên tắc thông tin',
            description: 'Một người phát ngôn; nội dung được phép cung cấp do pháp chế, thanh tra xác định.',
            dueAfterMinutes: 240,
            role: 'team_leader',
          },
          {
            title: 'Giao cơ quan có thẩm quyền xác minh, nêu thời hạn',
            description:
              'Văn bản giao thanh tra, kiểm tra hoặc tổ xác minh; thời hạn báo cáo; biện pháp tạm thời (tạm đình chỉ công tác, ' +
              'tạm điều chuyển) nếu cần để bảo đảm khách quan.',
            dueAfterMinutes: 360,
            role: 'approving_leader',
          },
          {
            title: 'Phối hợp cấp ủy, Ban Tuyên giáo và Dân vận',
            description:
              'Thống nhất định hướng thông tin; phối hợp Ủy ban Kiểm tra khi người bị phản ánh là đảng viên.',
            dueAfterMinutes: 360,
            role: 'party_propaganda_liaison',
          },
        ],
      },
      {
        key: 'establish_facts',
        title: 'Xác lập những nội dung đã rõ',
        tasks: [
          {
            title: 'Lập danh mục thông tin đã rõ và được cung cấp',
            description:
              'Chức vụ, nhiệm vụ được giao của cán bộ; quy trình, hồ sơ liên quan đến việc bị phản ánh; văn bản giao xác minh, ' +
              'thời hạn; biện pháp tạm thời đã áp dụng.',
            dueAfterMinutes: 420,
            role: 'drafter',
          },
          {
            title: 'Xác định nội dung chưa được cung cấp',
            description:
              'Nội dung đang thanh tra, xác minh, giải quyết tố cáo hoặc điều tra chưa có kết luận; thông tin cá nhân; bí mật ' +
              'nhà nước (Luật Báo chí 2025). Ghi rõ lý do để người phát ngôn giải thích khi từ chối.',
            dueAfterMinutes: 420,
            role: 'legal_reviewer',
          },
          {
            title: 'Bảo mật thông tin người phản ánh, tố cáo',
            description:
              'Không tiết lộ họ tên, địa chỉ, bút tích của người phản ánh; không để người bị phản ánh tiếp cận hồ sơ.',
            dueAfterMinutes: 420,
            role: 'legal_reviewer',
          },
        ],
      },
      {
        key: 'publish',
        title: 'Soạn thảo, phê duyệt, công bố',
        tasks: [
          {
            title: 'Soạn thông tin ban đầu',
            description:
              'Dùng mẫu "Thông tin ban đầu": đã tiếp nhận, đã giao xác minh, thời hạn, biện pháp tạm thời, kênh tiếp nhận.',
            dueAfterMinutes: 480,
            role: 'drafter',
          },
          {
            title: 'Rà soát pháp lý dự thảo',
            description:
              'Bảo đảm không kết luận trước, không nêu tên người phản ánh, không tiết lộ nội dung đang xác minh.',
            dueAfterMinutes: 600,
            role: 'legal_reviewer',
          },
          {
            title: 'Phê duyệt và công bố thông tin ban đầu',
            description: 'Người phê duyệt không phải là người bị phản ánh. Hạn chót pháp lý: 24 giờ.',
            dueAfterMinutes: 720,
            role: 'spokesperson',
          },
          {
            title: 'Trả lời bằng văn bản các câu hỏi của báo chí',
            dueAfterMinutes: 1440,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'monitor_update',
        title: 'Theo dõi và cập nhật tiến độ',
        tasks: [
          {
            title: 'Theo dõi dư luận, tiếp nhận phản ánh mới',
            description:
              'Phản ánh bổ sung chuyển cơ quan xác minh; thông tin cắt ghép nhằm bôi nhọ chuyển Công an tỉnh (PA05).',
            dueAfterMinutes: 1440,
            role: 'monitoring_analyst',
          },
          {
            title: 'Cập nhật tiến độ xác minh',
            description: 'Thông tin đúng hạn đã hẹn; nếu gia hạn xác minh thì nêu lý do và thời hạn mới.',
            dueAfterMinutes: 10080,
            role: 'spokesperson',
          },
          {
            title: 'Công bố kết quả xác minh, xử lý',
            description:
              'Khi có kết luận của cơ quan có thẩm quyền: kết quả, hình thức xử lý (nếu có), biện pháp chấn chỉnh; nếu chưa có ' +
              'kết luận đến hạn này thì thông tin tiến độ.',
            dueAfterMinutes: 20160,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'close_review',
        title: 'Kết thúc, rút kinh nghiệm',
        tasks: [
          {
            title: 'Đề nghị cải chính, khôi phục uy tín nếu phản ánh không đúng',
            description:
              'Khi kết luận cho thấy phản ánh không đúng: đề nghị cơ quan báo chí cải chính; đề nghị xử lý hành vi vu khống (nếu có).',
            dueAfterMinutes: 20160,
            role: 'press_liaison',
          },
          {
            title: 'Báo cáo kết quả và bài học kinh nghiệm',
            description:
              'Đánh giá việc tiếp nhận, tính khách quan, thời hạn thông tin; kiến nghị chấn chỉnh quy trình công vụ.',
            dueAfterMinutes: 30240,
            role: 'scribe',
          },
        ],
      },
    ],
    roleRequirements: [
      {
        role: 'legal_reviewer',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'inspection', tags: ['legal'] },
          { from: 'capability', capability: 'legal_review', tags: ['legal'] },
          { from: 'responsible_unit', tags: ['legal'] },
        ],
        reason:
          'Thanh tra hoặc pháp chế: xác định thẩm quyền xác minh, phạm vi thông tin được cung cấp khi vụ việc đang thanh tra, ' +
          'xác minh, giải quyết tố cáo chưa có kết luận, và bảo vệ người phản ánh.',
      },
      {
        role: 'monitoring_analyst',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'social_listening', tags: ['monitoring'] },
          { from: 'responsible_unit', tags: ['monitoring'] },
        ],
        reason: 'Lưu chứng cứ, phát hiện cắt ghép và các phản ánh bổ sung.',
      },
      {
        role: 'party_propaganda_liaison',
        count: 1,
        required: false,
        sources: [
          { from: 'capability', capability: 'party_propaganda', tags: ['propaganda_liaison'] },
          { from: 'responsible_unit', tags: ['propaganda_liaison'] },
        ],
        reason:
          'Phối hợp cấp ủy, Ban Tuyên giáo và Dân vận khi người bị phản ánh là đảng viên, cán bộ thuộc diện cấp ủy quản lý.',
      },
      {
        role: 'police_liaison',
        count: 1,
        required: false,
        sources: [
          { from: 'capability', capability: 'cyber_police', tags: ['police_liaison'] },
          { from: 'responsible_unit', tags: ['police_liaison'] },
        ],
        reason:
          'Công an tỉnh: chuyển vụ việc có dấu hiệu tội phạm; xác minh clip, tài liệu bị cắt ghép, giả mạo nhằm bôi nhọ cán bộ.',
      },
    ],
    statementTemplates: [
      {
        type: StatementType.HoldingStatement,
        title: 'Thông tin ban đầu về nội dung phản ánh cán bộ',
        channels: [PublicationChannel.Portal, PublicationChannel.PressOutlets],
        body: `Ngày [..], trên [mạng xã hội / báo …] xuất hiện thông tin phản ánh như sau:

{{tom_tat}}

{{don_vi}} tiếp nhận thông tin với tinh thần cầu thị và thông tin ban đầu như sau:

**1. Những nội dung đã được xác định (tính đến thời điểm phát hành)**

{{su_kien_da_xac_minh}}

**2. Các biện pháp đã triển khai**

- Ngày [..], [cấp có thẩm quyền] đã giao [cơ quan thanh tra, kiểm tra, tổ xác minh] xác minh toàn bộ nội dung phản ánh, báo cáo kết quả trước ngày [..];
- [Biện pháp tạm thời nếu có, ví dụ: tạm đình chỉ công tác hoặc tạm điều chuyển cán bộ liên quan để bảo đảm khách quan trong quá trình xác minh];
- Yêu cầu cán bộ liên quan báo cáo, giải trình bằng văn bản.

**3. Quan điểm của {{don_vi}}**

{{don_vi}} xác định xem xét khách quan, đúng quy định, không bao che; trường hợp có vi phạm sẽ xử lý nghiêm theo quy định. Trong thời gian xác minh, đề nghị các cơ quan báo chí, người dân không suy diễn, quy kết khi chưa có kết luận của cơ quan có thẩm quyền.

**4. Tiếp nhận thông tin**

Tổ chức, cá nhân có thông tin, tài liệu liên quan có thể cung cấp cho [cơ quan xác minh] qua [địa chỉ, thư điện tử, đường dây nóng]. Thông tin về người cung cấp được giữ bí mật theo quy định.

**5. Thông tin tiếp theo**

Kết quả xác minh sẽ được thông tin công khai ngay khi có kết luận; thông tin cập nhật tiếp theo trước {{cap_nhat_tiep_theo}}.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.PressAnswer,
        title: 'Trả lời báo chí bằng văn bản',
        channels: [PublicationChannel.PressOutlets],
        body: `Kính gửi: [Tên cơ quan báo chí], [họ tên phóng viên].

{{don_vi}} nhận được [văn bản, phiếu đề nghị cung cấp thông tin] ngày [..] của Quý cơ quan về vụ việc "{{su_co}}". {{don_vi}} trả lời như sau:

**Câu hỏi 1:** [nguyên văn câu hỏi]

**Trả lời:** [nội dung đã được xác định, kèm số hiệu văn bản.]

**Câu hỏi 2:** [nguyên văn câu hỏi]

**Trả lời:** Nội dung này đang được [cơ quan thanh tra, kiểm tra, xác minh] làm rõ, chưa có kết luận. Theo quy định của pháp luật, {{don_vi}} chưa cung cấp thông tin về nội dung đang xác minh; kết quả sẽ được thông tin khi có kết luận của cơ quan có thẩm quyền, dự kiến trước ngày [..].

**Thông tin đã xác định đến thời điểm trả lời:**

{{su_kien_da_xac_minh}}

Đầu mối cung cấp thông tin: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}; {{lien_he_nguoi_phat_ngon}}.

*Nơi nhận:* như trên; Sở Văn hóa, Thể thao và Du lịch (để biết); lưu hồ sơ.

**NGƯỜI PHÁT NGÔN**

*(Ký, ghi rõ họ tên)*
`,
      },
      {
        type: StatementType.PressRelease,
        title: 'Thông cáo báo chí về kết quả xác minh, xử lý',
        channels: [
          PublicationChannel.Portal,
          PublicationChannel.PressOutlets,
          PublicationChannel.PressConference,
        ],
        body: `### Về kết quả xác minh nội dung phản ánh: {{su_co}}

**1. Nội dung phản ánh**

{{tom_tat}}

**2. Quá trình xác minh**

Ngày [..], [cấp có thẩm quyền] giao [cơ quan] xác minh. Ngày [..], [cơ quan] đã ban hành [kết luận, báo cáo số …].

**3. Kết quả xác minh**

{{su_kien_da_xac_minh}}

- Nội dung phản ánh đúng: [nêu cụ thể];
- Nội dung phản ánh đúng một phần: [nêu cụ thể];
- Nội dung phản ánh không đúng: [nêu cụ thể].

**4. Hình thức xử lý và biện pháp chấn chỉnh**

[Hình thức kỷ luật, xử lý theo thẩm quyền (nếu có); kiến nghị chuyển cơ quan điều tra (nếu có); biện pháp khắc phục, chấn chỉnh quy trình công vụ; khôi phục quyền lợi cho người dân bị ảnh hưởng.]

**5. Quan điểm của {{don_vi}}**

[Cảm ơn người dân, cơ quan báo chí đã phản ánh; cam kết về kỷ luật, kỷ cương; nếu phản ánh không đúng: đề nghị cải chính, khôi phục uy tín cho cán bộ.]

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
    ],
    holdingLines: [
      '{{don_vi}} đã tiếp nhận thông tin phản ánh và đang chỉ đạo xác minh khách quan, đúng quy định; kết quả sẽ được thông tin công khai khi có kết luận của cơ quan có thẩm quyền.',
      'Quan điểm của {{don_vi}} là không bao che; trường hợp có vi phạm sẽ xử lý nghiêm theo quy định.',
      'Nội dung này đang được xác minh, chưa có kết luận; {{don_vi}} chưa thể cung cấp thông tin chi tiết và sẽ cập nhật trước {{cap_nhat_tiep_theo}}.',
      'Tổ chức, cá nhân có thông tin, tài liệu liên quan xin cung cấp cho cơ quan xác minh; danh tính người cung cấp được giữ bí mật theo quy định.',
    ],
    legalReferences: [
      'Chỉ thị 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách, điểm 3.đ (Tổ công tác xử lý sự cố, khủng hoảng truyền thông)',
      'Nghị định 09/2017/NĐ-CP, Điều 4 (các hình thức phát ngôn và cung cấp thông tin cho báo chí, gồm trả lời bằng văn bản và đề nghị cải chính)',
      'Nghị định 09/2017/NĐ-CP, Điều 6 (phát ngôn và cung cấp thông tin cho báo chí trong trường hợp đột xuất, bất thường)',
      'Luật Báo chí 2025 (Luật số 126/2025/QH15, hiệu lực 01/7/2026): được từ chối cung cấp thông tin về vụ việc đang điều tra, xét xử, đang thanh tra hoặc giải quyết khiếu nại, tố cáo chưa có kết luận, bí mật cá nhân, bí mật nhà nước',
    ],
    guidanceMarkdown: `### Mục tiêu
Cho thấy cơ quan tiếp nhận nghiêm túc, xử lý khách quan và minh bạch, đồng thời bảo vệ quyền của cả người phản ánh và cán bộ bị phản ánh.

### Cần làm
- **Phản hồi sớm, nói điều đã làm**: đã tiếp nhận, đã giao ai xác minh, thời hạn bao lâu, có biện pháp tạm thời nào. Im lặng sẽ bị hiểu là bao che.
- **Tách bạch truyền thông và xác minh**: Tổ công tác lo thông tin; thanh tra, kiểm tra hoặc cơ quan điều tra mới là bên kết luận.
- **Xử lý xung đột lợi ích**: người bị phản ánh và cấp dưới trực tiếp của họ không tham gia soạn, duyệt văn bản; nếu người đứng đầu bị phản ánh, cấp trên trực tiếp chỉ đạo và phê duyệt.
- **Giữ đúng hạn đã hẹn**; nếu gia hạn xác minh phải nói lý do và hạn mới.
- **Khi có kết luận, công bố đủ**: phần đúng, phần sai, hình thức xử lý; nếu phản ánh sai thì khôi phục uy tín cho cán bộ.
- Phối hợp **cấp ủy, Ủy ban Kiểm tra, Ban Tuyên giáo và Dân vận** với cán bộ là đảng viên.

### Tuyệt đối không
- Không nêu họ tên đầy đủ, hình ảnh cán bộ như "người vi phạm" trước khi có kết luận; không dùng từ "tham nhũng", "sai phạm" để khẳng định khi chưa kết luận.
- Không phủ nhận, bác bỏ ngay khi chưa xác minh; không thanh minh thay cho cán bộ.
- Không tiết lộ danh tính, thông tin cá nhân của người phản ánh, tố cáo; không gây áp lực, "làm việc" với người đăng bài để gỡ bài.
- Không công bố nội dung đang thanh tra, xác minh, điều tra chưa có kết luận.
- Không để cán bộ bị phản ánh tự trả lời báo chí hay đăng bài thanh minh trên trang cá nhân.

### Nâng cấp độ
Phản ánh liên quan lãnh đạo cấp tỉnh, số tiền lớn hoặc có dấu hiệu tội phạm: L3–L4, báo cáo cấp trên và cơ quan có thẩm quyền theo phân cấp quản lý cán bộ.
`,
  },
};
