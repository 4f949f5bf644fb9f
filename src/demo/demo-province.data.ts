import { Role } from '../auth/role.js';
import {
  DIRECTORY_FORMAT,
  DirectoryDocument,
  ImportCapabilityRow,
  ImportDesignationRow,
  ImportOrgUnitRow,
  ImportPersonRow,
  ImportSuccessionRow,
} from '../directory/dto/directory-document.dto.js';
import { Capability } from '../directory/entities/org-unit-capability.entity.js';
import { OrgUnitType } from '../directory/entities/org-unit.entity.js';
import { SuccessionKind } from '../directory/entities/org-unit-succession.entity.js';
import { DesignationKind } from '../directory/entities/spokesperson-designation.entity.js';
import { addDays } from '../directory/temporal.js';

/**
 * Tỉnh An Hòa: a FICTIONAL province (names, codes, people, phones and e-mails are invented) shaped by the
 * 2025 reorganisation. It is one of the provinces whose boundary did not change on 1/7/2025, so the province,
 * its committee and most departments run across the reform, while:
 * - 1/3/2025: the Sở Thông tin và Truyền thông ends; it merges into the Sở Khoa học và Công nghệ and its press
 *   functions move to the Sở Văn hóa, Thể thao và Du lịch (press_state_management, fake_news_response and the
 *   spokesperson register change hands); the Party's Ban Tuyên giáo becomes the Ban Tuyên giáo và Dân vận;
 * - 1/7/2025: the district level ends (Thành phố An Hòa, Huyện Tân Phú); new communes, wards and a special zone
 *   hang directly under the province; the newspaper and the radio-television station merge into
 *   Báo và Phát thanh, Truyền hình An Hòa (under the Tỉnh ủy).
 * Commune code 99201 is reused over time (Xã Tân Phú → Thị trấn Tân Phú in 2020 → Xã Tân Phú in 2025), as
 * official codes are in practice.
 * The spokesperson register (spokesperson_registry) follows the press-management agency, to which
 * Nghị định 09/2017/NĐ-CP has agencies report their spokespersons.
 * Long file: the demo province is data (units, capabilities, successions, people, spokespersons and users of
 * one directory document that refer to each other), read as one story.
 */

const REFORM_MARCH = '2025-03-01';
const REFORM_JULY = '2025-07-01';
const UNTIL_MARCH = '2025-02-28';
const UNTIL_JULY = '2025-06-30';

const unit = (
  code: string,
  name: string,
  unitType: OrgUnitType,
  parentCode: string | null,
  validFrom: string,
  validTo: string | null = null,
  extra: Partial<ImportOrgUnitRow> = {},
): ImportOrgUnitRow => ({ code, name, unitType, parentCode, validFrom, validTo, ...extra });

