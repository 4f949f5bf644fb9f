// Long file: one shipped playbook written as data (its steps, checklists and message templates, read in order);
// split, one guide would be scattered over several files.
import type { ShippedPlaybook } from '../playbook-content.js';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { PublicationChannel, StatementType } from '../../statements/statement-types.js';

/** Cẩm nang 6b: lộ, lọt dữ liệu cá nhân do cơ quan nhà nước quản lý. */
export const personalDataLeak: ShippedPlaybook = {
  key: 'personal-data-leak',
  title: 'Lộ, lọt dữ liệu cá nhân',
  content: {
    summary:
      'Xử lý khi dữ liệu cá nhân do cơ quan nhà nước quản lý bị lộ, lọt, rao bán hoặc truy cập trái phép: ngăn chặn, thông báo ' +
      'Bộ Công an (A05) trong thời hạn luật định, thông tin cho người bị ảnh hưởng, cảnh báo lừa đảo và không làm dữ liệu lan rộng thêm.',
    categories: [IncidentCategory.DataLeak],
    severityMin: Severity.L2,
    severityMax: Severity.L4,
    triggers: {
      keywords: [
        'lộ lọt dữ liệu',
        'lộ thông tin cá nhân',
        'rò rỉ dữ liệu',
        'rao bán dữ liệu',
        'mua bán dữ liệu',
        'dữ liệu cá nhân',
        'tấn công mạng',
        'tin tặc',
        'hacker',
        'mã độc',
        'mã hóa tống tiền',
        'truy cập trái phép',
        'số căn cước',
        'lộ số điện thoại',
        'lừa đảo',
        'giả danh',
        'bảo mật',
      ],
    },
    stages: [
      {
        key: 'detect_contain',
        title: 'Phát hiện, xác minh và ngăn chặn ban đầu',
        tasks: [
          {
            title: 'Xác minh dấu hiệu lộ, lọt dữ liệu',
            description:
              'Đối chiếu mẫu dữ liệu bị đăng, rao bán với hệ thống (cấu trúc trường, thời điểm, số bản ghi) mà không tải về, ' +
              'không chia sẻ thêm; xác định hệ thống, đơn vị quản lý dữ liệu.',
            dueAfterMinutes: 60,
            role: 'deputy',
          },
          {
            title: 'Báo ngay Công an tỉnh (PA05)',
            description:
              'Cung cấp đường dẫn, ảnh chụp nơi đăng tải, rao bán; phối hợp lưu giữ chứng cứ, điều tra nguồn lộ lọt.',
            dueAfterMinutes: 120,
            role: 'police_liaison',
          },
          {
            title: 'Cô lập, ngăn chặn và bảo toàn nhật ký hệ thống',
            description:
              'Ngắt kết nối, thu hồi tài khoản, đổi mật khẩu, khóa truy cập bất thường; giữ nguyên nhật ký truy cập, không xóa, ' +
              'cài lại máy chủ trước khi lưu chứng cứ.',
            dueAfterMinutes: 120,
            role: 'deputy',
          },
          {
            title: 'Đánh giá cấp độ',
            description:
              'Số người bị ảnh hưởng, loại dữ liệu (dữ liệu nhạy cảm: sức khỏe, tài chính, sinh trắc học, trẻ em…), dữ liệu đã bị ' +
              'phát tán công khai hay chưa; từ L3 trở lên báo cáo cấp trên.',
            dueAfterMinutes: 180,
            role: 'team_leader',
          },
        ],
      },
      {
        key: 'activate_team',
        title: 'Kích hoạt Tổ công tác và thực hiện nghĩa vụ thông báo',
        tasks: [
          {
            title: 'Kích hoạt Tổ công tác',
            description:
              'Đơn vị quản lý dữ liệu, cơ quan chuyển đổi số và an toàn thông tin, Công an tỉnh (PA05), pháp chế; thống nhất ' +
              'người phát ngôn.',
            dueAfterMinutes: 240,
            role: 'team_leader',
          },
          {
            title: 'Gửi thông báo vi phạm cho Bộ Công an (A05)',
            description:
              'Thông báo tới Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao theo mẫu; thời hạn tối đa 72 giờ ' +
              '(Nghị định 13/2023/NĐ-CP; từ 01/01/2026 đối chiếu Luật Bảo vệ dữ liệu cá nhân 2025). Không chờ đủ thông tin, ' +
              'có thể bổ sung sau.',
            dueAfterMinutes: 1440,
            role: 'legal_reviewer',
          },
        ],
      },
      {
        key: 'establish_facts',
        title: 'Xác lập phạm vi và tác động',
        tasks: [
          {
            title: 'Xác định loại dữ liệu, số người và thời điểm bị ảnh hưởng',
            description:
              'Trường dữ liệu bị lộ (họ tên, số căn cước, số điện thoại, địa chỉ, dữ liệu nhạy cảm); số bản ghi; khoảng thời gian; ' +
              'dữ liệu không bị ảnh hưởng (nêu rõ để người dân yên tâm).',
            dueAfterMinutes: 480,
            role: 'deputy',
          },
          {
            title: 'Xác định khuyến cáo cho người bị ảnh hưởng',
            description:
              'Nguy cơ lừa đảo cụ thể từ loại dữ liệu bị lộ; việc cần làm (đổi mật khẩu, cảnh giác cuộc gọi giả danh cơ quan ' +
              'nhà nước); kênh hỗ trợ.',
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
            description: 'Dùng mẫu "Thông tin ban đầu"; trọng tâm là người bị ảnh hưởng cần làm gì.',
            dueAfterMinutes: 480,
            role: 'drafter',
          },
          {
            title: 'Rà soát pháp lý và an ninh dự thảo',
            description:
              'Không nêu chi tiết kỹ thuật có thể bị khai thác tiếp, không dẫn đường dẫn tới nơi chứa dữ liệu, không nêu tên ' +
              'nghi phạm; thống nhất nội dung với Công an tỉnh.',
            dueAfterMinutes: 600,
            role: 'legal_reviewer',
          },
          {
            title: 'Phê duyệt và công bố thông tin ban đầu',
            description: 'Hạn chót pháp lý về thông tin cho báo chí: 24 giờ.',
            dueAfterMinutes: 720,
            role: 'spokesperson',
          },
          {
            title: 'Thông báo cho người bị ảnh hưởng',
            description:
              'Tin nhắn, thư điện tử hoặc thông báo trên ứng dụng tới từng người (nếu xác định được), kèm hỏi - đáp; nội dung ' +
              'không chứa đường link yêu cầu nhập thông tin.',
            dueAfterMinutes: 1440,
            role: 'drafter',
          },
        ],
      },
      {
        key: 'monitor_update',
        title: 'Theo dõi, gỡ bỏ và cập nhật',
        tasks: [
          {
            title: 'Đề nghị ngăn chặn, gỡ bỏ nội dung rao bán, phát tán dữ liệu',
            description:
              'Qua Công an tỉnh (PA05) hoặc Sở Văn hóa, Thể thao và Du lịch; nền tảng gỡ bỏ trong 24 giờ (Nghị định 147/2024/NĐ-CP).',
            dueAfterMinutes: 720,
            role: 'police_liaison',
          },
          {
            title: 'Theo dõi việc dữ liệu tái xuất hiện và các vụ lừa đảo liên quan',
            dueAfterMinutes: 2880,
            role: 'monitoring_analyst',
          },
          {
            title: 'Cập nhật kết quả khắc phục, điều tra',
            description: 'Kết quả khắc phục lỗ hổng; kết quả điều tra khi cơ quan công an đồng ý công bố.',
            dueAfterMinutes: 4320,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'close_review',
        title: 'Kết thúc, rút kinh nghiệm',
        tasks: [
          {
            title: 'Báo cáo sự cố và biện pháp khắc phục',
            description:
              'Nguyên nhân, phạm vi, các thông báo đã gửi (A05, người bị ảnh hưởng), biện pháp bảo vệ dữ liệu bổ sung.',
            dueAfterMinutes: 10080,
            role: 'deputy',
          },
          {
            title: 'Báo cáo kết quả xử lý truyền thông và bài học kinh nghiệm',
            dueAfterMinutes: 20160,
            role: 'scribe',
          },
        ],
      },
    ],
    roleRequirements: [
      {
        role: 'police_liaison',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'cyber_police', tags: ['police_liaison'] },
          { from: 'responsible_unit', tags: ['police_liaison'] },
        ],
        reason:
          'Công an tỉnh (PA05), đầu mối với Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05): điều tra ' +
          'hành vi chiếm đoạt, mua bán dữ liệu, tiếp nhận thông báo vi phạm và yêu cầu gỡ bỏ.',
      },
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
          'Đại diện cơ quan chuyển đổi số, an toàn thông tin (Sở Khoa học và Công nghệ từ 01/3/2025) hoặc đơn vị quản lý hệ thống: ' +
          'ngăn chặn, xác định phạm vi dữ liệu bị ảnh hưởng.',
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
          'Thực hiện đúng nghĩa vụ thông báo vi phạm theo pháp luật bảo vệ dữ liệu cá nhân và rà soát nội dung công bố.',
      },
      {
        role: 'monitoring_analyst',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'social_listening', tags: ['monitoring'] },
          { from: 'responsible_unit', tags: ['monitoring'] },
        ],
        reason: 'Theo dõi nơi rao bán, phát tán dữ liệu và các thủ đoạn lừa đảo lợi dụng dữ liệu bị lộ.',
      },
    ],
    statementTemplates: [
      {
        type: StatementType.HoldingStatement,
        title: 'Thông tin ban đầu về sự cố dữ liệu cá nhân',
        channels: [PublicationChannel.Portal, PublicationChannel.SocialPage, PublicationChannel.PressOutlets],
        body: `Ngày [..], {{don_vi}} [phát hiện / nhận được thông tin về] sự việc sau:

{{tom_tat}}

**1. Kết quả xác minh ban đầu (tính đến thời điểm phát hành)**

{{su_kien_da_xac_minh}}

- Hệ thống liên quan: [tên hệ thống];
- Loại dữ liệu có thể bị ảnh hưởng: [họ tên, số điện thoại, …]; dữ liệu không bị ảnh hưởng: [mật khẩu, dữ liệu …];
- Số người có thể bị ảnh hưởng: [số, hoặc "đang được xác định"].

**2. Các biện pháp đã triển khai**

- Ngay khi phát hiện, {{don_vi}} đã [cô lập hệ thống, khóa truy cập bất thường, thay đổi thông tin xác thực];
- Đã thông báo và phối hợp với Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao) điều tra, làm rõ; đã thông báo Bộ Công an theo quy định về bảo vệ dữ liệu cá nhân;
- Đã đề nghị ngăn chặn, gỡ bỏ các nội dung đăng tải, rao bán dữ liệu.

**3. Nguyên nhân**

Nguyên nhân đang được cơ quan chức năng điều tra, làm rõ.

**4. Khuyến cáo người dân**

- Cảnh giác với cuộc gọi, tin nhắn tự xưng là cán bộ cơ quan nhà nước, công an, ngân hàng đề nghị cung cấp mã OTP, mật khẩu, chuyển tiền hoặc cài đặt ứng dụng; cơ quan nhà nước không yêu cầu người dân thực hiện các việc này qua điện thoại;
- Đổi mật khẩu tài khoản [tên hệ thống] và các tài khoản dùng chung mật khẩu; theo dõi giao dịch ngân hàng;
- Không truy cập, tải về, chia sẻ dữ liệu bị rò rỉ; việc mua bán, phát tán dữ liệu cá nhân là vi phạm pháp luật;
- Khi nghi ngờ bị lừa đảo, báo ngay cơ quan công an nơi gần nhất; cần hỗ trợ, liên hệ [tổng đài, thư điện tử].

**5. Thông tin tiếp theo**

{{don_vi}} sẽ thông tin tiếp trước {{cap_nhat_tiep_theo}} và liên hệ trực tiếp với người bị ảnh hưởng khi xác định được. {{don_vi}} thành thật xin lỗi người dân về sự cố này.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.QaSheet,
        title: 'Hỏi - đáp cho người bị ảnh hưởng',
        channels: [PublicationChannel.Portal, PublicationChannel.SocialPage],
        body: `## HỎI - ĐÁP

### Về {{su_co}}

**Câu 1. Chuyện gì đã xảy ra?**

Trả lời: {{tom_tat}}

**Câu 2. Làm sao biết dữ liệu của tôi có bị ảnh hưởng không?**

Trả lời: {{don_vi}} sẽ thông báo trực tiếp cho người bị ảnh hưởng qua [kênh chính thức]. {{don_vi}} không gửi đường link yêu cầu nhập thông tin cá nhân, mật khẩu hay mã OTP.

**Câu 3. Những dữ liệu nào bị ảnh hưởng, những dữ liệu nào không?**

Trả lời: [Danh sách trường dữ liệu bị ảnh hưởng / không bị ảnh hưởng.]

**Câu 4. Tôi cần làm gì ngay?**

Trả lời: Đổi mật khẩu [tên hệ thống] và các tài khoản dùng chung mật khẩu; cảnh giác với cuộc gọi, tin nhắn giả danh cơ quan nhà nước, công an, ngân hàng; không cung cấp mã OTP, không chuyển tiền, không cài ứng dụng theo hướng dẫn của người lạ.

**Câu 5. Nếu bị lừa đảo hoặc thiệt hại thì báo ở đâu?**

Trả lời: Báo ngay cơ quan công an nơi gần nhất; đồng thời thông báo cho {{don_vi}} qua [tổng đài, thư điện tử] để được hỗ trợ.

**Câu 6. Cơ quan đã làm gì để khắc phục?**

Trả lời: [Biện pháp kỹ thuật đã áp dụng; đã thông báo Bộ Công an; phối hợp Công an tỉnh điều tra; đề nghị gỡ bỏ nội dung rao bán.]

**Câu 7. Tôi có tiếp tục sử dụng [tên hệ thống] được không?**

Trả lời: [Trạng thái hệ thống; khuyến nghị an toàn khi sử dụng.]

---

Đầu mối: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}} – {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.TakedownRequest,
        title: 'Đề nghị ngăn chặn, gỡ bỏ nội dung rao bán, phát tán dữ liệu cá nhân',
        channels: [PublicationChannel.Platform],
        body: `Kính gửi:

- Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao);
- Sở Văn hóa, Thể thao và Du lịch;
- [Doanh nghiệp cung cấp nền tảng, nếu gửi trực tiếp].

Ngày [..], {{don_vi}} phát hiện trên không gian mạng có nội dung đăng tải, rao bán dữ liệu cá nhân (vụ việc "{{su_co}}"), cụ thể:

{{tom_tat}}

Kết quả xác minh ban đầu:

{{su_kien_da_xac_minh}}

Việc mua bán, phát tán dữ liệu cá nhân là hành vi bị nghiêm cấm theo Luật Bảo vệ dữ liệu cá nhân 2025. Căn cứ Nghị định số 147/2024/NĐ-CP của Chính phủ về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng, {{don_vi}} đề nghị:

1. Yêu cầu doanh nghiệp cung cấp nền tảng ngăn chặn, gỡ bỏ các nội dung dưới đây trong thời hạn 24 giờ kể từ khi nhận được yêu cầu;
2. Điều tra, xác minh tổ chức, cá nhân đăng tải, rao bán và xử lý theo quy định của pháp luật;
3. Thông báo kết quả cho {{don_vi}}.

**Danh mục nội dung vi phạm** *(không đính kèm tệp dữ liệu bị rò rỉ; chỉ ảnh chụp màn hình đã che thông tin cá nhân)*

| STT | Đường dẫn (URL) | Tài khoản, kênh đăng tải | Thời điểm đăng | Mô tả nội dung | Chứng cứ lưu trữ |
| --- | --- | --- | --- | --- | --- |
| 1 | […] | […] | […] | […] | [ảnh chụp màn hình đã che dữ liệu cá nhân] |

Đầu mối phối hợp: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}; {{lien_he_nguoi_phat_ngon}}. Mã hồ sơ sự cố: {{ma_su_co}}.

*Nơi nhận:* như trên; {{don_vi_cap_tren}} (để báo cáo); lưu hồ sơ.

**THỦ TRƯỞNG ĐƠN VỊ**

*(Ký, ghi rõ họ tên, đóng dấu)*
`,
      },
    ],
    holdingLines: [
      '{{don_vi}} đã nắm được thông tin và đang phối hợp với cơ quan Công an khẩn trương xác minh; kết quả sẽ được thông tin chính thức trước {{cap_nhat_tiep_theo}}.',
      '{{don_vi}} đã áp dụng ngay các biện pháp ngăn chặn và đang xác định phạm vi dữ liệu có thể bị ảnh hưởng.',
      'Cơ quan nhà nước không yêu cầu người dân cung cấp mã OTP, mật khẩu hay chuyển tiền qua điện thoại; đề nghị người dân cảnh giác với các cuộc gọi, tin nhắn giả danh.',
      'Đề nghị không truy cập, tải về, chia sẻ dữ liệu bị rò rỉ; việc mua bán, phát tán dữ liệu cá nhân là vi phạm pháp luật.',
    ],
    legalReferences: [
      'Luật Bảo vệ dữ liệu cá nhân 2025 (Luật số 91/2025/QH15, hiệu lực 01/01/2026): nghiêm cấm mua bán, chiếm đoạt, cố ý làm lộ dữ liệu cá nhân; nghĩa vụ của bên kiểm soát, xử lý dữ liệu',
      'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, Điều 23: thông báo vi phạm cho Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao – A05) chậm nhất 72 giờ (áp dụng với sự cố trước 01/01/2026; sau đó đối chiếu quy định của Luật và văn bản hướng dẫn)',
      'Nghị định 147/2024/NĐ-CP: yêu cầu nền tảng ngăn chặn, gỡ bỏ nội dung vi phạm trong 24 giờ',
      'Nghị định 09/2017/NĐ-CP, Điều 6 (phát ngôn và cung cấp thông tin cho báo chí trong trường hợp đột xuất, bất thường)',
      'Luật Báo chí 2025 (Luật số 126/2025/QH15, hiệu lực 01/7/2026): thông tin ban đầu trong 24 giờ theo văn bản hướng dẫn; không cung cấp thông tin về vụ việc đang điều tra',
      'Chỉ thị 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách, điểm 3.đ (Tổ công tác xử lý sự cố, khủng hoảng truyền thông)',
    ],
    guidanceMarkdown: `### Mục tiêu
Giảm thiệt hại cho người bị lộ dữ liệu (nhất là lừa đảo), thực hiện đúng nghĩa vụ thông báo theo pháp luật và giữ niềm tin vào dịch vụ số của cơ quan nhà nước.

### Cần làm
- **Ngăn chặn và lưu chứng cứ song song**: cô lập hệ thống nhưng giữ nguyên nhật ký; báo ngay Công an tỉnh (PA05).
- **Thông báo Bộ Công an (A05) đúng hạn**: tối đa 72 giờ theo Nghị định 13/2023/NĐ-CP (sự cố từ 01/01/2026: đối chiếu Luật Bảo vệ dữ liệu cá nhân 2025 và bảng thời hạn của hệ thống); thông báo sớm với thông tin đã có, bổ sung sau.
- **Nói rõ người dân cần làm gì**: khuyến cáo chống lừa đảo phải cụ thể theo loại dữ liệu bị lộ.
- **Nói rõ cả dữ liệu không bị ảnh hưởng** (nếu đã xác định chắc chắn) để tránh hoang mang.
- **Xin lỗi và nhận trách nhiệm quản lý**: cơ quan là bên kiểm soát dữ liệu, không đổ lỗi cho nhà thầu trước công chúng.
- Thống nhất mọi nội dung với Công an tỉnh vì vụ việc có thể đang được điều tra.

### Tuyệt đối không
- Không tải về, mở, chia sẻ hay đính kèm tệp dữ liệu bị rò rỉ vào hồ sơ, văn bản, nhóm chat; không dẫn đường link tới nơi rao bán.
- Không công bố chi tiết lỗ hổng, cấu hình kỹ thuật có thể bị khai thác tiếp.
- Không khẳng định "không có dữ liệu nào bị lộ" khi chưa điều tra xong.
- Không nêu tên nghi phạm, nhà thầu bị nghi ngờ khi cơ quan điều tra chưa kết luận.
- Không gửi cho người bị ảnh hưởng tin nhắn có đường link yêu cầu nhập thông tin; kẻ gian sẽ bắt chước.
- Không trả tiền chuộc hay thương lượng với nhóm tấn công.

### Nâng cấp độ
Dữ liệu nhạy cảm, số lượng lớn, hệ thống dùng chung cấp tỉnh hoặc quốc gia: L3–L4, báo cáo cấp trên và phối hợp cơ quan Trung ương.
`,
  },
};
