/**
 * Post-incident reviews: what the working group writes after an incident (the figures are the report's).
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

/** An action item of a review. */
export interface ReviewActionItem {
  title: string;
  /** Who owns it: a user of the system, or only a named person. */
  ownerUserId?: string | null;
  ownerName: string;
  dueDate?: string | null;
  status: 'open' | 'done';
}

/** The review of an incident (`GET`/`PUT /api/incidents/:id/review`, `…/complete`, `…/reopen`). */
export interface IncidentReview {
  incidentId: string;
  status: 'draft' | 'completed';
  wentWell: string;
  wentPoorly: string;
  /** Shortcomings and their causes. */
  causes: string;
  lessons: string;
  proposals: string;
  actionItems: ReviewActionItem[];
  completedAt: string | null;
  completedByUserId: string | null;
  /** null while nothing was written. */
  updatedAt: string | null;
}
