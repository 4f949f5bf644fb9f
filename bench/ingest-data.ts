/**
 * Synthetic but realistic monitoring data for bench:ingest: the fictional Tỉnh An Hòa, its departments, their
 * watchlist topics, and a stream of Vietnamese mentions (press, Facebook groups, TikTok, forums) with the
 * fields a provincial social-listening system sends. Every item is a pure function of (seed, index), so the
 * HTTP run and the COPY baseline load exactly the same rows, and clients can build batches in any order.
 */

import { LOCAL_OUTLETS, NATIONAL_OUTLETS } from './support/vietnamese-mentions.js';
import type { Outlet } from './support/vietnamese-mentions.js';

export interface BenchTopic {
  key: string;
  unit: string;
  name: string;
  category: string;
  anyTerms: string[];
  unitNames: string[];
  leaderNames: string[];
  /** Sentences that mention the topic: [subject-ish opening, negative angle, neutral angle, positive angle]. */
  says: { lead: string[]; negative: string[]; neutral: string[]; positive: string[] };
}

export const UNITS = [
  { key: 'ubnd', name: 'Ủy ban nhân dân tỉnh An Hòa' },
  { key: 'syt', name: 'Sở Y tế tỉnh An Hòa' },
  { key: 'sgd', name: 'Sở Giáo dục và Đào tạo tỉnh An Hòa' },
  { key: 'snnmt', name: 'Sở Nông nghiệp và Môi trường tỉnh An Hòa' },
  { key: 'sxd', name: 'Sở Xây dựng tỉnh An Hòa' },
  { key: 'skhcn', name: 'Sở Khoa học và Công nghệ tỉnh An Hòa' },
  { key: 'svh', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa' },
  { key: 'cat', name: 'Công an tỉnh An Hòa' },
  { key: 'pctt', name: 'Ban Chỉ huy Phòng thủ dân sự tỉnh An Hòa' },
  { key: 'dl', name: 'Công ty Điện lực An Hòa' },
  { key: 'tt', name: 'Thanh tra tỉnh An Hòa' },
] as const;

export const TOPICS: BenchTopic[] = [
  {
    key: 'food',
    unit: 'syt',
    name: 'Ngộ độc thực phẩm trường học',
    category: 'public_health',
    anyTerms: ['ngộ độc', 'nhập viện', 'bếp ăn tập thể'],
    unitNames: ['Sở Y tế An Hòa'],
    leaderNames: ['Trần Thị Bích'],
    says: {
      lead: [
        'Kiểm tra an toàn thực phẩm bếp ăn tập thể trường tiểu học',
        'Tập huấn phòng chống ngộ độc thực phẩm cho nhà trường',
        'Bữa ăn bán trú của học sinh mùa khai giảng',
      ],
      negative: [
        'phụ huynh rất bức xúc vì nhà trường chậm trễ thông báo',
        'nhiều cháu phải nhập viện cấp cứu, gia đình hoang mang',
      ],
      neutral: [
        'cơ quan chức năng đang lấy mẫu xét nghiệm',
        'trung tâm y tế đang theo dõi sức khỏe các cháu',
      ],
      positive: [
        'các cháu đã được điều trị kịp thời và xuất viện an toàn',
        'bệnh viện tỉnh xử lý rất chuyên nghiệp',
      ],
    },
  },
  {
    key: 'landslide',
    unit: 'pctt',
    name: 'Sạt lở, lũ quét',
    category: 'accident_disaster',
    anyTerms: ['sạt lở', 'lũ quét', 'ngập lụt'],
    unitNames: ['Ban Chỉ huy Phòng thủ dân sự tỉnh'],
    leaderNames: [],
    says: {
      lead: [
        'Cảnh báo nguy cơ sạt lở đất vùng núi',
        'Diễn tập phòng chống lũ quét ở huyện vùng cao',
        'Kiểm tra hệ thống thoát nước chống ngập lụt',
      ],
      negative: [
        'nhiều hộ dân bị thiệt hại nặng, đường bị chia cắt',
        'người dân lo lắng vì chưa có phương án di dời',
      ],
      neutral: [
        'lực lượng chức năng đang khắc phục hậu quả',
        'chính quyền khuyến cáo người dân không qua ngầm tràn',
      ],
      positive: [
        'lực lượng cứu hộ có mặt kịp thời, không có thương vong',
        'người dân cảm ơn bộ đội đã hỗ trợ di dời',
      ],
    },
  },
  {
    key: 'fake',
    unit: 'svh',
    name: 'Tin giả về chính sách',
    category: 'fake_news',
    anyTerms: ['tin giả', 'tin sai sự thật', 'tin đồn'],
    unitNames: [],
    leaderNames: [],
    says: {
      lead: [
        'Trung tâm Báo chí tỉnh cải chính tin đồn về sáp nhập xã',
        'Cách nhận biết và phòng chống tin giả trên mạng xã hội',
        'Thông tin chính thức về giá vé xe buýt sau tin đồn',
      ],
      negative: [
        'nhiều người chia sẻ khiến dư luận hoang mang',
        'tài khoản ảo tiếp tục xuyên tạc chủ trương',
      ],
      neutral: [
        'cơ quan chức năng đang xác minh nguồn tin',
        'Trung tâm Báo chí tỉnh sẽ thông tin chính thức',
      ],
      positive: [
        'tỉnh đã cải chính kịp thời, người dân yên tâm',
        'cộng đồng mạng đồng tình với thông tin chính thức',
      ],
    },
  },
  {
    key: 'fees',
    unit: 'sgd',
    name: 'Học phí và các khoản thu',
    category: 'policy_backlash',
    anyTerms: ['học phí', 'lạm thu', 'các khoản thu đầu năm'],
    unitNames: ['Sở Giáo dục An Hòa'],
    leaderNames: [],
    says: {
      lead: [
        'Công khai các khoản thu đầu năm học mới',
        'Hướng dẫn miễn, giảm học phí cho học sinh',
        'Họp phụ huynh về học phí năm học 2025-2026',
      ],
      negative: ['nhiều gia đình bất bình vì thu sai quy định', 'phụ huynh phản đối vì chưa được công khai'],
      neutral: ['sở đang rà soát danh mục các khoản thu', 'nhà trường giải trình tại cuộc họp phụ huynh'],
      positive: ['nhà trường đã hoàn trả và công khai minh bạch', 'phụ huynh hài lòng với cách giải quyết'],
    },
  },
  {
    key: 'power',
    unit: 'dl',
    name: 'Mất điện, hóa đơn tiền điện',
    category: 'service_failure',
    anyTerms: ['mất điện', 'cắt điện', 'hóa đơn tiền điện'],
    unitNames: ['Điện lực An Hòa'],
    leaderNames: [],
    says: {
      lead: [
        'Lịch tạm ngừng cấp điện để bảo trì lưới',
        'Hóa đơn tiền điện tháng 7 của hộ gia đình',
        'Điện lực thông báo lịch cắt điện cuối tuần',
      ],
      negative: [
        'người dân kêu trời vì nóng bức, thiệt hại kinh doanh',
        'khách hàng bức xúc vì không được báo trước',
      ],
      neutral: ['điện lực thông báo lịch bảo trì đường dây', 'ngành điện giải thích cách tính bậc thang'],
      positive: ['điện lực khắc phục sự cố nhanh chóng', 'người dân cảm ơn đội sửa chữa làm việc xuyên đêm'],
    },
  },
  {
    key: 'land',
    unit: 'snnmt',
    name: 'Thu hồi đất, đền bù',
    category: 'policy_backlash',
    anyTerms: ['thu hồi đất', 'đền bù', 'giải phóng mặt bằng'],
    unitNames: [],
    leaderNames: [],
    says: {
      lead: [
        'Dự án khu đô thị mới thu hồi đất',
        'Giá đền bù dự án đường vành đai',
        'Giải phóng mặt bằng cụm công nghiệp',
      ],
      negative: ['người dân cho rằng giá đền bù bất công', 'nhiều hộ khiếu nại kéo dài chưa được giải quyết'],
      neutral: [
        'hội đồng bồi thường tổ chức đối thoại với dân',
        'phương án tái định cư đang được lấy ý kiến',
      ],
      positive: ['người dân đồng tình bàn giao mặt bằng', 'khu tái định cư mới sạch sẽ, thuận tiện'],
    },
  },
  {
    key: 'scam',
    unit: 'cat',
    name: 'Lừa đảo qua mạng',
    category: 'misconduct_allegation',
    anyTerms: ['lừa đảo', 'chiếm đoạt', 'giả danh'],
    unitNames: ['Công an tỉnh An Hòa'],
    leaderNames: [],
    says: {
      lead: [
        'Công an khuyến cáo phòng ngừa lừa đảo qua mạng',
        'Nhận diện thủ đoạn giả danh cán bộ thuế',
        'Ngân hàng hướng dẫn ngăn chặn chiếm đoạt tài khoản',
      ],
      negative: [
        'nhiều người đã mất trắng tiền tiết kiệm',
        'nạn nhân hoang mang vì kẻ gian biết rõ thông tin cá nhân',
      ],
      neutral: ['công an khuyến cáo không cung cấp mã OTP', 'cơ quan điều tra đang xác minh các tài khoản'],
      positive: [
        'công an đã bắt giữ nhóm đối tượng, người dân yên tâm',
        'ngân hàng hỗ trợ phong tỏa tài khoản kịp thời',
      ],
    },
  },
  {
    key: 'pollution',
    unit: 'snnmt',
    name: 'Ô nhiễm môi trường',
    category: 'other',
    anyTerms: ['ô nhiễm', 'xả thải', 'mùi hôi'],
    unitNames: [],
    leaderNames: [],
    says: {
      lead: [
        'Quan trắc chất lượng nước sông Hòa',
        'Kiểm tra việc xả thải của khu công nghiệp',
        'Thu gom rác thải sinh hoạt giảm mùi hôi',
      ],
      negative: [
        'người dân bức xúc vì phải sống chung với ô nhiễm',
        'cư dân phản đối, đề nghị đình chỉ hoạt động',
      ],
      neutral: ['đoàn kiểm tra đã lấy mẫu nước để phân tích', 'doanh nghiệp cam kết nâng cấp hệ thống xử lý'],
      positive: ['dòng sông đã được cải thiện rõ rệt', 'người dân hoan nghênh quyết định xử phạt'],
    },
  },
  {
    key: 'traffic',
    unit: 'sxd',
    name: 'Giao thông đô thị',
    category: 'service_failure',
    anyTerms: ['giao thông', 'phân luồng', 'ùn tắc'],
    unitNames: [],
    leaderNames: [],
    says: {
      lead: [
        'Phân luồng giao thông quanh công trình cầu Hòa Bình',
        'Giao thông giờ cao điểm trên quốc lộ qua thành phố',
        'Điều chỉnh tuyến xe buýt nội thành',
      ],
      negative: [
        'người dân bức xúc vì ùn tắc kéo dài, công trình chậm trễ',
        'tuyến đường xuống cấp nguy hiểm',
      ],
      neutral: [
        'cảnh sát giao thông phân luồng từ sáng sớm',
        'sở xây dựng công bố phương án tổ chức giao thông',
      ],
      positive: ['nút giao mới thông thoáng, thuận lợi', 'người dân khen lực lượng điều tiết chuyên nghiệp'],
    },
  },
  {
    key: 'data',
    unit: 'skhcn',
    name: 'Lộ lọt dữ liệu cá nhân',
    category: 'data_leak',
    anyTerms: ['lộ lọt dữ liệu', 'rò rỉ thông tin', 'dữ liệu cá nhân'],
    unitNames: [],
    leaderNames: [],
    says: {
      lead: [
        'Hướng dẫn bảo vệ dữ liệu cá nhân khi dùng dịch vụ công',
        'Kiểm tra an toàn thông tin cổng dịch vụ công của tỉnh',
        'Quy định mới về xử lý dữ liệu cá nhân',
      ],
      negative: [
        'người dân lo ngại bị lừa đảo, đề nghị làm rõ trách nhiệm',
        'phụ huynh hoang mang vì bị gọi điện quấy rối',
      ],
      neutral: [
        'sở đang phối hợp công an kiểm tra hệ thống',
        'đơn vị vận hành đã tạm dừng tính năng tra cứu',
      ],
      positive: [
        'hệ thống đã được vá lỗi, dữ liệu an toàn',
        'việc xử lý minh bạch được dư luận đánh giá cao',
      ],
    },
  },
  {
    key: 'admin',
    unit: 'ubnd',
    name: 'Thủ tục hành chính, dịch vụ công',
    category: 'service_failure',
    anyTerms: ['thủ tục hành chính', 'bộ phận một cửa', 'dịch vụ công'],
    unitNames: ['UBND tỉnh An Hòa', 'Ủy ban nhân dân tỉnh An Hòa'],
    leaderNames: ['Nguyễn Văn An'],
    says: {
      lead: [
        'Bộ phận một cửa của phường',
        'Cổng dịch vụ công trực tuyến của tỉnh',
        'Thủ tục hành chính cấp sổ đỏ',
      ],
      negative: [
        'người dân phải chờ đợi cả buổi, hồ sơ bị trả lại nhiều lần',
        'hệ thống lỗi liên tục, người dân thất vọng',
      ],
      neutral: [
        'tỉnh công bố danh mục thủ tục được cắt giảm',
        'UBND tỉnh An Hòa họp báo về cải cách hành chính',
      ],
      positive: [
        'cán bộ tận tình, hồ sơ được giải quyết nhanh chóng',
        'người dân rất hài lòng với dịch vụ công trực tuyến',
      ],
    },
  },
  {
    key: 'misconduct',
    unit: 'tt',
    name: 'Cán bộ nhũng nhiễu',
    category: 'misconduct_allegation',
    anyTerms: ['nhũng nhiễu', 'vòi tiền', 'tham nhũng'],
    unitNames: [],
    leaderNames: [],
    says: {
      lead: [
        'Hội nghị phòng, chống tham nhũng năm 2025',
        'Đường dây nóng tiếp nhận phản ánh nhũng nhiễu',
        'Thanh tra tỉnh công bố kết quả phòng chống tham nhũng',
      ],
      negative: ['dư luận phẫn nộ, yêu cầu xử lý nghiêm', 'người dân bức xúc vì bị gây khó dễ'],
      neutral: [
        'thanh tra tỉnh đã tiếp nhận và xác minh',
        'cán bộ liên quan tạm đình chỉ công tác để kiểm điểm',
      ],
      positive: ['việc xử lý nghiêm minh được người dân ủng hộ', 'tỉnh công khai kết quả xác minh minh bạch'],
    },
  },
];

/** The topic that gets the burst in the middle of the run. */
export const SPIKE_TOPIC = 'food';

const NOISE = [
  'Thời tiết An Hòa hôm nay nắng nóng, nhiệt độ cao nhất 37 độ',
  'Giá xăng dầu điều chỉnh giảm từ 15 giờ chiều nay',
  'Lễ hội đua thuyền truyền thống thu hút đông đảo du khách',
  'Đội bóng đá An Hòa giành chiến thắng trên sân nhà',
  'Chợ phiên cuối tuần bày bán nhiều đặc sản vùng cao',
  'Khai mạc triển lãm ảnh nghệ thuật tại nhà văn hóa tỉnh',
  'Hướng dẫn nộp hồ sơ xét tuyển đại học đợt bổ sung',
  'Nông dân trúng mùa lúa hè thu, giá bán ổn định',
  'Khánh thành trường mầm non mới ở xã Đông Hưng',
  'Giải chạy bộ vì sức khỏe cộng đồng diễn ra sáng chủ nhật',
];
const COMMENTS = [
  'Mọi người chia sẻ cho nhau biết nhé.',
  'Ai ở gần đó cho hỏi tình hình thế nào rồi?',
  'Mong các cơ quan chức năng sớm vào cuộc.',
  'Theo thông tin từ người dân địa phương.',
  'Cập nhật lúc sáng nay, đang tiếp tục theo dõi.',
  'Nguồn: phóng viên thường trú tại địa phương.',
  'Hy vọng sự việc được giải quyết thấu đáo.',
  'Bài viết đang được nhiều người quan tâm.',
];
const PLACES = [
  'xã Tây Sơn',
  'phường Hòa Bình',
  'xã Đông Hưng',
  'phường Bắc Hà',
  'xã Bản Mạ',
  'thị trấn Ngã Ba Chùa',
];
const GEO = ['26734', '26737', '26740', '26743', '26746', '26749'];
/**
 * Everyday outlets: provincial press and local pages, none of them a "major outlet" for detection and none past
 * its authority thresholds, so the steady stream opens no incident by itself.
 */
const OUTLETS: Outlet[] = [
  LOCAL_OUTLETS.baoAnHoa,
  LOCAL_OUTLETS.ptthAnHoa,
  LOCAL_OUTLETS.phapLuatAnHoa,
  LOCAL_OUTLETS.hoiCuDan,
  LOCAL_OUTLETS.gocPho,
  LOCAL_OUTLETS.tinNong,
  LOCAL_OUTLETS.otofun,
];
/** Who picks up the burst: national press among them. */
const SPIKE_OUTLETS: Outlet[] = [...OUTLETS, ...NATIONAL_OUTLETS.slice(0, 2)];

/** mulberry32: small, fast, good enough for synthetic data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)];

export interface BenchItem {
  externalId: string;
  sourceType: string;
  platform: string;
  outlet: string;
  followers: number;
  verified: boolean;
  url: string;
  title: string;
  text: string;
  publishedAt: string;
  collectedAt: string;
  reach: number;
  reactions: number;
  comments: number;
  shares: number;
  sentiment?: string;
  geoCode?: string;
  language: string;
  fakeNewsLabel?: string;
}

export interface StreamShape {
  seed: number;
  /** Number of ordinary mentions; they are spread evenly over [start, end). */
  count: number;
  start: number;
  end: number;
}