const ORG_UNITS: ImportOrgUnitRow[] = [
  unit('99', 'Tỉnh An Hòa', OrgUnitType.Province, null, '1992-01-01', null, { shortName: 'An Hòa' }),
  unit('AH-UBND', 'Ủy ban nhân dân tỉnh An Hòa', OrgUnitType.ProvincialCommittee, '99', '1992-01-01', null, {
    shortName: 'UBND tỉnh',
    address: '1 Đường Trung Tâm, phường An Hòa, tỉnh An Hòa',
    phone: '0200 3800 100',
    email: 'ubnd@anhoa.example.vn',
    website: 'https://anhoa.example.vn',
  }),
  unit(
    'AH-VPUBND',
    'Văn phòng Ủy ban nhân dân tỉnh An Hòa',
    OrgUnitType.Department,
    'AH-UBND',
    '1992-01-01',
    null,
    {
      shortName: 'Văn phòng UBND tỉnh',
      phone: '0200 3800 101',
      email: 'vanphong@anhoa.example.vn',
    },
  ),
  unit(
    'AH-SVHTTDL',
    'Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa',
    OrgUnitType.Department,
    'AH-UBND',
    '2008-04-01',
    null,
    {
      shortName: 'Sở VHTTDL',
      phone: '0200 3800 200',
      email: 'svhttdl@anhoa.example.vn',
    },
  ),
  unit(
    'AH-SKHCN',
    'Sở Khoa học và Công nghệ tỉnh An Hòa',
    OrgUnitType.Department,
    'AH-UBND',
    '1993-06-01',
    null,
    {
      shortName: 'Sở KH&CN',
      phone: '0200 3800 300',
      email: 'skhcn@anhoa.example.vn',
    },
  ),
  unit('AH-STP', 'Sở Tư pháp tỉnh An Hòa', OrgUnitType.Department, 'AH-UBND', '1992-01-01', null, {
    shortName: 'Sở Tư pháp',
    phone: '0200 3800 400',
  }),
  unit('AH-SNV', 'Sở Nội vụ tỉnh An Hòa', OrgUnitType.Department, 'AH-UBND', '2008-04-01', null, {
    shortName: 'Sở Nội vụ',
  }),
  unit('AH-STC', 'Sở Tài chính tỉnh An Hòa', OrgUnitType.Department, 'AH-UBND', '1992-01-01', null, {
    shortName: 'Sở Tài chính',
  }),
  unit('AH-SYT', 'Sở Y tế tỉnh An Hòa', OrgUnitType.Department, 'AH-UBND', '1992-01-01', null, {
    shortName: 'Sở Y tế',
    phone: '0200 3800 500',
  }),
  unit(
    'AH-STTTT',
    'Sở Thông tin và Truyền thông tỉnh An Hòa',
    OrgUnitType.Department,
    'AH-UBND',
    '2008-04-01',
    UNTIL_MARCH,
    {
      shortName: 'Sở TTTT',
    },
  ),
  unit('AH-TTBC', 'Trung tâm Báo chí tỉnh An Hòa', OrgUnitType.PressCentre, 'AH-UBND', '2016-01-01', null, {
    shortName: 'Trung tâm Báo chí',
    phone: '0200 3800 600',
    email: 'ttbc@anhoa.example.vn',
  }),
  unit('AH-CAT', 'Công an tỉnh An Hòa', OrgUnitType.PoliceUnit, '99', '1992-01-01', null, {
    shortName: 'Công an tỉnh',
  }),
  unit(
    'AH-CAT-PA05',
    'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
    OrgUnitType.PoliceUnit,
    'AH-CAT',
    '2019-01-01',
    null,
    { shortName: 'PA05', phone: '0200 3800 705' },
  ),
  unit('AH-TU', 'Tỉnh ủy An Hòa', OrgUnitType.Other, '99', '1992-01-01'),
  unit(
    'AH-TU-BTG',
    'Ban Tuyên giáo Tỉnh ủy An Hòa',
    OrgUnitType.PartyBoard,
    'AH-TU',
    '1992-01-01',
    UNTIL_MARCH,
  ),
  unit(
    'AH-TU-BTGDV',
    'Ban Tuyên giáo và Dân vận Tỉnh ủy An Hòa',
    OrgUnitType.PartyBoard,
    'AH-TU',
    REFORM_MARCH,
    null,
    {
      shortName: 'Ban TG&DV Tỉnh ủy',
    },
  ),
  unit('AH-BAO', 'Báo An Hòa', OrgUnitType.PressAgency, 'AH-TU', '1992-01-01', UNTIL_JULY),
  unit(
    'AH-PTTH',
    'Đài Phát thanh và Truyền hình An Hòa',
    OrgUnitType.PressAgency,
    'AH-UBND',
    '1992-01-01',
    UNTIL_JULY,
  ),
  unit(
    'AH-BPTTH',
    'Báo và Phát thanh, Truyền hình An Hòa',
    OrgUnitType.PressAgency,
    'AH-TU',
    REFORM_JULY,
    null,
    {
      email: 'toasoan@baoanhoa.example.vn',
    },
  ),
  // District level, abolished on 1/7/2025, with its communes.
  unit('991', 'Thành phố An Hòa', OrgUnitType.District, '99', '1992-01-01', UNTIL_JULY),
  unit('992', 'Huyện Tân Phú', OrgUnitType.District, '99', '1992-01-01', UNTIL_JULY),
  unit('99101', 'Phường Bạch Đằng', OrgUnitType.CommuneWard, '991', '1992-01-01', UNTIL_JULY),
  unit('99102', 'Phường Lê Lợi', OrgUnitType.CommuneWard, '991', '1992-01-01', UNTIL_JULY),
  unit('99103', 'Phường Hòa Bình', OrgUnitType.CommuneWard, '991', '1992-01-01', UNTIL_JULY),
  unit('99104', 'Xã Bình Minh', OrgUnitType.CommuneWard, '991', '1992-01-01', UNTIL_JULY),
  unit('99201', 'Xã Tân Phú', OrgUnitType.CommuneWard, '992', '1992-01-01', '2019-12-31'),
  unit('99201', 'Thị trấn Tân Phú', OrgUnitType.CommuneWard, '992', '2020-01-01', UNTIL_JULY),
  unit('99202', 'Xã Phú Lợi', OrgUnitType.CommuneWard, '992', '1992-01-01', UNTIL_JULY),
  unit('99203', 'Xã Hòa Lạc', OrgUnitType.CommuneWard, '992', '1992-01-01', UNTIL_JULY),
  unit('99204', 'Xã Hòn Ngọc', OrgUnitType.CommuneWard, '992', '1992-01-01', UNTIL_JULY),
  // Two-level local government from 1/7/2025: communes, wards and a special zone directly under the province.
  unit('99301', 'Phường An Hòa', OrgUnitType.CommuneWard, '99', REFORM_JULY),
  unit('99302', 'Phường Bình Minh', OrgUnitType.CommuneWard, '99', REFORM_JULY),
  unit('99201', 'Xã Tân Phú', OrgUnitType.CommuneWard, '99', REFORM_JULY),
  unit('99303', 'Xã Hòa Lạc', OrgUnitType.CommuneWard, '99', REFORM_JULY),
  unit('99304', 'Đặc khu Hòn Ngọc', OrgUnitType.CommuneWard, '99', REFORM_JULY),
];

