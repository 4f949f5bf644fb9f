/** Shapes of the press desk's API (src/press): the service's contracts, src/contracts/press.ts. */
export type {
  CoverageEvidence,
  PressCoverage,
  PressCoverageList,
  PressOutletList,
  PressJournalistList,
  InquiryEvent,
  InquiryQuestion,
  InquiryRouting,
  PressDashboard,
  PressInquiry,
  PressInquiryDetail,
  PressJournalist,
  PressOutlet,
  RefusalGround,
} from '../../../src/contracts/index.js';