/** Ordinary mention number i of the stream: 70 % about a topic, 30 % noise; 60 % carry the source's sentiment. */
export function ordinaryItem(shape: StreamShape, i: number): BenchItem {
  const r = rng(shape.seed * 7919 + i * 2654435761);
  const at = shape.start + ((shape.end - shape.start) * i) / shape.count;
  const outlet = pick(r, OUTLETS);
  const place = pick(r, PLACES);
  let title: string;
  let body: string;
  let sentiment: 'negative' | 'neutral' | 'positive';
  const roll = r();
  sentiment = roll < 0.3 ? 'negative' : roll < 0.8 ? 'neutral' : 'positive';
  let topic: BenchTopic | null = null;
  if (r() < 0.7) {
    topic = pick(r, TOPICS);
    title = `${pick(r, topic.says.lead)} tại ${place}`;
    body = `${title}: ${pick(r, topic.says[sentiment])}. ${pick(r, COMMENTS)} ${pick(r, topic.says.neutral)}. ${pick(r, COMMENTS)}`;
  } else {
    title = pick(r, NOISE);
    body = `${title}. ${pick(r, COMMENTS)} ${pick(r, NOISE)}. ${pick(r, COMMENTS)}`;
    sentiment = 'neutral';
  }
  const reach = Math.floor(Math.exp(r() * 11)); // 1 … 60k, heavy-tailed, under the authority threshold
  const item: BenchItem = {
    externalId: `sb-${shape.seed}-${i}`,
    sourceType: outlet.sourceType,
    platform: outlet.platform,
    outlet: outlet.name,
    followers: outlet.followers,
    verified: outlet.verified,
    url: `https://${outlet.platform.includes('.') ? outlet.platform : `${outlet.platform}.com`}/p/${shape.seed}/${i}`,
    title,
    text: `${body} (#${i})`,
    publishedAt: new Date(at).toISOString(),
    collectedAt: new Date(at + 60_000 + Math.floor(r() * 240_000)).toISOString(),
    reach,
    reactions: Math.floor(reach * 0.05),
    comments: Math.floor(reach * 0.01),
    shares: Math.floor(reach * 0.005),
    language: 'vi',
  };
  if (r() < 0.6) item.sentiment = sentiment;
  if (r() < 0.8) item.geoCode = pick(r, GEO);
  // VAFC labels show up on the fake-news topic's items (which name no unit), and rarely as "verified" elsewhere.
  if (topic?.key === 'fake' && r() < 0.1) item.fakeNewsLabel = pick(r, ['tin_gia', 'tin_sai_su_that']);
  else if (r() < 0.001) item.fakeNewsLabel = 'tin_xac_thuc';
  return item;
}