const cap = (
  orgUnitCode: string,
  capability: Capability,
  validFrom: string,
  validTo: string | null,
  legalBasis: string,
): ImportCapabilityRow => ({ orgUnitCode, capability, validFrom, validTo, legalBasis });

const BEFORE_REFORM = 'Nghị định 24/2014/NĐ-CP (cơ quan chuyên môn thuộc UBND tỉnh)';
const PRESS_TO_CULTURE = 'Thông tư 10/2025/TT-BVHTTDL; chức năng báo chí chuyển từ Sở TTTT từ 01/3/2025';

const CAPABILITIES: ImportCapabilityRow[] = [
  cap('AH-STTTT', Capability.PressStateManagement, '2008-04-01', UNTIL_MARCH, BEFORE_REFORM),
  cap('AH-STTTT', Capability.FakeNewsResponse, '2008-04-01', UNTIL_MARCH, BEFORE_REFORM),
  cap('AH-STTTT', Capability.SpokespersonRegistry, '2008-04-01', UNTIL_MARCH, 'Nghị định 09/2017/NĐ-CP'),
  cap('AH-STTTT', Capability.DigitalTransformation, '2020-06-03', UNTIL_MARCH, 'Quyết định 749/QĐ-TTg'),
  cap('AH-SVHTTDL', Capability.PressStateManagement, REFORM_MARCH, null, PRESS_TO_CULTURE),
  cap('AH-SVHTTDL', Capability.FakeNewsResponse, REFORM_MARCH, null, PRESS_TO_CULTURE),
  cap(
    'AH-SVHTTDL',
    Capability.SpokespersonRegistry,
    REFORM_MARCH,
    null,
    'Nghị định 09/2017/NĐ-CP; Thông tư 10/2025/TT-BVHTTDL',
  ),
  cap(
    'AH-SKHCN',
    Capability.DigitalTransformation,
    REFORM_MARCH,
    null,
    'Hợp nhất Sở TTTT vào Sở KH&CN từ 01/3/2025',
  ),
  cap('AH-CAT-PA05', Capability.CyberPolice, '2019-01-01', null, 'Luật An ninh mạng 2018'),
  cap('AH-TTBC', Capability.PressCentre, '2016-01-01', null, 'Quyết định thành lập của UBND tỉnh (hư cấu)'),
  cap(
    'AH-TTBC',
    Capability.SocialListening,
    '2022-01-01',
    null,
    'Chỉ thị 07/CT-TTg (2023) và kế hoạch của UBND tỉnh',
  ),
  cap('AH-TU-BTG', Capability.PartyPropaganda, '1992-01-01', UNTIL_MARCH, 'Quy định của Tỉnh ủy'),
  cap(
    'AH-TU-BTGDV',
    Capability.PartyPropaganda,
    REFORM_MARCH,
    null,
    'Hợp nhất Ban Tuyên giáo và Ban Dân vận Tỉnh ủy',
  ),
  cap('AH-STP', Capability.LegalReview, '1992-01-01', null, BEFORE_REFORM),
  cap('AH-SYT', Capability.PublicHealth, '1992-01-01', null, BEFORE_REFORM),
];

