/**
 * Outlets of the fictional Tỉnh An Hòa's media landscape, shared by the synthetic mention streams of
 * bench:ingest (bench/ingest-data.ts) and bench:detection (bench/detection-data.ts). Each bench picks its own
 * lists from these in its own order (the order is part of what a seed draws, so a list's order must not change).
 */

export interface Outlet {
  name: string;
  platform: string;
  sourceType: string;
  followers: number;
  verified: boolean;
}

/** Provincial press, radio and television, local pages and forums: none of them a "major outlet". */
export const LOCAL_OUTLETS = {
  baoAnHoa: {
    name: 'Báo An Hòa',
    platform: 'baoanhoa.vn',
    sourceType: 'online_news',
    followers: 250_000,
    verified: true,
  },
  ptthAnHoa: {
    name: 'Đài Phát thanh và Truyền hình An Hòa',
    platform: 'youtube',
    sourceType: 'radio_tv',
    followers: 410_000,
    verified: true,
  },
  phapLuatAnHoa: {
    name: 'Báo Pháp luật An Hòa',
    platform: 'phapluatanhoa.vn',
    sourceType: 'print',
    followers: 90_000,
    verified: true,
  },
  hoiCuDan: {
    name: 'Hội cư dân An Hòa',
    platform: 'facebook',
    sourceType: 'social',
    followers: 86_000,
    verified: false,
  },
  gocPho: {
    name: 'Góc phố An Hòa',
    platform: 'facebook',
    sourceType: 'social',
    followers: 152_000,
    verified: false,
  },
  tinNong: {
    name: 'Tin nóng An Hòa',
    platform: 'tiktok',
    sourceType: 'video',
    followers: 640_000,
    verified: false,
  },
  otofun: {
    name: 'Diễn đàn Otofun',
    platform: 'otofun.net',
    sourceType: 'forum',
    followers: 30_000,
    verified: false,
  },
  phuHuynh: {
    name: 'Phụ huynh An Hòa',
    platform: 'facebook',
    sourceType: 'social',
    followers: 45_000,
    verified: false,
  },
} satisfies Record<string, Outlet>;

/** National press, in this order. */
export const NATIONAL_OUTLETS: readonly Outlet[] = [
  {
    name: 'VnExpress',
    platform: 'vnexpress.net',
    sourceType: 'online_news',
    followers: 5_000_000,
    verified: true,
  },
  {
    name: 'Tuổi Trẻ',
    platform: 'tuoitre.vn',
    sourceType: 'online_news',
    followers: 3_000_000,
    verified: true,
  },
  {
    name: 'Thanh Niên',
    platform: 'thanhnien.vn',
    sourceType: 'online_news',
    followers: 2_500_000,
    verified: true,
  },
  {
    name: 'Dân trí',
    platform: 'dantri.com.vn',
    sourceType: 'online_news',
    followers: 2_000_000,
    verified: true,
  },
];