/** Burst item j: a food-poisoning scare at one school, negative, widely shared, inside one 5-minute bucket. */
export function spikeItem(seed: number, j: number, bucketStart: number): BenchItem {
  const r = rng(seed * 104729 + j * 40503);
  const outlet = pick(r, SPIKE_OUTLETS);
  const at = bucketStart + Math.floor(r() * 240_000);
  const reach = 2000 + Math.floor(r() * 50_000);
  const title = 'Hàng chục học sinh trường Tiểu học Hòa Bình nhập viện nghi ngộ độc sau bữa trưa';
  return {
    externalId: `spike-${seed}-${j}`,
    sourceType: outlet.sourceType,
    platform: outlet.platform,
    outlet: outlet.name,
    followers: outlet.followers,
    verified: outlet.verified,
    url: `https://${outlet.platform.includes('.') ? outlet.platform : `${outlet.platform}.com`}/spike/${seed}/${j}`,
    title,
    text: `${title}. Phụ huynh rất bức xúc vì nhà trường chậm trễ thông báo, nhiều cháu phải cấp cứu. ${pick(r, COMMENTS)} (#${j})`,
    publishedAt: new Date(at).toISOString(),
    collectedAt: new Date(at + 30_000).toISOString(),
    reach,
    reactions: Math.floor(reach * 0.08),
    comments: Math.floor(reach * 0.03),
    shares: Math.floor(reach * 0.02),
    sentiment: 'negative',
    geoCode: '26737',
    language: 'vi',
  };
}