const link = (
  predecessorCode: string,
  kind: SuccessionKind,
  successorCode: string,
  effectiveOn: string,
  note: string,
): ImportSuccessionRow => ({ predecessorCode, successorCode, kind, effectiveOn, note });

const COMMUNE_REFORM = 'Sắp xếp đơn vị hành chính cấp xã, bỏ cấp huyện từ 01/7/2025 (hư cấu)';

const SUCCESSIONS: ImportSuccessionRow[] = [
  link('AH-STTTT', SuccessionKind.MergedInto, 'AH-SKHCN', REFORM_MARCH, 'Hợp nhất Sở TTTT vào Sở KH&CN'),
  link(
    'AH-STTTT',
    SuccessionKind.SplitFrom,
    'AH-SVHTTDL',
    REFORM_MARCH,
    'Chức năng báo chí, xuất bản, thông tin điện tử chuyển sang Sở VHTTDL (Thông tư 10/2025/TT-BVHTTDL)',
  ),
  link(
    'AH-TU-BTG',
    SuccessionKind.MergedInto,
    'AH-TU-BTGDV',
    REFORM_MARCH,
    'Hợp nhất Ban Tuyên giáo và Ban Dân vận Tỉnh ủy',
  ),
  link('AH-BAO', SuccessionKind.MergedInto, 'AH-BPTTH', REFORM_JULY, 'Hợp nhất cơ quan báo chí của tỉnh'),
  link('AH-PTTH', SuccessionKind.MergedInto, 'AH-BPTTH', REFORM_JULY, 'Hợp nhất cơ quan báo chí của tỉnh'),
  link(
    '99201',
    SuccessionKind.RenamedTo,
    '99201',
    '2020-01-01',
    'Xã Tân Phú được công nhận là thị trấn (hư cấu)',
  ),
  link('991', SuccessionKind.SplitFrom, '99301', REFORM_JULY, COMMUNE_REFORM),
  link('991', SuccessionKind.SplitFrom, '99302', REFORM_JULY, COMMUNE_REFORM),
  link('99101', SuccessionKind.MergedInto, '99301', REFORM_JULY, COMMUNE_REFORM),
  link('99102', SuccessionKind.MergedInto, '99301', REFORM_JULY, COMMUNE_REFORM),
  link('99103', SuccessionKind.MergedInto, '99302', REFORM_JULY, COMMUNE_REFORM),
  link('99104', SuccessionKind.MergedInto, '99302', REFORM_JULY, COMMUNE_REFORM),
  link('992', SuccessionKind.SplitFrom, '99201', REFORM_JULY, COMMUNE_REFORM),
  link('992', SuccessionKind.SplitFrom, '99303', REFORM_JULY, COMMUNE_REFORM),
  link('992', SuccessionKind.SplitFrom, '99304', REFORM_JULY, COMMUNE_REFORM),
  link('99201', SuccessionKind.MergedInto, '99201', REFORM_JULY, COMMUNE_REFORM),
  link('99202', SuccessionKind.MergedInto, '99201', REFORM_JULY, COMMUNE_REFORM),
  link(
    '99202',
    SuccessionKind.SplitFrom,
    '99303',
    REFORM_JULY,
    'Một phần xã Phú Lợi nhập vào xã Hòa Lạc mới',
  ),
  link('99203', SuccessionKind.MergedInto, '99303', REFORM_JULY, COMMUNE_REFORM),
  link('99204', SuccessionKind.RenamedTo, '99304', REFORM_JULY, 'Thành lập đặc khu Hòn Ngọc'),
];

