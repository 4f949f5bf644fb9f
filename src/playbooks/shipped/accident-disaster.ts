// Long file: one shipped playbook written as data (its steps, checklists and message templates, read in order);
// split, one guide would be scattered over several files.
import type { ShippedPlaybook } from '../playbook-content.js';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { PublicationChannel, StatementType } from '../../statements/statement-types.js';

/** Cẩm nang 3: tai nạn, thiên tai (bão, lũ, sạt lở), cháy nổ. */
export const accidentDisaster: ShippedPlaybook = {
  key: 'accident-disaster',
  title: 'Tai nạn, thiên tai, cháy nổ',
  content: {
    summary:
      'Thông tin trong tình huống bão, lũ, sạt lở đất, cháy nổ hoặc tai nạn nghiêm trọng: một đầu mối số liệu từ Ban Chỉ huy, ' +
      'thông tin ban đầu trong vài giờ, cập nhật theo mốc giờ cố định, khuyến cáo an toàn và bác bỏ tin đồn về thương vong.',
    categories: [IncidentCategory.AccidentDisaster],
    severityMin: Severity.L2,
    severityMax: Severity.L4,
    triggers: {
      keywords: [
        'bão',
        'áp thấp nhiệt đới',
        'lũ quét',
        'lũ lụt',
        'ngập lụt',
        'sạt lở',
        'vỡ đê',
        'xả lũ',
        'cháy',
        'nổ',
        'hỏa hoạn',
        'tai nạn',
        'sập',
        'mất tích',
        'thương vong',
        'tử vong',
        'cứu hộ',
        'cứu nạn',
        'sơ tán',
        'chia cắt',
      ],
    },
    stages: [
      {
        key: 'detect_verify',
        title: 'Tiếp nhận, xác minh và phân loại',
        tasks: [
          {
            title: 'Xác minh với Ban Chỉ huy và lực lượng tại hiện trường',
            description:
              'Thời điểm, địa điểm, loại sự cố, quy mô ban đầu, lực lượng đã có mặt. Chỉ dùng số liệu do Ban Chỉ huy ' +
              'hoặc cơ quan chỉ huy hiện trường xác nhận.',
            dueAfterMinutes: 30,
            role: 'deputy',
          },
          {
            title: 'Ghi nhận thông tin đang lan truyền',
            description:
              'Số liệu thương vong chưa xác thực, ảnh, clip cũ hoặc của nơi khác bị gắn cho sự cố này, lời kêu gọi quyên góp ' +
              'có dấu hiệu lừa đảo; lưu đường dẫn và ảnh chụp.',
            dueAfterMinutes: 45,
            role: 'monitoring_analyst',
          },
          {
            title: 'Đánh giá cấp độ, báo cáo lãnh đạo và cấp trên',
            description:
              'Có người tử vong, mất tích, ảnh hưởng nhiều xã, phường hoặc nhiều tỉnh: L3–L4; sự kiện quy mô quốc gia ' +
              'thì báo cáo để người phát ngôn cấp Trung ương thông tin (Nghị định 09/2017/NĐ-CP, Điều 6).',
            dueAfterMinutes: 60,
            role: 'team_leader',
          },
        ],
      },
      {
        key: 'activate_team',
        title: 'Kích hoạt Tổ công tác và điểm cung cấp thông tin',
        tasks: [
          {
            title: 'Kích hoạt Tổ công tác gắn với Ban Chỉ huy',
            description:
              'Đại diện Ban Chỉ huy làm đầu mối số liệu; thống nhất lịch cập nhật cố định (ví dụ 7 giờ, 12 giờ, 18 giờ) ' +
              'và người phát ngôn duy nhất.',
            dueAfterMinutes: 90,
            role: 'team_leader',
          },
          {
            title: 'Thống nhất quy trình chốt và công bố số liệu',
            description:
              'Mỗi con số ghi rõ "tính đến … giờ"; số liệu của xã, phường gửi về Ban Chỉ huy tổng hợp, không công bố riêng lẻ.',
            dueAfterMinutes: 120,
            role: 'deputy',
          },
          {
            title: 'Bố trí điểm cung cấp thông tin cho phóng viên',
            description:
              'Đăng ký phóng viên, hướng dẫn khu vực được tác nghiệp bảo đảm an toàn, không cản trở công tác cứu nạn; ' +
              'thông báo lịch cung cấp thông tin.',
            dueAfterMinutes: 180,
            role: 'press_liaison',
          },
        ],
      },
      {
        key: 'establish_facts',
        title: 'Xác lập sự thật và số liệu',
        tasks: [
          {
            title: 'Chốt số liệu theo mốc giờ',
            description:
              'Số người tử vong, mất tích, bị thương (nơi điều trị), số hộ, người phải sơ tán, công trình, tuyến đường bị ' +
              'ảnh hưởng, khu vực nguy hiểm.',
            dueAfterMinutes: 150,
            role: 'deputy',
          },
          {
            title: 'Thông báo cho gia đình nạn nhân trước khi công bố danh tính',
            description:
              'Chính quyền xã, phường thông báo trực tiếp cho gia đình; chưa công bố họ tên, hình ảnh nạn nhân khi gia đình ' +
              'chưa được thông báo.',
            dueAfterMinutes: 240,
            role: 'deputy',
          },
          {
            title: 'Xác định nguyên nhân sơ bộ',
            description:
              'Với cháy nổ, tai nạn: chỉ thông tin nguyên nhân khi cơ quan điều tra, cảnh sát phòng cháy, chữa cháy và cứu nạn, ' +
              'cứu hộ xác nhận; trước đó dùng câu "nguyên nhân đang được điều tra, làm rõ".',
            dueAfterMinutes: 720,
            role: 'police_liaison',
          },
        ],
      },
      {
        key: 'publish',
        title: 'Soạn thảo, phê duyệt, công bố',
        tasks: [
          {
            title: 'Soạn thông tin ban đầu',
            description: 'Dùng mẫu "Thông tin ban đầu"; ưu tiên khuyến cáo an toàn và đường dây nóng.',
            dueAfterMinutes: 150,
            role: 'drafter',
          },
          {
            title: 'Phê duyệt và công bố thông tin ban đầu',
            description:
              'Thiên tai, tai nạn cần thông tin sớm nhất có thể, không chờ đủ số liệu; hạn chót pháp lý là 24 giờ nhưng ' +
              'mục tiêu là trong 4 giờ.',
            dueAfterMinutes: 240,
            role: 'spokesperson',
          },
          {
            title: 'Đăng khuyến cáo an toàn trên các kênh chính thức',
            description:
              'Trang mạng xã hội chính thức, Cổng thông tin điện tử, hệ thống truyền thanh cơ sở, tin nhắn cảnh báo (nếu có): ' +
              'khu vực nguy hiểm, tuyến đường cấm, điểm sơ tán, đường dây nóng.',
            dueAfterMinutes: 240,
            role: 'drafter',
          },
          {
            title: 'Phát hành thông cáo báo chí cập nhật',
            description:
              'Tổng hợp số liệu đã chốt, công tác cứu nạn, hỗ trợ người dân, nguyên nhân (nếu đã có kết luận).',
            dueAfterMinutes: 1440,
            role: 'spokesperson',
          },
        ],
      },
      {
        key: 'monitor_update',
        title: 'Cập nhật định kỳ và chống tin đồn',
        tasks: [
          {
            title: 'Bác bỏ tin đồn, hình ảnh sai',
            description:
              'Đối chiếu với số liệu đã chốt; đề nghị Công an tỉnh (PA05) xử lý nội dung sai sự thật và lời kêu gọi quyên góp lừa đảo.',
            dueAfterMinutes: 480,
            role: 'monitoring_analyst',
          },
          {
            title: 'Cập nhật số liệu theo lịch đã công bố',
            description:
              'Đúng giờ đã hẹn, kể cả khi chưa có số liệu mới (thông báo "chưa có thay đổi" và giờ cập nhật tiếp theo).',
            dueAfterMinutes: 720,
            role: 'spokesperson',
          },
          {
            title: 'Tổ chức họp báo hoặc thông tin tại giao ban báo chí (L3–L4)',
            dueAfterMinutes: 2880,
            role: 'press_liaison',
          },
          {
            title: 'Thông tin về cứu trợ, khắc phục hậu quả',
            description:
              'Tài khoản, đầu mối tiếp nhận ủng hộ chính thức; kết quả phân bổ công khai; cảnh báo các tài khoản mạo danh.',
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
            title: 'Thông tin kết thúc giai đoạn khẩn cấp',
            description:
              'Tổng hợp thiệt hại cuối cùng, các chính sách hỗ trợ, kênh tiếp nhận phản ánh trong giai đoạn khắc phục.',
            dueAfterMinutes: 4320,
            role: 'spokesperson',
          },
          {
            title: 'Báo cáo kết quả và bài học kinh nghiệm',
            description:
              'Đánh giá tốc độ thông tin ban đầu, tính thống nhất của số liệu, xử lý tin đồn, phối hợp với báo chí.',
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
          { from: 'capability', capability: 'disaster_response', tags: ['deputy_head'] },
          { from: 'capability', capability: 'disaster_response', tags: ['head'] },
          { from: 'responsible_unit', tags: ['deputy_head'] },
        ],
        reason:
          'Đại diện Ban Chỉ huy phòng thủ dân sự (phòng, chống thiên tai và tìm kiếm cứu nạn) hoặc cơ quan chỉ huy hiện trường: ' +
          'đầu mối duy nhất chốt số liệu thương vong, thiệt hại và khuyến cáo an toàn.',
      },
      {
        role: 'press_liaison',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'press_centre', tags: ['press_liaison'] },
          { from: 'capability', capability: 'press_state_management', tags: ['press_liaison'] },
          { from: 'responsible_unit', tags: ['press_liaison'] },
        ],
        reason: 'Điều phối phóng viên tại hiện trường, điểm cung cấp thông tin và lịch cập nhật cho báo chí.',
      },
      {
        role: 'monitoring_analyst',
        count: 1,
        required: true,
        sources: [
          { from: 'capability', capability: 'social_listening', tags: ['monitoring'] },
          { from: 'responsible_unit', tags: ['monitoring'] },
        ],
        reason: 'Phát hiện sớm tin đồn về thương vong, ảnh cũ, lời kêu gọi quyên góp lừa đảo.',
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
          'Công an tỉnh: kết nối cơ quan điều tra nguyên nhân cháy nổ, tai nạn; xử lý tin sai sự thật, lừa đảo quyên góp ' +
          '(bắt buộc khi là vụ cháy nổ, tai nạn có dấu hiệu hình sự).',
      },
    ],
    statementTemplates: [
      {
        type: StatementType.HoldingStatement,
        title: 'Thông tin ban đầu về sự cố, thiên tai',
        channels: [PublicationChannel.Portal, PublicationChannel.SocialPage, PublicationChannel.PressOutlets],
        body: `Vào hồi [giờ, ngày], tại [địa điểm] đã xảy ra sự việc sau:

{{tom_tat}}

**1. Tình hình (số liệu tính đến thời điểm phát hành, do Ban Chỉ huy tổng hợp)**

{{su_kien_da_xac_minh}}

- Người tử vong: [số]; mất tích: [số]; bị thương: [số], đang được điều trị tại [cơ sở y tế];
- Số hộ, số người phải sơ tán: [số], đã bố trí tại [điểm sơ tán];
- Khu vực, tuyến đường bị ảnh hưởng: [nêu cụ thể].

**2. Công tác ứng phó**

Ngay sau khi sự việc xảy ra, [lãnh đạo, Ban Chỉ huy] đã chỉ đạo [lực lượng] có mặt tại hiện trường tổ chức [tìm kiếm, cứu nạn, dập lửa, sơ tán, phân luồng]. [Biện pháp khác.]

**3. Nguyên nhân**

Nguyên nhân đang được cơ quan chức năng khẩn trương làm rõ. {{don_vi}} sẽ thông tin ngay khi có kết luận chính thức.

**4. Khuyến cáo người dân**

- Không đến gần [khu vực nguy hiểm]; không đi qua [tuyến đường, ngầm, tràn]; chấp hành hướng dẫn của lực lượng chức năng;
- Khi cần hỗ trợ khẩn cấp, liên hệ: [đường dây nóng của Ban Chỉ huy]; cứu nạn, cứu hộ: 114; cấp cứu: 115;
- Chỉ tiếp nhận số liệu từ các kênh chính thức; không chia sẻ hình ảnh, thông tin chưa được kiểm chứng và hình ảnh gây phản cảm về nạn nhân;
- Chỉ ủng hộ qua các đầu mối tiếp nhận chính thức được công bố.

**5. Thông tin tiếp theo**

{{don_vi}} sẽ cập nhật tình hình trước {{cap_nhat_tiep_theo}} và theo lịch cố định hằng ngày.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}
`,
      },
      {
        type: StatementType.SocialPost,
        title: 'Cảnh báo, khuyến cáo an toàn trên mạng xã hội',
        channels: [PublicationChannel.SocialPage],
        body: `**CẢNH BÁO KHẨN**

**{{su_co}}**

{{tom_tat}}

**Người dân cần:**

- Tránh xa [khu vực nguy hiểm]; không đi qua [tuyến đường, ngầm, tràn đang bị chia cắt];
- Di chuyển đến [điểm sơ tán] theo hướng dẫn của chính quyền xã, phường và lực lượng chức năng;
- Giữ liên lạc với người thân; chuẩn bị đèn pin, nước uống, thuốc men, giấy tờ cần thiết.

**Đường dây nóng:** [số điện thoại Ban Chỉ huy]; cứu nạn, cứu hộ: 114; cấp cứu: 115.

Thông tin chính thức được cập nhật tại Cổng thông tin điện tử và trang này; lần cập nhật tiếp theo trước {{cap_nhat_tiep_theo}}. Đề nghị không chia sẻ số liệu, hình ảnh chưa được kiểm chứng.

{{don_vi}}
`,
      },
      {
        type: StatementType.PressRelease,
        title: 'Thông cáo báo chí cập nhật tình hình',
        channels: [
          PublicationChannel.Portal,
          PublicationChannel.PressOutlets,
          PublicationChannel.PressConference,
        ],
        body: `**1. Diễn biến**

{{tom_tat}}

**2. Thiệt hại và số liệu đã được xác nhận**

{{su_kien_da_xac_minh}}

| Nội dung | Số liệu | Thay đổi so với lần trước |
| --- | --- | --- |
| Người tử vong | […] | […] |
| Người mất tích | […] | […] |
| Người bị thương | […] | […] |
| Hộ, người phải sơ tán | […] | […] |
| Nhà, công trình hư hại | […] | […] |

**3. Công tác cứu nạn, cứu hộ và hỗ trợ người dân**

[Lực lượng, phương tiện đã huy động; kết quả tìm kiếm; hỗ trợ lương thực, chỗ ở, y tế; chính sách hỗ trợ gia đình nạn nhân.]

**4. Nguyên nhân**

[Nguyên nhân theo kết luận của cơ quan có thẩm quyền; nếu chưa có: "đang được điều tra, làm rõ".]

**5. Làm rõ thông tin chưa chính xác**

[Nêu các thông tin sai đang lan truyền và số liệu, sự thật tương ứng.]

**6. Kế hoạch tiếp theo**

[Các việc sẽ làm, thời gian; lịch cập nhật thông tin; đầu mối tiếp nhận ủng hộ chính thức.]

{{don_vi}} xin chia buồn sâu sắc với gia đình các nạn nhân và cảm ơn các lực lượng, tổ chức, cá nhân đã chung tay hỗ trợ.

---

Người phát ngôn: {{nguoi_phat_ngon}}, {{chuc_vu_nguoi_phat_ngon}}

Liên hệ: {{lien_he_nguoi_phat_ngon}}

Thông tin tiếp theo: trước {{cap_nhat_tiep_theo}}.
`,
      },
    ],
    holdingLines: [
      '{{don_vi}} đã nắm được thông tin và đang phối hợp với các lực lượng tại hiện trường khẩn trương xác minh; số liệu chính thức sẽ được thông tin trước {{cap_nhat_tiep_theo}}.',
      'Ưu tiên hàng đầu lúc này là tìm kiếm, cứu nạn và bảo đảm an toàn cho người dân; đề nghị người dân chấp hành hướng dẫn của lực lượng chức năng.',
      'Nguyên nhân sự việc đang được cơ quan chức năng điều tra, làm rõ; {{don_vi}} sẽ thông tin ngay khi có kết luận chính thức.',
      'Số liệu về thương vong, thiệt hại chỉ được công bố qua người phát ngôn và Cổng thông tin điện tử của {{don_vi}}; đề nghị không chia sẻ thông tin chưa được kiểm chứng.',
      '{{don_vi}} xin chia buồn sâu sắc với gia đình các nạn nhân.',
    ],
    legalReferences: [
      'Chỉ thị 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách, điểm 3.đ (Tổ công tác xử lý sự cố, khủng hoảng truyền thông)',
      'Nghị định 09/2017/NĐ-CP, Điều 6 (phát ngôn và cung cấp thông tin cho báo chí trong trường hợp đột xuất, bất thường; sự kiện quy mô quốc gia do người phát ngôn cấp Trung ương thông tin)',
      'Nghị định 09/2017/NĐ-CP, Điều 4 (các hình thức phát ngôn và cung cấp thông tin cho báo chí)',
      'Luật Báo chí 2025 (Luật số 126/2025/QH15, hiệu lực 01/7/2026): thông tin ban đầu trong 24 giờ theo văn bản hướng dẫn',
      'Nghị định 147/2024/NĐ-CP: yêu cầu nền tảng gỡ bỏ thông tin sai sự thật, lừa đảo quyên góp trong 24 giờ',
    ],
    guidanceMarkdown: `### Mục tiêu
Bảo vệ tính mạng người dân bằng thông tin: khuyến cáo an toàn kịp thời, số liệu thống nhất, không để tin đồn lấp khoảng trống.

### Cần làm
- **Thông tin sớm, kể cả khi chưa đủ**: thông tin ban đầu trong vài giờ chỉ cần nêu điều đã biết, điều đang làm và giờ cập nhật tiếp theo; không chờ đủ số liệu.
- **Một đầu mối số liệu**: chỉ dùng số liệu do Ban Chỉ huy chốt, luôn ghi "tính đến … giờ"; xã, phường không công bố số liệu riêng.
- **Cập nhật đúng lịch đã hẹn**, kể cả khi không có gì mới; sự im lặng sẽ bị thay thế bằng tin đồn.
- **Ưu tiên khuyến cáo**: khu vực nguy hiểm, điểm sơ tán, đường dây nóng đặt lên đầu bài đăng mạng xã hội.
- Phối hợp **Trung tâm Báo chí** bố trí khu vực tác nghiệp an toàn cho phóng viên; **Công an tỉnh** xử lý tin đồn và lừa đảo quyên góp.
- Công khai đầu mối tiếp nhận ủng hộ và kết quả phân bổ.

### Tuyệt đối không
- Không suy đoán nguyên nhân, không quy trách nhiệm khi cơ quan điều tra chưa kết luận.
- Không đổ lỗi cho nạn nhân ("do chủ quan", "cố tình vượt lũ") trong thông tin chính thức.
- Không công bố họ tên, hình ảnh nạn nhân khi gia đình chưa được thông báo; không đăng hình ảnh phản cảm.
- Không đưa ra số liệu ước đoán hay "có thể lên tới …".
- Không để lãnh đạo xuất hiện tại hiện trường chỉ để chụp ảnh, cản trở lực lượng cứu nạn.

### Nâng cấp độ
Sự cố có nhiều người tử vong, mất tích hoặc ảnh hưởng nhiều tỉnh: báo cáo ngay cấp trên; phối hợp với người phát ngôn cấp Trung ương theo Nghị định 09/2017/NĐ-CP, Điều 6.
`,
  },
};
