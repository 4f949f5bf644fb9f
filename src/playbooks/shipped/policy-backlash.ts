// Long file: one shipped playbook written as data (its steps, checklists and message templates, read in order);
// split, one guide would be scattered over several files.
import type { ShippedPlaybook } from '../playbook-content.js';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { PublicationChannel, StatementType } from '../../statements/statement-types.js';

/** Cẩm nang 2: phản ứng của dư luận với chính sách, quy định mới (đã ban hành hoặc đang lấy ý kiến). */
export const policyBacklash: ShippedPlaybook = {
  key: 'policy-backlash',
  title: 'Phản ứng của dư luận với chính sách mới',
  content: {
    summary:
      'Xử lý làn sóng phản ứng, thắc mắc hoặc hiểu sai về một chính sách, quy định, đề án mới hay dự thảo: lắng nghe và ' +
      'phân loại ý kiến, giải thích rõ mục tiêu, căn cứ, đối tượng chịu tác động, tiếp thu ý kiến hợp lý và thông tin điều chỉnh (nếu có).',
    categories: [IncidentCategory.PolicyBacklash],
    severityMin: Severity.L1,
    severityMax: Severity.L4,
    triggers: {
      keywords: [
        'chính sách mới',
        'quy định mới',
        'bức xúc',
        'phản đối',
        'bất hợp lý',
        'bất cập',
        'kiến nghị',
        'thu phí',
        'tăng phí',
        'học phí',
        'giá dịch vụ',
        'thu hồi đất',
        'bồi thường',
        'giải phóng mặt bằng',
        'dự thảo',
        'lấy ý kiến',
        'thiếu minh bạch',
        'sắp xếp',
        'sáp nhập',
      ],
    },
    stages: [
      {
        key: 'detect_assess',
        title: 'Phát hiện, lắng nghe và phân loại ý kiến',
        tasks: [
          {
            title: 'Tổng hợp và phân nhóm ý kiến',
            description:
              'Chia thành: (1) hiểu sai, thiếu thông tin; (2) thắc mắc chính đáng về cách thực hiện; (3) phản đối có cơ sở; ' +
              '(4) xuyên tạc, kích động. Ghi số lượng, nguồn, ví dụ tiêu biểu cho từng nhóm.',
            dueAfterMinutes: 60,
            role: 'monitoring_analyst',
          },
          {
            title: 'Xác định văn bản, nội dung chính sách bị phản ứng',
            description:
              'Số hiệu, ngày ban hành, ngày hiệu lực, cơ quan tham mưu, đối tượng áp dụng; đang là dự thảo lấy ý kiến hay đã ' +
              'ban hành; điều, khoản cụ thể bị phản ánh.',
            dueAfterMinutes: 90,
            role: 'drafter',
          },
          {
            title: 'Đánh giá cấp độ, báo cáo lãnh đạo',
            description:
              'Xem xét phạm vi đối tượng chịu tác động, nguy cơ khiếu kiện đông người, tụ tập; chính sách của Trung ương ' +
              'thì báo cáo để cơ quan ban hành cùng thông tin.',
            dueAfterMinutes: 120,
            role: 'team_leader',
          },
        ],
      },
      {
        key: 'activate_team',
        title: 'Kích hoạt Tổ công tác',
        tasks: [
          {
            title: 'Triệu tập Tổ công tác cùng đơn vị tham mưu chính sách',
            description:
              'Bắt buộc có chuyên viên trực tiếp soạn thảo chính sách và pháp chế; thống nhất người phát ngôn duy nhất.',
            dueAfterMinutes: 180,
            role: 'team_leader',
          },
          {
            title: 'Phối hợp Ban Tuyên giáo và Dân vận, Mặt trận Tổ quốc',
            description:
              'Thống nhất định hướng thông tin; nắm tâm tư, nguyện vọng qua Mặt trận, đoàn thể và chính quyền xã, phường.',
            dueAfterMinutes: 240,
            role: 'party_propaganda_liaison',
          },
        ],
      },
      {
        key: 'establish_facts',
        title: 'Xác lập căn cứ và nội dung chính sách',
        tasks: [
          {
            title: 'Lập bảng căn cứ, mục tiêu và tác động',
            description:
              'Căn cứ pháp lý; quá trình lấy ý kiến đã thực hiện; số đối tượng được hưởng, chịu tác động; lộ trình áp dụng; ' +
              'chính sách hỗ trợ, chuyển tiếp; so sánh với quy định trước đây.',
            dueAfterMinutes: 300,
            role: 'drafter',
          },
          {
            title: 'Rà soát pháp lý các điểm bị phản ánh',
            description:
              'Nếu phát hiện điểm chưa phù hợp, báo cáo ngay hướng xử lý (hướng dẫn thực hiện, tạm dừng, sửa đổi) để thông điệp ' +
              'không mâu thuẫn với quyết định sau đó.',
            dueAfterMinutes: 360,
            role: 'legal_reviewer',
          },
          {
            title: 'Lãnh đạo quyết định thông điệp chính',
            description:
              'Giữ nguyên, hướng dẫn thêm, hay tiếp thu điều chỉnh; chỉ cam kết những gì đã được cấp có thẩm quyền quyết định.',
            dueAfterMinutes: 420,
            role: 'approving_leader',
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
              'Dùng mẫu "Thông tin ban đầu"; ngôn ngữ dễ hiểu, có ví dụ cụ thể cho người chịu tác động.',
            dueAfterMinutes: 480,
            role: 'drafter',
          },
          {
            title: 'Phê duyệt và công bố thông tin ban đầu',
            description:
              'Đăng Cổng thông tin điện tử, trang mạng xã hội chính thức, gửi cơ quan báo chí; đề nghị hệ thống truyền thanh ' +
              'cơ sở phát lại. Hạn chót pháp lý: 24 giờ.',
            dueAfterMinutes: 600,
            role: 'spokesperson',
          },
          {
            title: 'Soạn bộ hỏi - đáp về chính sách',
            description:
              'Trả lời các câu hỏi thường gặp theo từng nhóm đối tượng; dùng cho người phát ngôn, bộ phận một cửa, tổng đài.',
            dueAfterMinutes: 1440,
            role: 'drafter',
          },
          {
            title: 'Phát hành thông cáo báo chí, tổ chức họp báo hoặc đối thoại',
            description:
              'Với L3 trở lên: họp báo hoặc thông tin tại giao ban báo chí; tổ chức đối thoại với đại diện người dân chịu tác động.',
            dueAfterMinutes: 2880,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'monitor_update',
        title: 'Theo dõi, tiếp thu và cập nhật',
        tasks: [
          {
            title: 'Đo chuyển biến dư luận sau công bố',
            description: 'So sánh lượng thảo luận và tỷ lệ tiêu cực; xác định câu hỏi mới chưa được trả lời.',
            dueAfterMinutes: 1440,
            role: 'monitoring_analyst',
          },
          {
            title: 'Trả lời các câu hỏi của báo chí',
            description: 'Trả lời bằng văn bản hoặc trực tiếp, thống nhất với bộ hỏi - đáp đã phê duyệt.',
            dueAfterMinutes: 2880,
            role: 'press_liaison',
          },
          {
            title: 'Công bố kết quả tiếp thu, điều chỉnh (nếu có)',
            description: 'Thông tin công khai ý kiến nào được tiếp thu, lý do chưa tiếp thu các ý kiến khác.',
            dueAfterMinutes: 10080,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'close_review',
        title: 'Kết thúc, rút kinh nghiệm',
        tasks: [
          {
            title: 'Báo cáo kết quả và bài học về truyền thông chính sách',
            description:
              'Đánh giá việc truyền thông trước, trong và sau khi ban hành theo Chỉ thị 07/CT-TTg; nguyên nhân dư luận hiểu sai.',
            dueAfterMinutes: 20160,
            role: 'scribe',
          },
          {
            title: 'Kiến nghị hoàn thiện chính sách và kế hoạch truyền thông',
            dueAfterMinutes: 20160,
            role: 'team_leader',
          },
        ],
      },
    ],
    roleRequirements: [
      {
        role: 'drafter',
        count: 1,
        required: true,
        sources: [{ from: 'responsible_unit', tags: ['drafting'] }],
        reason:
          'Chuyên viên của đơn vị tham mưu, soạn thảo chính sách: nắm căn cứ, số liệu đánh giá tác động để giải thích chính xác.',
      },
      {
        role: 'legal_reviewer',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'legal_review', tags: ['legal'] },
          { from: 'responsible_unit', tags: ['legal'] },
        ],
        reason:
          'Đối chiếu tính hợp pháp, hợp lý của các điểm bị phản ánh trước khi khẳng định hay cam kết điều chỉnh.',
      },
      {
        role: 'monitoring_analyst',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'social_listening', tags: ['monitoring'] },
          { from: 'responsible_unit', tags: ['monitoring'] },
        ],
        reason: 'Phân nhóm ý kiến, phát hiện câu hỏi mới và đo hiệu quả sau mỗi lần thông tin.',
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
          'Ban Tuyên giáo và Dân vận định hướng thông tin, phối hợp Mặt trận và đoàn thể nắm tâm tư, vận động nhân dân.',
      },
      {
        role: 'press_liaison',
        count: 1,
        required: false,
        sources: [
          { from: 'capability', capability: 'press_centre', tags: ['press_liaison'] },
          { from: 'responsible_unit', tags: ['press_liaison'] },
        ],
        reason: 'Trung tâm Báo chí tổ chức họp báo, giao ban báo chí và tiếp nhận câu hỏi của phóng viên.',
      },
    ],
    statementTemplates: [
      {
        type: StatementType.HoldingStatement,
        title: 'Thông tin ban đầu về chính sách được dư luận quan tâm',
        channels: [PublicationChannel.Portal, PublicationChannel.SocialPage, PublicationChannel.PressOutlets],
        body: `Thời gian qua, dư luận và báo chí quan tâm, phản ánh về nội dung sau:

{{tom_tat}}

{{don_vi}} trân trọng các ý kiến đóng góp và thông tin ban đầu như sau:

**1. Nội dung chính sách**

- Văn bản: [số hiệu, ngày ban hành, cơ quan ban hành; hoặc "dự thảo đang lấy ý kiến đến ngày …"];
- Thời điểm áp dụng: [ngày hiệu lực, lộ trình];
- Đối tượng áp dụng: [nhóm đối tượng]; đối tượng không thuộc phạm vi điều chỉnh: [nêu rõ để tránh hiểu nhầm].

**2. Những nội dung đã được xác minh (tính đến thời điểm phát hành)**

{{su_kien_da_xac_minh}}

**3. Mục tiêu và căn cứ**

[Chính sách nhằm giải quyết vấn đề gì; căn cứ pháp lý; ý kiến đã được lấy từ các đối tượng nào, khi nào.]

**4. Làm rõ thông tin chưa chính xác**

[Nêu từng thông tin đang bị hiểu sai và nội dung đúng, kèm ví dụ tính toán cụ thể nếu liên quan đến tiền, phí, mức hỗ trợ.]

**5. Tiếp nhận ý kiến và bước tiếp theo**

{{don_vi}} đang tổng hợp đầy đủ các ý kiến phản ánh để nghiên cứu, báo cáo cấp có thẩm quyền xem xét. Người dân, tổ chức có thể gửi ý kiến qua [địa chỉ, thư điện tử, đường dây nóng, bộ phận một cửa]. Kết quả tiếp thu sẽ được thông tin công khai.

Thông tin tiếp theo sẽ được cung cấp trước {{cap_nhat_tiep_theo}}.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.QaSheet,
        title: 'Hỏi - đáp về chính sách',
        channels: [PublicationChannel.Portal, PublicationChannel.PressBriefing],
        body: `## HỎI - ĐÁP

### Về {{su_co}}

*(Tài liệu dùng cho người phát ngôn, bộ phận một cửa, tổng đài và đăng công khai sau khi được phê duyệt)*

**Câu 1. Chính sách này quy định những gì, áp dụng từ khi nào?**

Trả lời: [Tóm tắt nội dung chính, số hiệu văn bản, ngày hiệu lực, lộ trình.]

**Câu 2. Ai chịu tác động, ai không chịu tác động?**

Trả lời: [Nêu cụ thể từng nhóm; các trường hợp được miễn, giảm, hỗ trợ.]

**Câu 3. Vì sao phải ban hành chính sách này?**

Trả lời: [Vấn đề thực tiễn cần giải quyết, số liệu, căn cứ pháp lý.]

**Câu 4. Người dân đã được lấy ý kiến chưa?**

Trả lời: [Thời gian, hình thức, số ý kiến đã nhận, nội dung đã tiếp thu.]

**Câu 5. Thông tin "[nội dung đang lan truyền]" có đúng không?**

Trả lời: [Khẳng định đúng, sai hoặc đúng một phần và giải thích.]

**Câu 6. Nếu gặp khó khăn khi thực hiện, người dân liên hệ ở đâu?**

Trả lời: [Bộ phận một cửa xã, phường; đường dây nóng; thư điện tử; thời gian tiếp nhận.]

**Câu 7. Chính sách có được điều chỉnh không?**

Trả lời: {{don_vi}} đang tổng hợp đầy đủ ý kiến để báo cáo cấp có thẩm quyền xem xét; kết quả sẽ được thông tin công khai. [Không cam kết nội dung chưa được quyết định.]

---

Đầu mối: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}} – {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.PressRelease,
        title: 'Thông cáo báo chí về chính sách',
        channels: [
          PublicationChannel.Portal,
          PublicationChannel.PressOutlets,
          PublicationChannel.PressConference,
        ],
        body: `**1. Bối cảnh**

{{tom_tat}}

**2. Những nội dung đã được làm rõ**

{{su_kien_da_xac_minh}}

**3. Tổng hợp ý kiến của người dân, doanh nghiệp**

Từ ngày [..] đến ngày [..], {{don_vi}} đã tiếp nhận [số] ý kiến qua [các kênh]. Các nhóm ý kiến chính: [tóm tắt].

**4. Kết quả tiếp thu, giải trình**

- Nội dung được tiếp thu, điều chỉnh: [nêu cụ thể, thời điểm áp dụng];
- Nội dung giữ nguyên và lý do: [giải trình];
- Hướng dẫn thực hiện, hỗ trợ đối tượng chịu tác động: [nêu cụ thể].

**5. Các bước tiếp theo**

[Lịch đối thoại, thời điểm ban hành văn bản hướng dẫn, kênh tiếp nhận phản ánh.]

{{don_vi}} cảm ơn các cơ quan báo chí, người dân và doanh nghiệp đã quan tâm, góp ý và mong tiếp tục nhận được sự đồng hành trong quá trình tổ chức thực hiện.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}

Thông tin tiếp theo: {{cap_nhat_tiep_theo}}.
`,
      },
    ],
    holdingLines: [
      '{{don_vi}} ghi nhận và trân trọng các ý kiến của người dân, doanh nghiệp; các ý kiến đang được tổng hợp đầy đủ để nghiên cứu, báo cáo cấp có thẩm quyền.',
      '{{don_vi}} sẽ thông tin đầy đủ về mục tiêu, căn cứ và cách thức thực hiện chính sách trước {{cap_nhat_tiep_theo}}.',
      'Đề nghị người dân tìm hiểu nội dung chính sách qua Cổng thông tin điện tử của {{don_vi}}; mọi thắc mắc xin liên hệ người phát ngôn: {{lien_he_nguoi_phat_ngon}}.',
      'Thông tin chính thức về chính sách chỉ được cung cấp qua người phát ngôn và Cổng thông tin điện tử của {{don_vi}}.',
    ],
    legalReferences: [
      'Chỉ thị 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách (truyền thông chính sách trong quá trình xây dựng và thực hiện; điểm 3.đ: Tổ công tác xử lý sự cố, khủng hoảng truyền thông)',
      'Nghị định 09/2017/NĐ-CP, Điều 4 (các hình thức phát ngôn và cung cấp thông tin cho báo chí: họp báo, đăng trên cổng thông tin, thông cáo, trả lời bằng văn bản, giao ban báo chí)',
      'Nghị định 09/2017/NĐ-CP, Điều 6 (phát ngôn và cung cấp thông tin cho báo chí trong trường hợp đột xuất, bất thường)',
      'Luật Báo chí 2025 (Luật số 126/2025/QH15, hiệu lực 01/7/2026): cung cấp thông tin cho báo chí là nghĩa vụ của cơ quan nhà nước',
    ],
    guidanceMarkdown: `### Mục tiêu
Để người dân hiểu đúng chính sách, thấy ý kiến của mình được lắng nghe, và phân biệt phản biện chính đáng với xuyên tạc.

### Cần làm
- **Lắng nghe trước khi giải thích**: phân nhóm ý kiến; phần lớn phản ứng đến từ thiếu thông tin hoặc lo ngại về cách thực hiện, không phải phản đối mục tiêu.
- **Giải thích bằng ví dụ cụ thể**: một hộ gia đình, một doanh nghiệp sẽ nộp bao nhiêu, được hỗ trợ gì, từ ngày nào.
- **Để đơn vị tham mưu chính sách cung cấp nội dung**, người phát ngôn là người nói; mọi con số phải khớp với văn bản.
- **Thừa nhận điểm chưa hợp lý (nếu có)** và nói rõ cách xử lý, thời hạn; cầu thị tạo niềm tin hơn là bảo vệ bằng mọi giá.
- Phối hợp **Ban Tuyên giáo và Dân vận**, Mặt trận Tổ quốc và chính quyền xã, phường để nắm tình hình cơ sở, nhất là khi có nguy cơ khiếu kiện đông người.
- Công bố bộ hỏi - đáp để bộ phận một cửa, tổng đài trả lời thống nhất.

### Tuyệt đối không
- Không hứa dừng, sửa đổi chính sách khi cấp có thẩm quyền chưa quyết định.
- Không quy chụp người góp ý là "kích động", "thế lực xấu"; chỉ đề nghị xử lý nội dung vi phạm pháp luật rõ ràng (qua Công an tỉnh).
- Không đổ lỗi cho cơ quan cấp trên hoặc đơn vị khác trước báo chí.
- Không dùng thuật ngữ pháp lý khó hiểu thay cho lời giải thích.
- Không để nhiều cán bộ phát biểu khác nhau; ý kiến cá nhân trên mạng xã hội cũng là "tiếng nói của cơ quan" trong mắt dư luận.

### Sau sự cố
Đưa vào kế hoạch truyền thông chính sách: lần sau phải truyền thông ngay từ khi xây dựng dự thảo, như Chỉ thị 07/CT-TTg yêu cầu.
`,
  },
};