const person = (
  fullName: string,
  position: string,
  orgUnitCode: string,
  email: string,
  phone: string,
  tags: string[],
  active = true,
): ImportPersonRow => ({ fullName, position, orgUnitCode, email, phone, tags, active });

/** E-mails of people the demo refers to more than once. */
export const DEMO_PEOPLE = {
  chairman: 'thanh.nv@example.vn',
  viceChairwoman: 'phuong.ttm@example.vn',
  officeChief: 'huy.lq@example.vn',
  officeSpecialist: 'ha.pt@example.vn',
  cultureDirector: 'tuan.dm@example.vn',
  cultureDeputy: 'nhung.vth@example.vn',
  pressDivisionHead: 'long.hv@example.vn',
  scienceDirector: 'khanh.bv@example.vn',
  scienceDeputy: 'lan.dt@example.vn',
  justiceDirector: 'quy.pv@example.vn',
  justiceDeputy: 'anh.ltn@example.vn',
  homeAffairsDirector: 'thu.ht@example.vn',
  homeAffairsOfficeChief: 'vinh.tq@example.vn',
  financeDirector: 'hai.dv@example.vn',
  financeDeputy: 'hanh.mt@example.vn',
  healthDirector: 'duc.cm@example.vn',
  healthDeputy: 'oanh.ltk@example.vn',
  policeDirector: 'cuong.nh@example.vn',
  policeDeputy: 'toan.pv@example.vn',
  pa05Head: 'son.lv@example.vn',
  propagandaHead: 'linh.tnd@example.vn',
  propagandaDeputy: 'binh.qv@example.vn',
  formerIctDirector: 'tru.dc@example.vn',
  formerIctDeputy: 'hoa.vt@example.vn',
  pressCentreAnalyst: 'nam.tv@example.vn',
  pressCentreDirector: 'quynh.lt@example.vn',
  pa05Deputy: 'thao.kt@example.vn',
  communeDeputy: 'loc.tv@example.vn',
} as const;
const P = DEMO_PEOPLE;

