import type { IssuerUnit } from '../documents/document-symbols.js';
import type { IssuedDocument } from '../documents/register/document-register.service.js';

/** What a report document needs beyond its figures: the issuing unit, the one above it, its register number. */
export interface ReportIssuer {
  unit: IssuerUnit;
  parent: IssuerUnit | null;
  placeName: string | null;
  /** The register entry once issued (a review report: when its review is completed); null for a draft. */
  issued: IssuedDocument | null;
}
