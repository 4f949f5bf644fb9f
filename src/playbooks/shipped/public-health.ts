// Long file: one shipped playbook written as data (its steps, checklists and message templates, read in order);
// split, one guide would be scattered over several files.
import type { ShippedPlaybook } from '../playbook-content.js';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { PublicationChannel, StatementType } from '../../statements/statement-types.js';

/** Cẩm nang 4: sự cố y tế công cộng: dịch bệnh, ngộ độc thực phẩm, an toàn vắc xin, thuốc. */
export const publicHealth: ShippedPlaybook = {
  key: 'public-health',
  title: 'Sự cố y tế công cộng: dịch bệnh, ngộ độc thực phẩm, an toàn vắc xin',
  content: {
    summary:
      'Thông tin khi xuất hiện ổ dịch, ca bệnh truyền nhiễm nguy hiểm, vụ ngộ độc thực phẩm tập thể, phản ứng sau tiêm chủng ' +
      'hoặc tin đồn về thuốc, thực phẩm: ngành y tế là đầu mối chuyên môn, khuyến cáo rõ ràng, bảo vệ thông tin người bệnh.',
    categories: [IncidentCategory.PublicHealth],
    severityMin: Severity.L1,
    severityMax: Severity.L4,
    triggers: {
      keywords: [
        'ngộ độc',
        'ngộ độc thực phẩm',
        'ngộ độc tập thể',
        'bếp ăn tập thể',
        'dịch bệnh',
        'ổ dịch',
        'ca bệnh',
        'lây nhiễm',
        'sốt xuất huyết',
        'tay chân miệng',
        'sởi',
        'cúm',
        'vắc xin',
        'tiêm chủng',
        'phản ứng sau tiêm',
        'nhập viện',
        'cấp cứu',
        'thuốc giả',
        'an toàn thực phẩm',
        'bệnh viện',
      ],
    },
    stages: [
      {
        key: 'detect_verify',
        title: 'Tiếp nhận, xác minh và phân loại',
        tasks: [
          {
            title: 'Xác minh với Sở Y tế và cơ sở điều trị',
            description:
              'Số ca, thời điểm khởi phát, triệu chứng chính, nơi điều trị, tình trạng (nhẹ, nặng, tử vong); nguồn nghi ngờ ' +
              '(bữa ăn, cơ sở, lô vắc xin, ổ dịch).',
            dueAfterMinutes: 30,
            role: 'deputy',
          },
          {
            title: 'Ghi nhận thông tin đang lan truyền',
            description:
              'Số ca bị thổi phồng, hình ảnh người bệnh, "bài thuốc" chữa bệnh sai, lời kêu gọi tẩy chay cơ sở, quảng cáo ' +
              'thuốc, thực phẩm chức năng lợi dụng sự cố; lưu đường dẫn và ảnh chụp.',
            dueAfterMinutes: 60,
            role: 'monitoring_analyst',
          },
          {
            title: 'Đánh giá cấp độ, báo cáo cấp trên',
            description:
              'Bệnh truyền nhiễm nguy hiểm, ca tử vong, liên quan trường học, vắc xin hoặc nhiều tỉnh: L3–L4; báo cáo để ' +
              'Bộ Y tế và cấp trên thống nhất thông tin (Nghị định 09/2017/NĐ-CP, Điều 6).',
            dueAfterMinutes: 90,
            role: 'team_leader',
          },
        ],
      },
      {
        key: 'activate_team',
        title: 'Kích hoạt Tổ công tác cùng ngành y tế',
        tasks: [
          {
            title: 'Kích hoạt Tổ công tác với đại diện ngành y tế',
            description:
              'Sở Y tế (Trung tâm Kiểm soát bệnh tật, cơ quan an toàn thực phẩm, bệnh viện điều trị); với trường học có ' +
              'thêm cơ quan giáo dục; thống nhất người phát ngôn.',
            dueAfterMinutes: 120,
            role: 'team_leader',
          },
          {
            title: 'Thống nhất đầu mối chuyên môn và số liệu',
            description:
              'Chỉ Sở Y tế chốt số ca, kết quả xét nghiệm, nhận định chuyên môn; bệnh viện không công bố riêng.',
            dueAfterMinutes: 150,
            role: 'deputy',
          },
        ],
      },
      {
        key: 'establish_facts',
        title: 'Xác lập sự thật chuyên môn',
        tasks: [
          {
            title: 'Chốt số liệu ca bệnh theo mốc giờ',
            description:
              'Số ca mắc, nhập viện, nặng, tử vong, xuất viện; không thu thập vào hồ sơ truyền thông họ tên, địa chỉ, ' +
              'hình ảnh người bệnh.',
            dueAfterMinutes: 240,
            role: 'deputy',
          },
          {
            title: 'Soạn nội dung khuyến cáo chuyên môn',
            description:
              'Triệu chứng cần đi khám, nơi khám, đường dây nóng; biện pháp phòng bệnh; với vắc xin: lợi ích, phản ứng ' +
              'thường gặp, dấu hiệu cần đến cơ sở y tế.',
            dueAfterMinutes: 300,
            role: 'drafter',
          },
          {
            title: 'Xác định nguồn, nguyên nhân và thời điểm có kết quả xét nghiệm',
            description:
              'Mẫu đã lấy, cơ quan xét nghiệm, dự kiến thời gian có kết quả; biện pháp tạm thời đã áp dụng (tạm dừng cơ sở, ' +
              'tạm ngừng sử dụng lô vắc xin, khoanh vùng ổ dịch).',
            dueAfterMinutes: 480,
            role: 'drafter',
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
              'Dùng mẫu "Thông tin ban đầu"; tách rõ điều đã xác định và điều đang chờ kết quả xét nghiệm.',
            dueAfterMinutes: 300,
            role: 'drafter',
          },
          {
            title: 'Rà soát chuyên môn và pháp lý',
            description:
              'Đại diện ngành y tế duyệt nội dung chuyên môn; pháp chế rà soát việc nêu tên cơ sở kinh doanh (chỉ nêu khi ' +
              'đã có căn cứ) và bảo vệ thông tin người bệnh.',
            dueAfterMinutes: 390,
            role: 'legal_reviewer',
          },
          {
            title: 'Phê duyệt và công bố thông tin ban đầu',
            description:
              'Hạn chót pháp lý: 24 giờ; với ca tử vong, trường học, vắc xin: mục tiêu trong 6 giờ.',
            dueAfterMinutes: 480,
            role: 'spokesperson',
          },
          {
            title: 'Phát hành thông cáo báo chí khi có kết quả xét nghiệm',
            description: 'Nguyên nhân đã xác định, kết quả điều trị, biện pháp xử lý cơ sở vi phạm (nếu có).',
            dueAfterMinutes: 2880,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'monitor_update',
        title: 'Theo dõi, cập nhật và bác bỏ tin đồn',
        tasks: [
          {
            title: 'Bác bỏ tin đồn, thông tin chữa bệnh sai',
            description:
              'Đăng cải chính kèm khuyến cáo của ngành y tế; quảng cáo thuốc, thực phẩm sai sự thật, lừa đảo bán thuốc chuyển ' +
              'Công an tỉnh (PA05) đề nghị gỡ bỏ.',
            dueAfterMinutes: 720,
            role: 'monitoring_analyst',
          },
          {
            title: 'Cập nhật tình hình hằng ngày',
            description: 'Số ca mới, số ca xuất viện, kết quả giám sát; giữ giờ cập nhật cố định.',
            dueAfterMinutes: 1440,
            role: 'spokesperson',
          },
          {
            title: 'Phát hành hỏi - đáp cho người dân',
            dueAfterMinutes: 1440,
            role: 'drafter',
          },
        ],
      },
      {
        key: 'close_review',
        title: 'Kết thúc, rút kinh nghiệm',
        tasks: [
          {
            title: 'Thông tin kết thúc sự cố hoặc công bố hết dịch',
            description: 'Theo đánh giá, công bố của cơ quan y tế có thẩm quyền.',
            dueAfterMinutes: 10080,
            role: 'spokesperson',
          },
          {
            title: 'Báo cáo kết quả và bài học kinh nghiệm',
            description:
              'Đánh giá tốc độ thông tin, tính thống nhất giữa các cơ sở y tế, hiệu quả bác bỏ tin đồn.',
            dueAfterMinutes: 20160,
            role: 'scribe',
          },
        ],
      },
    ],
    roleRequirements: [
      {
        role: 'deputy',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'public_health', tags: ['deputy_head'] },
          { from: 'capability', capability: 'public_health', tags: ['head'] },
          { from: 'responsible_unit', tags: ['deputy_head'] },
        ],
        reason:
          'Lãnh đạo Sở Y tế (hoặc đơn vị y tế được giao): đầu mối chuyên môn, chốt số liệu ca bệnh, kết quả xét nghiệm ' +
          'và khuyến cáo phòng bệnh.',
      },
      {
        role: 'drafter',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'public_health', tags: ['drafting'] },
          { from: 'responsible_unit', tags: ['drafting'] },
        ],
        reason:
          'Chuyên viên y tế (kiểm soát bệnh tật, an toàn thực phẩm, tiêm chủng) soạn nội dung chuyên môn, khuyến cáo và hỏi - đáp.',
      },
      {
        role: 'monitoring_analyst',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'social_listening', tags: ['monitoring'] },
          { from: 'responsible_unit', tags: ['monitoring'] },
        ],
        reason:
          'Phát hiện tin đồn, "bài thuốc" sai, quảng cáo lợi dụng sự cố và đo mức độ lo ngại của người dân.',
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
          'Công an tỉnh: ngộ độc có dấu hiệu hình sự, thuốc giả, tin giả về dịch bệnh, lừa đảo bán thuốc trên mạng.',
      },
    ],
    statementTemplates: [
      {
        type: StatementType.HoldingStatement,
        title: 'Thông tin ban đầu về sự cố y tế',
        channels: [PublicationChannel.Portal, PublicationChannel.SocialPage, PublicationChannel.PressOutlets],
        body: `Vào hồi [giờ, ngày], {{don_vi}} nhận được báo cáo về sự việc sau:

{{tom_tat}}

**1. Tình hình (số liệu tính đến thời điểm phát hành, do ngành y tế tổng hợp)**

{{su_kien_da_xac_minh}}

- Số người có triệu chứng: [số]; đang điều trị tại: [cơ sở y tế]; tình trạng: [số ca ổn định, số ca nặng];
- [Số ca tử vong, nếu có.]

**2. Công tác điều trị và xử lý**

- Ngành y tế đã [huy động, điều phối] [đội cấp cứu, thuốc, trang thiết bị] để điều trị cho người bệnh;
- Đã lấy mẫu [thực phẩm, bệnh phẩm, vắc xin] gửi [cơ quan xét nghiệm]; dự kiến có kết quả vào [thời gian];
- Biện pháp tạm thời: [tạm dừng hoạt động cơ sở, tạm ngừng sử dụng lô vắc xin, khoanh vùng, xử lý ổ dịch].

**3. Nguyên nhân**

Nguyên nhân đang được cơ quan chuyên môn xác định. {{don_vi}} sẽ thông tin ngay khi có kết quả xét nghiệm, kết luận chính thức.

**4. Khuyến cáo người dân**

- Khi có các dấu hiệu [triệu chứng], đến ngay cơ sở y tế gần nhất hoặc gọi cấp cứu 115;
- [Biện pháp phòng bệnh; không sử dụng sản phẩm thuộc lô …; theo dõi sức khỏe sau tiêm theo hướng dẫn];
- Không tự ý dùng thuốc, "bài thuốc" lan truyền trên mạng; chỉ tiếp nhận khuyến cáo từ ngành y tế;
- Đường dây nóng của ngành y tế: [số điện thoại].

**5. Thông tin tiếp theo**

{{don_vi}} sẽ cập nhật tình hình trước {{cap_nhat_tiep_theo}}.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.PressRelease,
        title: 'Thông cáo báo chí về kết quả xác định nguyên nhân',
        channels: [
          PublicationChannel.Portal,
          PublicationChannel.PressOutlets,
          PublicationChannel.PressConference,
        ],
        body: `**1. Diễn biến và kết quả điều trị**

{{tom_tat}}

Tính đến thời điểm phát hành: [tổng số ca; số ca đã xuất viện; số ca đang điều trị; số ca nặng; số ca tử vong].

**2. Kết quả xác minh, xét nghiệm**

{{su_kien_da_xac_minh}}

**3. Nguyên nhân**

[Kết luận của cơ quan chuyên môn; nếu chưa có kết luận cuối cùng, nêu rõ phần đã xác định và phần còn chờ kết quả.]

**4. Biện pháp xử lý**

- [Xử lý cơ sở, lô sản phẩm liên quan theo thẩm quyền];
- [Biện pháp phòng chống dịch, giám sát tiếp theo];
- [Chính sách hỗ trợ người bệnh, nếu có].

**5. Làm rõ thông tin chưa chính xác**

[Các thông tin sai đang lan truyền và thông tin đúng.]

**6. Khuyến cáo**

[Khuyến cáo của ngành y tế; nơi khám, đường dây nóng.]

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}

Thông tin tiếp theo: trước {{cap_nhat_tiep_theo}}.
`,
      },
      {
        type: StatementType.QaSheet,
        title: 'Hỏi - đáp cho người dân',
        channels: [PublicationChannel.Portal, PublicationChannel.SocialPage],
        body: `## HỎI - ĐÁP

### Về {{su_co}}

*(Nội dung do ngành y tế cung cấp)*

**Câu 1. Tình hình hiện nay như thế nào?**

Trả lời: [Số liệu đã chốt theo mốc giờ, nguồn: ngành y tế.]

**Câu 2. Những dấu hiệu nào cần đi khám ngay?**

Trả lời: [Triệu chứng; thời gian theo dõi; cơ sở y tế tiếp nhận; cấp cứu 115.]

**Câu 3. Tôi (hoặc con tôi) đã [ăn tại cơ sở …, tiêm vắc xin lô …, tiếp xúc …] thì cần làm gì?**

Trả lời: [Hướng dẫn theo dõi sức khỏe, nơi liên hệ.]

**Câu 4. Bệnh có lây không, phòng bệnh thế nào?**

Trả lời: [Đường lây, biện pháp phòng bệnh cụ thể.]

**Câu 5. Thông tin "[nội dung đang lan truyền]" có đúng không?**

Trả lời: [Đúng, sai hoặc chưa có cơ sở; giải thích theo ý kiến chuyên môn.]

**Câu 6. Cơ sở liên quan đã bị xử lý chưa?**

Trả lời: [Biện pháp tạm thời đã áp dụng; việc xử lý vi phạm sẽ được thông tin khi có kết luận của cơ quan có thẩm quyền.]

---

Đường dây nóng ngành y tế: [số điện thoại]. Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}} – {{lien_he_nguoi_phat_ngon}}.
`,
      },
    ],
    holdingLines: [
      '{{don_vi}} đã nắm được thông tin và đang phối hợp với các cơ quan chuyên môn y tế khẩn trương xác minh; số liệu chính thức sẽ được thông tin trước {{cap_nhat_tiep_theo}}.',
      'Ưu tiên hàng đầu là cấp cứu, điều trị cho người bệnh; các cơ sở y tế đã được chỉ đạo sẵn sàng tiếp nhận.',
      'Nguyên nhân đang được cơ quan chuyên môn xác định qua xét nghiệm; {{don_vi}} sẽ thông tin ngay khi có kết quả chính thức.',
      'Khi có dấu hiệu bất thường về sức khỏe, người dân cần đến ngay cơ sở y tế gần nhất; không tự ý dùng thuốc theo thông tin lan truyền trên mạng.',
    ],
    legalReferences: [
      'Chỉ thị 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách, điểm 3.đ (Tổ công tác xử lý sự cố, khủng hoảng truyền thông)',
      'Nghị định 09/2017/NĐ-CP, Điều 6 (phát ngôn và cung cấp thông tin trong trường hợp đột xuất, bất thường; sự kiện y tế công cộng quy mô quốc gia do người phát ngôn cấp Trung ương thông tin)',
      'Nghị định 09/2017/NĐ-CP, Điều 4 (các hình thức phát ngôn và cung cấp thông tin cho báo chí)',
      'Luật Báo chí 2025 (Luật số 126/2025/QH15, hiệu lực 01/7/2026): thông tin ban đầu trong 24 giờ theo văn bản hướng dẫn; không cung cấp thông tin thuộc bí mật cá nhân',
      'Luật Bảo vệ dữ liệu cá nhân 2025 (Luật số 91/2025/QH15, hiệu lực 01/01/2026): dữ liệu sức khỏe là dữ liệu cá nhân nhạy cảm',
    ],
    guidanceMarkdown: `### Mục tiêu
