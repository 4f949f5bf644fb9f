// Long file: one shipped playbook written as data (its steps, checklists and message templates, read in order);
// split, one guide would be scattered over several files.
import type { ShippedPlaybook } from '../playbook-content.js';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { PublicationChannel, StatementType } from '../../statements/statement-types.js';

/** Cẩm nang 1: tin giả, tin sai sự thật về cơ quan, đơn vị hoặc lãnh đạo. */
export const fakeNewsAgency: ShippedPlaybook = {
  key: 'fake-news-agency',
  title: 'Tin giả, tin sai sự thật về cơ quan, lãnh đạo',
  content: {
    summary:
      'Xử lý tin giả, tin sai sự thật, nội dung cắt ghép, mạo danh về cơ quan, đơn vị hoặc lãnh đạo: lưu chứng cứ, xác minh, ' +
      'phối hợp Công an tỉnh (PA05) đề nghị gỡ bỏ trong 24 giờ và công bố thông tin chính thức để cải chính.',
    categories: [IncidentCategory.FakeNews],
    severityMin: Severity.L1,
    severityMax: Severity.L4,
    triggers: {
      keywords: [
        'tin giả',
        'tin sai sự thật',
        'bịa đặt',
        'xuyên tạc',
        'giả mạo',
        'mạo danh',
        'cắt ghép',
        'ảnh ghép',
        'deepfake',
        'tài khoản giả',
        'văn bản giả',
        'vu khống',
        'bôi nhọ',
        'lừa đảo',
        'thông tin thất thiệt',
        'tin đồn',
        'xúc phạm lãnh đạo',
      ],
    },
    stages: [
      {
        key: 'detect_verify',
        title: 'Phát hiện, xác minh và đánh giá, phân loại',
        tasks: [
          {
            title: 'Lưu giữ chứng cứ nội dung vi phạm',
            description:
              'Chụp màn hình toàn trang (có thời gian, tài khoản đăng, lượt xem, chia sẻ), lưu đường dẫn và bản lưu trữ; ' +
              'ghi nhận các trang, nhóm đã chia sẻ lại. Không bình luận, không tương tác với bài viết.',
            dueAfterMinutes: 30,
            role: 'monitoring_analyst',
          },
          {
            title: 'Đối chiếu nội dung với hồ sơ, văn bản gốc',
            description:
              'Xác định phần nào bịa đặt hoàn toàn (tin giả), phần nào có một phần sự thật nhưng bị cắt ghép, xuyên tạc ' +
              '(tin sai sự thật); tìm văn bản, hình ảnh, lịch công tác gốc để đối chứng.',
            dueAfterMinutes: 60,
            role: 'drafter',
          },
          {
            title: 'Đánh giá mức độ lan truyền, đề xuất cấp độ',
            description:
              'Tốc độ lan truyền, tài khoản có lượng theo dõi lớn, báo chí đã đăng lại hay chưa, có kêu gọi tụ tập, ' +
              'có yếu tố an ninh, trật tự hay không; đề xuất cấp độ L1–L4 và báo cáo lãnh đạo.',
            dueAfterMinutes: 90,
            role: 'monitoring_analyst',
          },
        ],
      },
      {
        key: 'activate_team',
        title: 'Kích hoạt Tổ công tác',
        tasks: [
          {
            title: 'Triệu tập Tổ công tác, phân công nhiệm vụ',
            description:
              'Xác nhận thành viên (Công an tỉnh – PA05, Sở Văn hóa, Thể thao và Du lịch, Trung tâm Báo chí, Ban Tuyên giáo ' +
              'và Dân vận); thống nhất nguyên tắc chỉ người phát ngôn cung cấp thông tin.',
            dueAfterMinutes: 120,
            role: 'team_leader',
          },
          {
            title: 'Chuyển hồ sơ chứng cứ cho Công an tỉnh (PA05)',
            description:
              'Gửi danh sách đường dẫn, ảnh chụp, bản lưu trữ để xác minh nguồn phát tán, chủ thể tài khoản và chuẩn bị ' +
              'yêu cầu ngăn chặn, gỡ bỏ.',
            dueAfterMinutes: 150,
            role: 'police_liaison',
          },
          {
            title: 'Thông tin cho Ban Tuyên giáo và Dân vận, cơ quan quản lý báo chí',
            description:
              'Đề nghị định hướng thông tin; Sở Văn hóa, Thể thao và Du lịch lưu ý các cơ quan báo chí không đăng lại ' +
              'thông tin chưa được kiểm chứng.',
            dueAfterMinutes: 180,
            role: 'party_propaganda_liaison',
          },
        ],
      },
      {
        key: 'establish_facts',
        title: 'Xác lập sự thật',
        tasks: [
          {
            title: 'Lập danh mục sự thật đã xác minh',
            description:
              'Với mỗi luận điểm sai: nội dung lan truyền – sự thật – nguồn xác minh (văn bản, số liệu, xác nhận của ' +
              'người liên quan). Ghi vào hồ sơ sự cố làm căn cứ soạn thảo.',
            dueAfterMinutes: 240,
            role: 'drafter',
          },
          {
            title: 'Xác nhận với lãnh đạo, cá nhân bị nêu tên',
            description:
              'Xác nhận lịch công tác, phát ngôn, văn bản liên quan; lấy ý kiến về việc công bố hình ảnh, tài liệu gốc.',
            dueAfterMinutes: 240,
            role: 'team_leader',
          },
          {
            title: 'Xác định nguồn phát tán ban đầu',
            description:
              'Công an tỉnh (PA05) xác định tài khoản, trang phát tán đầu tiên và dấu hiệu tổ chức; kết quả chỉ được ' +
              'công bố khi cơ quan công an cho phép.',
            dueAfterMinutes: 360,
            role: 'police_liaison',
          },
        ],
      },
      {
        key: 'publish',
        title: 'Soạn thảo, phê duyệt, công bố',
        tasks: [
          {
            title: 'Soạn thông tin ban đầu và bài đăng cải chính',
            description: 'Dùng mẫu "Thông tin ban đầu"; chỉ đưa các sự thật đã có trong danh mục xác minh.',
            dueAfterMinutes: 300,
            role: 'drafter',
          },
          {
            title: 'Gửi đề nghị ngăn chặn, gỡ bỏ nội dung vi phạm',
            description:
              'Gửi qua Công an tỉnh (PA05) hoặc Sở Văn hóa, Thể thao và Du lịch để yêu cầu nền tảng gỡ bỏ trong 24 giờ ' +
              '(Nghị định 147/2024/NĐ-CP); kèm bảng đường dẫn và chứng cứ.',
            dueAfterMinutes: 360,
            role: 'police_liaison',
          },
          {
            title: 'Rà soát pháp lý dự thảo',
            description:
              'Không nêu tên người chưa bị cơ quan có thẩm quyền kết luận; không để lộ dữ liệu cá nhân, bí mật nhà nước; ' +
              'cảnh báo xử lý vi phạm đúng căn cứ.',
            dueAfterMinutes: 390,
            role: 'legal_reviewer',
          },
          {
            title: 'Phê duyệt thông tin ban đầu',
            dueAfterMinutes: 450,
            role: 'approving_leader',
          },
          {
            title: 'Công bố thông tin ban đầu',
            description:
              'Đăng Cổng thông tin điện tử, trang mạng xã hội chính thức; gửi cơ quan báo chí qua Trung tâm Báo chí. ' +
              'Hạn chót pháp lý: 24 giờ kể từ khi tiếp nhận vụ việc.',
            dueAfterMinutes: 480,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'monitor_update',
        title: 'Theo dõi, gỡ bỏ và cập nhật',
        tasks: [
          {
            title: 'Đề nghị gắn nhãn tin giả, đăng thông tin xác thực',
            description:
              'Qua Sở Văn hóa, Thể thao và Du lịch gửi Trung tâm Xử lý tin giả Việt Nam (VAFC) hồ sơ để gắn nhãn ' +
              '"tin giả" hoặc "tin sai sự thật" trên tingia.gov.vn.',
            dueAfterMinutes: 720,
            role: 'press_liaison',
          },
          {
            title: 'Báo cáo diễn biến dư luận sau công bố',
            description:
              'So sánh lượng thảo luận, tỷ lệ tiêu cực trước và sau khi công bố; phát hiện biến thể mới, trang mới đăng lại.',
            dueAfterMinutes: 1440,
            role: 'monitoring_analyst',
          },
          {
            title: 'Đề nghị cơ quan báo chí cải chính (nếu đã đăng lại)',
            dueAfterMinutes: 1440,
            role: 'press_liaison',
          },
          {
            title: 'Kiểm tra kết quả gỡ bỏ sau 24 giờ',
            description:
              'Đối chiếu từng đường dẫn đã đề nghị; nội dung chưa gỡ thì báo Công an tỉnh (PA05) để tiếp tục yêu cầu nền tảng.',
            dueAfterMinutes: 1800,
            role: 'monitoring_analyst',
          },
          {
            title: 'Cập nhật kết quả xử lý',
            description:
              'Thông tin kết quả xử lý người đăng tải, phát tán khi cơ quan công an đồng ý công bố.',
            dueAfterMinutes: 2880,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'close_review',
        title: 'Kết thúc, rút kinh nghiệm',
        tasks: [
          {
            title: 'Đề xuất kết thúc xử lý sự cố',
            description:
              'Khi lượng thảo luận trở về mức nền, nội dung vi phạm đã được gỡ bỏ hoặc gắn nhãn và không xuất hiện biến thể mới.',
            dueAfterMinutes: 4320,
            role: 'team_leader',
          },
          {
            title: 'Báo cáo kết quả xử lý và bài học kinh nghiệm',
            description:
              'Theo mẫu: diễn biến, nguồn và mức độ lan truyền, các văn bản đã phát hành, kết quả gỡ bỏ, cải chính, ' +
              'việc tuân thủ thời hạn, tồn tại và kiến nghị.',
            dueAfterMinutes: 10080,
            role: 'scribe',
          },
          {
            title: 'Lưu trữ hồ sơ, chứng cứ',
            dueAfterMinutes: 10080,
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
          'Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao – PA05) xác minh nguồn phát tán, ' +
          'lưu giữ chứng cứ, yêu cầu nền tảng gỡ bỏ theo Nghị định 147/2024/NĐ-CP và xử lý người vi phạm.',
      },
      {
        role: 'monitoring_analyst',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'social_listening', tags: ['monitoring'] },
          { from: 'responsible_unit', tags: ['monitoring'] },
        ],
        reason: 'Đo mức độ lan truyền, lưu chứng cứ từng đường dẫn và kiểm tra kết quả gỡ bỏ.',
      },
      {
        role: 'press_liaison',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'press_state_management', tags: ['press_liaison'] },
          { from: 'capability', capability: 'press_centre', tags: ['press_liaison'] },
          { from: 'responsible_unit', tags: ['press_liaison'] },
        ],
        reason:
          'Cơ quan quản lý nhà nước về báo chí, thông tin điện tử (Sở Văn hóa, Thể thao và Du lịch từ 01/3/2025) ' +
          'đề nghị VAFC gắn nhãn, lưu ý báo chí không đăng lại và theo dõi việc cải chính.',
      },
      {
        role: 'party_propaganda_liaison',
        count: 1,
        required: false,
        sources: [
          { from: 'capability', capability: 'party_propaganda', tags: ['propaganda_liaison'] },
          { from: 'responsible_unit', tags: ['propaganda_liaison'] },
        ],
        reason: 'Ban Tuyên giáo và Dân vận định hướng thông tin, đấu tranh phản bác quan điểm sai trái.',
      },
    ],
    statementTemplates: [
      {
        type: StatementType.HoldingStatement,
        title: 'Thông tin ban đầu về thông tin sai sự thật',
        channels: [PublicationChannel.Portal, PublicationChannel.SocialPage, PublicationChannel.PressOutlets],
        body: `Thời gian gần đây, trên một số trang mạng xã hội xuất hiện thông tin sau, được chia sẻ, bình luận, gây hoang mang trong dư luận:

{{tom_tat}}

{{don_vi}} thông tin ban đầu như sau:

**1. Kết quả xác minh (tính đến thời điểm phát hành)**

{{su_kien_da_xac_minh}}

**2. Khẳng định của {{don_vi}}**

Nội dung "[trích ngắn luận điểm sai]" là [không có thật, bịa đặt / sai sự thật, bị cắt ghép, xuyên tạc so với thực tế]. Thực tế: [nêu ngắn gọn sự thật, kèm số hiệu văn bản, số liệu chính thức].

**3. Các biện pháp đã triển khai**

- Lưu giữ chứng cứ và phối hợp với Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao) xác minh nguồn phát tán;
- Đề nghị cơ quan có thẩm quyền yêu cầu các nền tảng ngăn chặn, gỡ bỏ nội dung vi phạm;
- [Biện pháp khác, nếu có].

**4. Khuyến cáo**

{{don_vi}} đề nghị người dân chỉ tiếp nhận thông tin từ các nguồn chính thống (Cổng thông tin điện tử, trang mạng xã hội chính thức của {{don_vi}}, cơ quan báo chí); không chia sẻ, bình luận, lan truyền thông tin chưa được kiểm chứng. Tổ chức, cá nhân đăng tải, chia sẻ thông tin sai sự thật có thể bị xử lý theo quy định của pháp luật. Khi phát hiện thông tin giả mạo, người dân có thể phản ánh tới {{don_vi}} hoặc Trung tâm Xử lý tin giả Việt Nam (tingia.gov.vn).

**5. Thông tin tiếp theo**

{{don_vi}} sẽ tiếp tục thông tin chính thức về kết quả xử lý trước {{cap_nhat_tiep_theo}}.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.TakedownRequest,
        title: 'Đề nghị ngăn chặn, gỡ bỏ thông tin sai sự thật',
        channels: [PublicationChannel.Platform],
        body: `Kính gửi:

- Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao);
- Sở Văn hóa, Thể thao và Du lịch;
- [Doanh nghiệp cung cấp nền tảng, nếu gửi trực tiếp].

Ngày [ngày phát hiện], {{don_vi}} phát hiện trên không gian mạng xuất hiện nội dung sai sự thật (vụ việc "{{su_co}}"), cụ thể:

{{tom_tat}}

Qua xác minh, {{don_vi}} khẳng định đây là [tin giả / tin sai sự thật]. Các nội dung đã được xác minh:

{{su_kien_da_xac_minh}}

Các nội dung trên [gây hoang mang dư luận; ảnh hưởng đến uy tín của cơ quan, tổ chức; xúc phạm danh dự, nhân phẩm của cá nhân]. Căn cứ Nghị định số 147/2024/NĐ-CP của Chính phủ về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng, {{don_vi}} đề nghị:

1. Yêu cầu doanh nghiệp cung cấp nền tảng ngăn chặn, gỡ bỏ các nội dung dưới đây trong thời hạn 24 giờ kể từ khi nhận được yêu cầu;
2. Xác minh, làm rõ và xử lý tổ chức, cá nhân đăng tải, phát tán theo quy định của pháp luật;
3. Thông báo kết quả xử lý cho {{don_vi}} để thông tin công khai theo quy định.

**Danh mục nội dung vi phạm**

| STT | Đường dẫn (URL) | Tài khoản, trang đăng tải | Thời điểm đăng | Lượt xem, chia sẻ | Nội dung vi phạm | Chứng cứ lưu trữ |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | […] | […] | […] | […] | […] | [ảnh chụp màn hình, bản lưu trữ] |

Đầu mối phối hợp: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}; {{lien_he_nguoi_phat_ngon}}. Mã hồ sơ sự cố: {{ma_su_co}}.

*Nơi nhận:* như trên; {{don_vi_cap_tren}} (để báo cáo); lưu hồ sơ.

**THỦ TRƯỞNG ĐƠN VỊ**

*(Ký, ghi rõ họ tên, đóng dấu)*
`,
      },
      {
        type: StatementType.CorrectionRequest,
        title: 'Đề nghị cơ quan báo chí cải chính',
        channels: [PublicationChannel.PressOutlets],
        body: `Kính gửi: Tổng Biên tập [tên cơ quan báo chí].

Ngày [ngày đăng], [tên cơ quan báo chí] đăng tải tin/bài "[tên bài]" tại [đường dẫn], trong đó có nội dung: "[trích nguyên văn đoạn sai]".

Nội dung trên không đúng với sự thật. Qua xác minh, {{don_vi}} cung cấp thông tin chính xác như sau:

{{su_kien_da_xac_minh}}

Căn cứ quy định của pháp luật về báo chí và Nghị định số 09/2017/NĐ-CP của Chính phủ, {{don_vi}} đề nghị Quý cơ quan đăng tải nội dung cải chính trên chính ấn phẩm, chuyên trang đã đăng tin/bài nêu trên, đồng thời chỉnh sửa hoặc gỡ bỏ phần nội dung sai và thông báo kết quả cho {{don_vi}}.

Đầu mối cung cấp thông tin: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}; {{lien_he_nguoi_phat_ngon}}.

*Nơi nhận:* như trên; Sở Văn hóa, Thể thao và Du lịch (để theo dõi); lưu hồ sơ.

**THỦ TRƯỞNG ĐƠN VỊ**

*(Ký, ghi rõ họ tên, đóng dấu)*
`,
      },
      {
        type: StatementType.SocialPost,
        title: 'Bài đăng cải chính trên trang chính thức',
        channels: [PublicationChannel.SocialPage],
        body: `**THÔNG TIN CHÍNH THỨC**

**Về {{su_co}}**

Thời gian qua, trên mạng xã hội lan truyền thông tin sau:

{{tom_tat}}

{{don_vi}} khẳng định: đây là thông tin [không có thật / sai sự thật]. Sự thật:

{{su_kien_da_xac_minh}}

Đề nghị người dân không chia sẻ, bình luận thông tin chưa được kiểm chứng; chỉ theo dõi thông tin từ các nguồn chính thống. Việc đăng tải, chia sẻ thông tin sai sự thật có thể bị xử lý theo quy định của pháp luật.

Thông tin tiếp theo sẽ được cập nhật trước {{cap_nhat_tiep_theo}}.

Liên hệ người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}} – {{lien_he_nguoi_phat_ngon}}.
`,
      },
    ],
    holdingLines: [
      '{{don_vi}} đã nắm được thông tin đang lan truyền trên mạng xã hội và đang khẩn trương xác minh; kết quả sẽ được thông tin chính thức trước {{cap_nhat_tiep_theo}}.',
      'Thông tin chính thức về vụ việc chỉ được cung cấp qua người phát ngôn và Cổng thông tin điện tử của {{don_vi}}.',
      'Đề nghị người dân không chia sẻ, bình luận thông tin chưa được kiểm chứng; cần xác minh, xin liên hệ người phát ngôn của {{don_vi}}: {{lien_he_nguoi_phat_ngon}}.',
      '{{don_vi}} đã lưu giữ chứng cứ và phối hợp với cơ quan Công an để xử lý theo quy định của pháp luật đối với hành vi đăng tải, phát tán thông tin sai sự thật.',
    ],
    legalReferences: [
      'Chỉ thị 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách, điểm 3.đ (Tổ công tác xử lý sự cố, khủng hoảng truyền thông)',
      'Nghị định 09/2017/NĐ-CP, Điều 4 (các hình thức phát ngôn và cung cấp thông tin cho báo chí, gồm đề nghị cơ quan báo chí đăng phản hồi, cải chính)',
      'Nghị định 09/2017/NĐ-CP, Điều 6 (phát ngôn và cung cấp thông tin cho báo chí trong trường hợp đột xuất, bất thường)',
      'Nghị định 147/2024/NĐ-CP (hiệu lực 25/12/2024): nền tảng ngăn chặn, gỡ bỏ nội dung vi phạm trong 24 giờ kể từ khi có yêu cầu',
      'Luật Báo chí 2025 (Luật số 126/2025/QH15, hiệu lực 01/7/2026): cung cấp thông tin cho báo chí là nghĩa vụ; thông tin ban đầu trong 24 giờ theo văn bản hướng dẫn',
      'Phân loại của Trung tâm Xử lý tin giả Việt Nam (VAFC, tingia.gov.vn): tin giả, tin sai sự thật, tin xác thực',
    ],
    guidanceMarkdown: `### Mục tiêu
Nhanh chóng đưa sự thật lên các kênh chính thống, làm gián đoạn việc lan truyền và lưu đủ chứng cứ để xử lý người vi phạm.

### Cần làm
- **Lưu chứng cứ trước, phản bác sau**: nội dung có thể bị xóa bất cứ lúc nào; thiếu ảnh chụp, đường dẫn, thời điểm đăng thì không thể đề nghị gỡ bỏ hay xử lý.
- **Phân biệt đúng loại tin**: "tin giả" là bịa đặt hoàn toàn; "tin sai sự thật" có một phần đúng nhưng bị cắt ghép, xuyên tạc. Thừa nhận phần đúng (nếu có) giúp lời cải chính đáng tin hơn.
- **Một tiếng nói**: chỉ người phát ngôn (hoặc người được ủy quyền bằng văn bản cho vụ việc này) trả lời báo chí; cán bộ khác không bình luận trên trang cá nhân.
- **Đưa bằng chứng, không chỉ phủ nhận**: số hiệu văn bản, hình ảnh gốc, lịch công tác, số liệu chính thức.
- Phối hợp **Công an tỉnh (PA05)** về chứng cứ và yêu cầu gỡ bỏ; **Sở Văn hóa, Thể thao và Du lịch** về báo chí và VAFC; **Ban Tuyên giáo và Dân vận** về định hướng dư luận.
- Đăng thông tin chính thức trên Cổng thông tin điện tử và trang mạng xã hội chính thức để các nền tảng, báo chí dẫn nguồn.

### Tuyệt đối không
- Không suy đoán động cơ, không quy kết "thế lực thù địch" khi chưa có kết luận của cơ quan chức năng.
- Không công bố tên, ảnh, thông tin cá nhân của người đăng tải khi cơ quan công an chưa cho phép.
- Không nhắc lại nguyên văn toàn bộ tin giả trong tiêu đề; chỉ trích đoạn ngắn cần cải chính.
- Không dùng lời lẽ đe dọa; cảnh báo xử lý phải nêu đúng căn cứ pháp luật.
- Không đàm phán, trao đổi riêng với người đăng tải để "gỡ bài".

### Khi nào nâng cấp độ
Tin giả liên quan an ninh, trật tự, kêu gọi tụ tập, hoặc lan ra nhiều tỉnh: nâng L3–L4, báo cáo cơ quan cấp trên; sự việc quy mô quốc gia do người phát ngôn cấp Trung ương thông tin (Nghị định 09/2017/NĐ-CP, Điều 6).
`,
  },
};
