import type { ShippedPlaybook } from '../playbook-content.js';
import { accidentDisaster } from './accident-disaster.js';
import { fakeNewsAgency } from './fake-news-agency.js';
import { misconductAllegation } from './misconduct-allegation.js';
import { personalDataLeak } from './personal-data-leak.js';
import { policyBacklash } from './policy-backlash.js';
import { publicHealth } from './public-health.js';
import { publicServiceOutage } from './public-service-outage.js';

/** The playbooks shipped with the product (cẩm nang xử lý sự cố truyền thông), first version of each. */
export const SHIPPED_PLAYBOOKS: ShippedPlaybook[] = [
  fakeNewsAgency,
  policyBacklash,
  accidentDisaster,
  publicHealth,
  misconductAllegation,
  publicServiceOutage,
  personalDataLeak,
];