const PEOPLE: ImportPersonRow[] = [
  person('Nguyễn Văn Thành', 'Chủ tịch Ủy ban nhân dân tỉnh', 'AH-UBND', P.chairman, '0200 3800 111', [
    'head',
    'approver',
  ]),
  person(
    'Trần Thị Mai Phương',
    'Phó Chủ tịch Ủy ban nhân dân tỉnh',
    'AH-UBND',
    P.viceChairwoman,
    '0200 3800 112',
    ['deputy_head', 'approver', 'team_lead'],
  ),
  person(
    'Lê Quang Huy',
    'Chánh Văn phòng Ủy ban nhân dân tỉnh',
    'AH-VPUBND',
    P.officeChief,
    '0200 3800 121',
    ['head', 'press_liaison'],
  ),
  person(
    'Phạm Thu Hà',
    'Chuyên viên Phòng Thông tin – Báo chí, Văn phòng UBND tỉnh',
    'AH-VPUBND',
    P.officeSpecialist,
    '0200 3800 125',
    ['drafting', 'scribe'],
  ),
  person(
    'Đỗ Minh Tuấn',
    'Giám đốc Sở Văn hóa, Thể thao và Du lịch',
    'AH-SVHTTDL',
    P.cultureDirector,
    '0200 3800 211',
    ['head', 'approver'],
  ),
  person(
    'Vũ Thị Hồng Nhung',
    'Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch',
    'AH-SVHTTDL',
    P.cultureDeputy,
    '0200 3800 212',
    ['deputy_head', 'team_lead', 'press_liaison'],
  ),
  person(
    'Hoàng Văn Long',
    'Trưởng phòng Quản lý báo chí, xuất bản',
    'AH-SVHTTDL',
    P.pressDivisionHead,
    '0200 3800 215',
    ['drafting', 'press_liaison', 'fact_check'],
  ),
  person(
    'Ngô Thị Thanh Tâm',
    'Chuyên viên Phòng Quản lý báo chí, xuất bản',
    'AH-SVHTTDL',
    'tam.ntt@example.vn',
    '0200 3800 216',
    ['drafting', 'monitoring'],
  ),
  person(
    'Bùi Văn Khánh',
    'Giám đốc Sở Khoa học và Công nghệ',
    'AH-SKHCN',
    P.scienceDirector,
    '0200 3800 311',
    ['head'],
  ),
  person(
    'Đặng Thị Lan',
    'Phó Giám đốc Sở Khoa học và Công nghệ',
    'AH-SKHCN',
    P.scienceDeputy,
    '0200 3800 312',
    ['deputy_head', 'digital'],
  ),
  person('Phan Văn Quý', 'Giám đốc Sở Tư pháp', 'AH-STP', P.justiceDirector, '0200 3800 411', ['head']),
  person('Lý Thị Ngọc Ánh', 'Phó Giám đốc Sở Tư pháp', 'AH-STP', P.justiceDeputy, '0200 3800 412', [
    'deputy_head',
    'legal',
  ]),
  person(
    'Trịnh Minh Khoa',
    'Chuyên viên pháp chế, Sở Tư pháp',
    'AH-STP',
    'khoa.tm@example.vn',
    '0200 3800 415',
    ['legal', 'secrets_review'],
  ),
  person('Hồ Thị Thu', 'Giám đốc Sở Nội vụ', 'AH-SNV', P.homeAffairsDirector, '0200 3800 811', ['head']),
  person('Tạ Quang Vinh', 'Chánh Văn phòng Sở Nội vụ', 'AH-SNV', P.homeAffairsOfficeChief, '0200 3800 812', [
    'press_liaison',
  ]),
  person('Dương Văn Hải', 'Giám đốc Sở Tài chính', 'AH-STC', P.financeDirector, '0200 3800 911', ['head']),
  person('Mai Thị Hạnh', 'Phó Giám đốc Sở Tài chính', 'AH-STC', P.financeDeputy, '0200 3800 912', [
    'deputy_head',
  ]),
  person('Châu Minh Đức', 'Giám đốc Sở Y tế', 'AH-SYT', P.healthDirector, '0200 3800 511', ['head']),
  person('La Thị Kim Oanh', 'Phó Giám đốc Sở Y tế', 'AH-SYT', P.healthDeputy, '0200 3800 512', [
    'deputy_head',
    'public_health',
  ]),
  person('Nguyễn Hữu Cường', 'Đại tá, Giám đốc Công an tỉnh', 'AH-CAT', P.policeDirector, '0200 3800 711', [
    'head',
  ]),
  person('Phí Văn Toàn', 'Thượng tá, Phó Giám đốc Công an tỉnh', 'AH-CAT', P.policeDeputy, '0200 3800 712', [
    'deputy_head',
    'police_liaison',
  ]),
  person('Lưu Văn Sơn', 'Trung tá, Trưởng phòng PA05', 'AH-CAT-PA05', P.pa05Head, '0200 3800 751', [
    'head',
    'police_liaison',
  ]),
  person('Kiều Thị Thảo', 'Thiếu tá, Phó Trưởng phòng PA05', 'AH-CAT-PA05', P.pa05Deputy, '0200 3800 752', [
    'police_liaison',
    'monitoring',
  ]),
  person(
    'Tôn Nữ Diệu Linh',
    'Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy',
    'AH-TU-BTGDV',
    P.propagandaHead,
    '0200 3800 821',
    ['head'],
  ),
  person(
    'Quách Văn Bình',
    'Phó Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy',
    'AH-TU-BTGDV',
    P.propagandaDeputy,
    '0200 3800 822',
    ['propaganda_liaison', 'observer'],
  ),
  person(
    'Âu Thị Minh Thư',
    'Tổng Biên tập Báo và Phát thanh, Truyền hình An Hòa',
    'AH-BPTTH',
    'thu.atm@example.vn',
    '0200 3800 611',
    ['head'],
  ),
  person(
    'Kha Văn Tài',
    'Phó Tổng Biên tập Báo và Phát thanh, Truyền hình An Hòa',
    'AH-BPTTH',
    'tai.kv@example.vn',
    '0200 3800 612',
    ['deputy_head', 'press_liaison'],
  ),
  person(
    'Lâm Thị Quỳnh',
    'Giám đốc Trung tâm Báo chí tỉnh',
    'AH-TTBC',
    P.pressCentreDirector,
    '0200 3800 621',
    ['head', 'press_liaison'],
  ),
  person(
    'Tô Văn Nam',
    'Chuyên viên theo dõi dư luận, Trung tâm Báo chí tỉnh',
    'AH-TTBC',
    P.pressCentreAnalyst,
    '0200 3800 625',
    ['monitoring', 'analyst'],
  ),
  person(
    'Nguyễn Thị Bích',
    'Chủ tịch Ủy ban nhân dân phường An Hòa',
    '99301',
    'bich.nt@example.vn',
    '0200 3801 001',
    ['head'],
  ),
  person(
    'Đinh Văn Hòa',
    'Chủ tịch Ủy ban nhân dân xã Tân Phú',
    '99201',
    'hoa.dv@example.vn',
    '0200 3802 001',
    ['head'],
  ),
  person(
    'Trương Văn Lộc',
    'Phó Chủ tịch Ủy ban nhân dân xã Tân Phú',
    '99201',
    P.communeDeputy,
    '0200 3802 002',
    ['deputy_head', 'press_liaison'],
  ),
  // Staff of the former Sở TTTT, kept as the record of who led and spoke for it until 28/02/2025.
  person(
    'Đinh Công Trứ',
    'Giám đốc Sở Thông tin và Truyền thông (đến 28/02/2025)',
    'AH-STTTT',
    P.formerIctDirector,
    '0200 3800 931',
    ['head'],
    false,
  ),
  person(
    'Văn Thị Hoa',
    'Phó Giám đốc Sở Thông tin và Truyền thông (đến 28/02/2025)',
    'AH-STTTT',
    P.formerIctDeputy,
    '0200 3800 932',
    [],
    false,
  ),
];

