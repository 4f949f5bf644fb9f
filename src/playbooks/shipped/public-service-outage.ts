import type { ShippedPlaybook } from '../playbook-content.js';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { PublicationChannel, StatementType } from '../../statements/statement-types.js';

/** Cẩm nang 6a: sự cố hệ thống dịch vụ công trực tuyến, hệ thống thông tin phục vụ người dân. */
export const publicServiceOutage: ShippedPlaybook = {
  key: 'public-service-outage',
  title: 'Sự cố hệ thống dịch vụ công trực tuyến',
  content: {
    summary:
      'Thông tin khi cổng dịch vụ công, hệ thống giải quyết thủ tục hành chính, ứng dụng hoặc tổng đài phục vụ người dân bị gián đoạn, ' +
      'lỗi: thông báo sớm, hướng dẫn cách thay thế, hẹn giờ cập nhật và bảo đảm người dân không chịu thiệt vì trễ hạn do sự cố.',
    categories: [IncidentCategory.ServiceFailure],
    severityMin: Severity.L1,
    severityMax: Severity.L3,
    triggers: {
      keywords: [
        'dịch vụ công trực tuyến',
        'cổng dịch vụ công',
        'lỗi hệ thống',
        'không truy cập được',
        'gián đoạn',
        'sập',
        'treo',
        'quá tải',
        'bảo trì',
        'không nộp được hồ sơ',
        'trễ hạn',
        'chậm trả kết quả',
        'thanh toán trực tuyến',
        'chữ ký số',
        'mất kết nối',
        'một cửa',
        'thủ tục hành chính',
      ],
    },
    stages: [
      {
        key: 'detect_verify',
        title: 'Xác nhận sự cố và phân loại',
        tasks: [
          {
            title: 'Xác nhận sự cố với đơn vị vận hành',
            description:
              'Thời điểm bắt đầu, hệ thống và dịch vụ bị ảnh hưởng (toàn bộ hay một phần), nguyên nhân sơ bộ (lỗi kỹ thuật, ' +
              'quá tải, đường truyền, nâng cấp, nghi tấn công mạng).',
            dueAfterMinutes: 30,
            role: 'deputy',
          },
          {
            title: 'Tổng hợp phản ánh của người dân, doanh nghiệp',
            description:
              'Số phản ánh qua mạng xã hội, tổng đài, bộ phận một cửa; các thủ tục, nhóm người bị ảnh hưởng nhiều nhất; ' +
              'hồ sơ có nguy cơ trễ hạn.',
            dueAfterMinutes: 60,
            role: 'monitoring_analyst',
          },
          {
            title: 'Đánh giá cấp độ, kiểm tra dấu hiệu tấn công hoặc lộ lọt dữ liệu',
            description:
              'Nếu có dấu hiệu tấn công mạng, mã độc hoặc dữ liệu bị truy cập trái phép: báo ngay Công an tỉnh (PA05) và ' +
              'áp dụng thêm cẩm nang "Lộ lọt dữ liệu cá nhân".',
            dueAfterMinutes: 90,
            role: 'team_leader',
          },
        ],
      },
      {
        key: 'activate_team',
        title: 'Kích hoạt Tổ công tác',
        tasks: [
          {
            title: 'Kích hoạt Tổ công tác cùng đơn vị vận hành hệ thống',
            description:
              'Sở Khoa học và Công nghệ (chuyển đổi số), đơn vị vận hành, Trung tâm Phục vụ hành chính công; thống nhất ' +
              'người phát ngôn và lịch cập nhật.',
            dueAfterMinutes: 120,
            role: 'team_leader',
          },
          {
            title: 'Thống nhất phương án thay thế cho người dân',
            description:
              'Nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công, bộ phận một cửa xã, phường; kéo dài giờ tiếp nhận; ' +
              'không tính trễ hạn, không yêu cầu nộp lại hồ sơ đã nộp thành công.',
            dueAfterMinutes: 150,
            role: 'deputy',
          },
        ],
      },
      {
        key: 'establish_facts',
        title: 'Xác lập sự thật',
        tasks: [
          {
            title: 'Xác định thời gian dự kiến khôi phục',
            description:
              'Chỉ công bố mốc có cơ sở kỹ thuật; nếu chưa chắc chắn, công bố giờ cập nhật tiếp theo thay vì giờ khôi phục.',
            dueAfterMinutes: 180,
            role: 'deputy',
          },
          {
            title: 'Xác định hồ sơ, giao dịch bị ảnh hưởng và cách xử lý',
            description:
              'Hồ sơ nộp dở, thanh toán đã trừ tiền nhưng chưa ghi nhận, hồ sơ đến hạn trả kết quả; phương án xử lý, ' +
              'hoàn tiền, thông báo cho từng người.',
            dueAfterMinutes: 360,
            role: 'drafter',
          },
        ],
      },
      {
        key: 'publish',
        title: 'Soạn thảo, phê duyệt, công bố',
        tasks: [
          {
            title: 'Soạn thông báo sự cố',
            description:
              'Dùng mẫu "Thông tin ban đầu": dịch vụ bị ảnh hưởng, cách thay thế, giờ cập nhật tiếp theo.',
            dueAfterMinutes: 180,
            role: 'drafter',
          },
          {
            title: 'Phê duyệt và công bố thông báo sự cố',
            description:
              'Đăng trên trang chủ hệ thống (nếu còn truy cập được), Cổng thông tin điện tử, trang mạng xã hội chính thức, ' +
              'bộ phận một cửa, tổng đài. Hạn chót pháp lý: 24 giờ.',
            dueAfterMinutes: 240,
            role: 'spokesperson',
          },
          {
            title: 'Đăng hướng dẫn trên mạng xã hội',
            dueAfterMinutes: 300,
            role: 'drafter',
          },
          {
            title: 'Thông báo khôi phục và biện pháp khắc phục',
            description:
              'Khi hệ thống hoạt động trở lại: thời điểm khôi phục, nguyên nhân, xử lý hồ sơ bị ảnh hưởng, lời xin lỗi.',
            dueAfterMinutes: 1440,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'monitor_update',
        title: 'Theo dõi, cập nhật',
        tasks: [
          {
            title: 'Cập nhật tiến độ khôi phục đúng giờ đã hẹn',
            dueAfterMinutes: 480,
            role: 'spokesperson',
          },
          {
            title: 'Trả lời phản ánh cụ thể của người dân',
            description:
              'Qua tổng đài, bình luận trên trang chính thức; chuyển trường hợp bị thiệt hại cho bộ phận xử lý.',
            dueAfterMinutes: 720,
            role: 'press_liaison',
          },
          {
            title: 'Theo dõi phản ánh sau khôi phục',
            description:
              'Phát hiện lỗi còn tồn tại, hồ sơ chưa được xử lý; cảnh báo trang giả mạo cổng dịch vụ công (nếu xuất hiện).',
            dueAfterMinutes: 2880,
            role: 'monitoring_analyst',
          },
        ],
      },
      {
        key: 'close_review',
        title: 'Kết thúc, rút kinh nghiệm',
        tasks: [
          {
            title: 'Báo cáo nguyên nhân và biện pháp phòng ngừa',
            description:
              'Nguyên nhân kỹ thuật, thời gian gián đoạn, số hồ sơ, giao dịch bị ảnh hưởng, biện pháp không để tái diễn.',
            dueAfterMinutes: 10080,
            role: 'deputy',
          },
          {
            title: 'Báo cáo kết quả xử lý truyền thông và bài học kinh nghiệm',
            dueAfterMinutes: 10080,
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
          { from: 'capability', capability: 'digital_transformation', tags: ['deputy_head'] },
          { from: 'capability', capability: 'digital_transformation', tags: ['head'] },
          { from: 'responsible_unit', tags: ['deputy_head'] },
        ],
        reason:
          'Đại diện cơ quan chuyển đổi số (Sở Khoa học và Công nghệ từ 01/3/2025) hoặc đơn vị vận hành hệ thống: xác nhận phạm vi, ' +
          'nguyên nhân kỹ thuật và thời gian khôi phục.',
      },
      {
        role: 'drafter',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'digital_transformation', tags: ['drafting'] },
          { from: 'responsible_unit', tags: ['drafting'] },
        ],
        reason:
          'Soạn hướng dẫn phương án thay thế, xử lý hồ sơ bị ảnh hưởng bằng ngôn ngữ dễ hiểu cho người dân.',
      },
      {
        role: 'monitoring_analyst',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'social_listening', tags: ['monitoring'] },
          { from: 'responsible_unit', tags: ['monitoring'] },
        ],
        reason: 'Tổng hợp phản ánh của người dân và phát hiện trang giả mạo lợi dụng sự cố.',
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
          'Công an tỉnh (PA05): bắt buộc khi có dấu hiệu tấn công mạng, mã độc hoặc trang giả mạo cổng dịch vụ công.',
      },
    ],
    statementTemplates: [
      {
        type: StatementType.HoldingStatement,
        title: 'Thông báo sự cố hệ thống',
        channels: [PublicationChannel.Portal, PublicationChannel.SocialPage, PublicationChannel.PressOutlets],
        body: `Từ [giờ, ngày], [tên hệ thống] gặp sự cố như sau:

{{tom_tat}}

**1. Tình hình (tính đến thời điểm phát hành)**

{{su_kien_da_xac_minh}}

- Dịch vụ bị ảnh hưởng: [nộp hồ sơ trực tuyến, thanh toán, tra cứu, …];
- Dịch vụ vẫn hoạt động bình thường: [nêu cụ thể].

**2. Nguyên nhân**

[Nguyên nhân sơ bộ đã được xác nhận; nếu chưa rõ: "Nguyên nhân đang được đơn vị vận hành khẩn trương xác định".]

**3. Công tác khắc phục**

[Đơn vị vận hành] đang khẩn trương khắc phục. [Thời gian dự kiến khôi phục, nếu đã có cơ sở.]

**4. Hướng dẫn người dân, doanh nghiệp**

- Có thể nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh hoặc bộ phận một cửa xã, phường; [thời gian tiếp nhận kéo dài, nếu có];
- Hồ sơ đã nộp thành công trước thời điểm xảy ra sự cố vẫn được giải quyết, không phải nộp lại;
- Hồ sơ, nghĩa vụ đến hạn trong thời gian sự cố: [cách xử lý, không tính trễ hạn do sự cố];
- Giao dịch thanh toán đã bị trừ tiền nhưng chưa được ghi nhận: [cách đối soát, hoàn tiền];
- Hỗ trợ: tổng đài [số điện thoại], thư điện tử [địa chỉ].

**5. Thông tin tiếp theo**

{{don_vi}} sẽ cập nhật tình hình trước {{cap_nhat_tiep_theo}}. {{don_vi}} thành thật xin lỗi người dân, doanh nghiệp vì sự bất tiện này.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.SocialPost,
        title: 'Hướng dẫn người dân trong thời gian sự cố',
        channels: [PublicationChannel.SocialPage],
        body: `**THÔNG BÁO**

**{{su_co}}**

{{tom_tat}}

**Trong thời gian hệ thống chưa hoạt động bình thường, người dân, doanh nghiệp:**

- Nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh hoặc bộ phận một cửa xã, phường;
- Không phải nộp lại hồ sơ đã nộp thành công; hồ sơ đến hạn trong thời gian sự cố không bị tính trễ hạn do sự cố;
- Chỉ truy cập hệ thống qua địa chỉ chính thức [địa chỉ]; cảnh giác với đường link, tin nhắn, cuộc gọi "hỗ trợ nộp hồ sơ" giả mạo.

Hỗ trợ: tổng đài [số điện thoại]. Thông tin tiếp theo trước {{cap_nhat_tiep_theo}}.

{{don_vi}} xin lỗi vì sự bất tiện này.
`,
      },
      {
        type: StatementType.PressRelease,
        title: 'Thông báo khôi phục hệ thống và biện pháp khắc phục',
        channels: [PublicationChannel.Portal, PublicationChannel.PressOutlets, PublicationChannel.SocialPage],
        body: `### Về việc khôi phục hoạt động sau sự cố: {{su_co}}

**1. Diễn biến và khôi phục**

{{tom_tat}}

Hệ thống đã hoạt động trở lại từ [giờ, ngày]; tổng thời gian gián đoạn: [..] giờ.

**2. Kết quả xác minh**

{{su_kien_da_xac_minh}}

**3. Nguyên nhân**

[Nguyên nhân đã xác định; khẳng định dữ liệu của người dân [không bị ảnh hưởng / đang được kiểm tra] theo kết luận của đơn vị chuyên môn.]

**4. Xử lý hồ sơ, giao dịch bị ảnh hưởng**

- Số hồ sơ bị ảnh hưởng: [..]; đã xử lý: [..]; phương án với hồ sơ còn lại: [..];
- [Đối soát, hoàn tiền các giao dịch thanh toán;]
- [Không tính trễ hạn do sự cố; liên hệ trực tiếp với người có hồ sơ bị ảnh hưởng.]

**5. Biện pháp phòng ngừa**

[Nâng cấp hạ tầng, phương án dự phòng, quy trình thông báo bảo trì trước cho người dân.]

{{don_vi}} xin lỗi người dân, doanh nghiệp và cảm ơn sự thông cảm, chia sẻ trong thời gian qua.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
    ],
    holdingLines: [
      '{{don_vi}} đã ghi nhận sự cố và đang phối hợp với đơn vị vận hành khẩn trương khắc phục; thông tin cập nhật sẽ được cung cấp trước {{cap_nhat_tiep_theo}}.',
      'Trong thời gian khắc phục, người dân, doanh nghiệp có thể nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh hoặc bộ phận một cửa xã, phường.',
      'Hồ sơ đã nộp thành công trước thời điểm xảy ra sự cố vẫn được tiếp nhận, giải quyết; người dân không phải nộp lại.',
      '{{don_vi}} thành thật xin lỗi người dân, doanh nghiệp vì sự bất tiện do sự cố gây ra.',
    ],
    legalReferences: [
      'Chỉ thị 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách, điểm 3.đ (Tổ công tác xử lý sự cố, khủng hoảng truyền thông)',
      'Nghị định 09/2017/NĐ-CP, Điều 4 (các hình thức phát ngôn và cung cấp thông tin cho báo chí, gồm đăng trên cổng, trang thông tin điện tử)',
      'Nghị định 09/2017/NĐ-CP, Điều 6 (phát ngôn và cung cấp thông tin cho báo chí trong trường hợp đột xuất, bất thường)',
      'Luật Báo chí 2025 (Luật số 126/2025/QH15, hiệu lực 01/7/2026): thông tin ban đầu trong 24 giờ theo văn bản hướng dẫn',
    ],
    guidanceMarkdown: `### Mục tiêu
Giúp người dân, doanh nghiệp vẫn làm được thủ tục, biết rõ quyền lợi không bị ảnh hưởng, và biết khi nào có thông tin tiếp theo.

### Cần làm
- **Thông báo ngay khi xác nhận sự cố**, không chờ có nguyên nhân; nội dung tối thiểu: dịch vụ nào bị ảnh hưởng, làm gì thay thế, giờ cập nhật tiếp theo.
- **Đặt hướng dẫn thay thế lên đầu**: nộp trực tiếp ở đâu, hồ sơ đã nộp có phải nộp lại không, hồ sơ đến hạn xử lý thế nào.
- **Hẹn giờ cập nhật thay vì hứa giờ khôi phục** khi chưa có cơ sở kỹ thuật; cập nhật đúng giờ đã hẹn.
- **Xin lỗi đúng mực**: sự cố ảnh hưởng đến người dân thì cơ quan xin lỗi, không cần chờ xác định lỗi của ai.
- Thông báo đồng thời tại bộ phận một cửa, tổng đài để cán bộ trả lời thống nhất.
- Với hệ thống do Trung ương vận hành (Cổng Dịch vụ công quốc gia, ứng dụng định danh điện tử…), dẫn thông tin của cơ quan vận hành và chỉ hướng dẫn phần việc tại địa phương.
- Nếu có dấu hiệu tấn công mạng hoặc lộ lọt dữ liệu: báo Công an tỉnh (PA05) và áp dụng thêm cẩm nang "Lộ lọt dữ liệu cá nhân".

### Tuyệt đối không
- Không đổ lỗi cho nhà thầu, nhà mạng hay "người dân truy cập quá đông" trong thông tin chính thức.
- Không khẳng định "dữ liệu an toàn tuyệt đối" khi chưa có kết luận của đơn vị chuyên môn.
- Không công bố chi tiết kỹ thuật về lỗ hổng, cấu hình hệ thống.
- Không yêu cầu người dân nộp lại hồ sơ hay chịu phí, phạt do trễ hạn vì sự cố.
- Không để cán bộ một cửa, tổng đài tự đưa ra thời gian khôi phục khác với thông báo chính thức.
`,
  },
};