Giúp người dân biết phải làm gì để an toàn, giảm hoảng loạn và kỳ thị, giữ niềm tin vào ngành y tế và chương trình tiêm chủng.

### Cần làm
- **Ngành y tế là đầu mối chuyên môn**: mọi nhận định về nguyên nhân, mức độ nguy hiểm, cách phòng bệnh đều do Sở Y tế duyệt; người phát ngôn không tự diễn giải.
- **Tách rõ đã biết và chưa biết**: "đã xác định …", "đang chờ kết quả xét nghiệm, dự kiến có vào …".
- **Khuyến cáo hành động cụ thể**: dấu hiệu cần đi khám, nơi khám, đường dây nóng; đặt lên đầu mọi bài đăng.
- **Số liệu một nguồn, theo mốc giờ**: bệnh viện, trường học không công bố số liệu riêng.
- Với vắc xin: nêu cả lợi ích của tiêm chủng và quy trình theo dõi phản ứng sau tiêm; tạm ngừng lô nghi ngờ là biện pháp thận trọng, không phải kết luận lỗi.
- Phối hợp **Công an tỉnh** khi có dấu hiệu hình sự, thuốc giả hoặc lừa đảo bán thuốc trên mạng.

### Tuyệt đối không
- Không công bố họ tên, địa chỉ, hình ảnh, bệnh án của người bệnh; dữ liệu sức khỏe là dữ liệu cá nhân nhạy cảm.
- Không kỳ thị, không quy lỗi cho người bệnh hay cộng đồng nơi có ổ dịch.
- Không nêu tên cơ sở kinh doanh là nguyên nhân khi chưa có kết quả xét nghiệm, kết luận của cơ quan có thẩm quyền (được nêu biện pháp tạm dừng đã áp dụng).
- Không trấn an kiểu "hoàn toàn không đáng lo" khi chưa có kết quả; không phóng đại nguy cơ.
- Không để nhiều bác sĩ, cơ sở trả lời báo chí với số liệu khác nhau.

### Nâng cấp độ
Bệnh truyền nhiễm nguy hiểm, ca tử vong, sự cố vắc xin hoặc lan ra nhiều tỉnh: L3–L4, báo cáo ngay cấp trên và Bộ Y tế.
`,
  },
};