const spokesperson = (
  email: string,
  orgUnitCode: string,
  validFrom: string,
  validTo: string | null,
  decisionRef: string,
  grantedBy: string,
): ImportDesignationRow => ({
  person: email,
  orgUnitCode,
  kind: DesignationKind.Spokesperson,
  validFrom,
  validTo,
  decisionRef,
  grantedBy,
  published: true,
});

/** The matter of the demo's authorised spokesperson. */
export const DEMO_AUTHORIZED_MATTER = 'Thông tin về dịch sốt xuất huyết trên địa bàn tỉnh';

function designations(today: string): ImportDesignationRow[] {
  return [
    spokesperson(P.officeChief, 'AH-UBND', '2023-05-15', null, '1025/QĐ-UBND', P.chairman),
    spokesperson(
      P.pressDivisionHead,
      'AH-SVHTTDL',
      '2022-01-10',
      '2025-03-09',
      '12/QĐ-SVHTTDL',
      P.cultureDirector,
    ),
    spokesperson(P.cultureDeputy, 'AH-SVHTTDL', '2025-03-10', null, '45/QĐ-SVHTTDL', P.cultureDirector),
    spokesperson(P.scienceDeputy, 'AH-SKHCN', '2025-03-05', null, '30/QĐ-SKHCN', P.scienceDirector),
    spokesperson(P.justiceDeputy, 'AH-STP', '2021-06-01', null, '88/QĐ-STP', P.justiceDirector),
    spokesperson(P.homeAffairsOfficeChief, 'AH-SNV', '2022-09-01', null, '140/QĐ-SNV', P.homeAffairsDirector),
    spokesperson(P.financeDeputy, 'AH-STC', REFORM_MARCH, null, '21/QĐ-STC', P.financeDirector),
    spokesperson(P.healthDeputy, 'AH-SYT', '2020-04-01', null, '95/QĐ-SYT', P.healthDirector),
    spokesperson(P.policeDeputy, 'AH-CAT', '2021-01-15', null, '310/QĐ-CAT', P.policeDirector),
    spokesperson(
      P.formerIctDeputy,
      'AH-STTTT',
      '2021-03-01',
      UNTIL_MARCH,
      '17/QĐ-STTTT',
      P.formerIctDirector,
    ),
    spokesperson(P.communeDeputy, '99201', '2025-07-15', null, '05/QĐ-UBND', 'hoa.dv@example.vn'),
    {
      person: P.healthDeputy,
      orgUnitCode: 'AH-UBND',
      kind: DesignationKind.Authorized,
      matter: DEMO_AUTHORIZED_MATTER,
      validFrom: addDays(today, -14),
      validTo: addDays(today, 76),
      decisionRef: '2150/UBND-VX',
      grantedBy: P.chairman,
      published: true,
    },
  ];
}

/** The whole demo directory as an import document; the authorised spokesperson's term runs around `today`. */
export function demoProvinceDocument(today: string): DirectoryDocument {
  return {
    format: DIRECTORY_FORMAT,
    orgUnits: ORG_UNITS,
    capabilities: CAPABILITIES,
    successions: SUCCESSIONS,
    people: PEOPLE,
    designations: designations(today),
  };
}

/**
 * Demo logins: everyone the working group of a provincial incident of the demo picks (so that a whole crisis can
 * be played, up to the Chủ tịch's approval), each the login of a person of the directory. `part` is what the
 * person does in that crisis, for the start banner.
 */
export const DEMO_USERS: { email: string; roles: Role[]; part: string }[] = [
  { email: P.chairman, roles: [Role.Leader], part: 'lãnh đạo phê duyệt (Chủ tịch UBND tỉnh)' },
  { email: P.viceChairwoman, roles: [Role.Leader], part: 'tổ trưởng Tổ công tác' },
  { email: P.pressCentreDirector, roles: [Role.Officer], part: 'tổ phó' },
  { email: P.officeChief, roles: [Role.Officer], part: 'người phát ngôn' },
  { email: P.pressDivisionHead, roles: [Role.Officer], part: 'chuyên viên soạn thảo' },
  { email: P.justiceDeputy, roles: [Role.Officer], part: 'pháp chế' },
  { email: P.pa05Deputy, roles: [Role.Officer], part: 'liên lạc công an (PA05)' },
  { email: P.cultureDeputy, roles: [Role.Officer], part: 'liên lạc báo chí' },
  { email: P.officeSpecialist, roles: [Role.Officer], part: 'thư ký' },
  { email: P.pressCentreAnalyst, roles: [Role.Analyst], part: 'giám sát dư luận' },
  { email: P.propagandaDeputy, roles: [Role.Observer], part: 'Ban Tuyên giáo và Dân vận (quan sát)' },
];
