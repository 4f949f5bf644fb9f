import type { TimelineEvent } from './response-metrics.js';

/**
 * The review report's approvals (review-report.ts), read from the timeline: each stage's latency and outcome, the
 * versions, refusals and decisions.
 */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export function projectApprovals(events: TimelineEvent[], userNames: Record<string, string>) {
  type StageRow = {
    statementId: string;
    versionNumber: number;
    stageKey: string;
    stageName: string;
    openedAt: Date;
    closedAt: Date | null;
    outcome: 'approved' | 'rejected' | 'changes_requested' | 'open' | 'superseded';
    overdue: boolean;
  };
  const stages: StageRow[] = [];
  const openStage = (sid: string, v: number, key: string) =>
    stages.find((s) => s.statementId === sid && s.versionNumber === v && s.stageKey === key && !s.closedAt);
  const statementTitles = new Map<string, string>();
  let versions = 0;
  let rejections = 0;
  let changesRequested = 0;
  for (const e of events) {
    const p = e.payload;
    const sid = str(p.statementId);
    const v = Number(p.versionNumber);
    if (e.type === 'statement.created') statementTitles.set(sid, str(p.title));
    if (e.type === 'statement.submitted') {
      versions++;
      for (const s of stages) {
        if (s.statementId === sid && !s.closedAt)
          Object.assign(s, { closedAt: e.occurredAt, outcome: 'superseded' });
      }
    }
    if (e.type === 'statement.stage_opened') {
      stages.push({
        statementId: sid,
        versionNumber: v,
        stageKey: str(p.stageKey),
        stageName: str(p.stageName),
        openedAt: e.occurredAt,
        closedAt: null,
        outcome: 'open',
        overdue: false,
      });
    }
    if (e.type === 'statement.approval_overdue') {
      const s = openStage(sid, v, str(p.stageKey));
      if (s) s.overdue = true;
    }
    if (e.type === 'statement.stage_approved') {
      const s = openStage(sid, v, str(p.stageKey));
      if (s) Object.assign(s, { closedAt: e.occurredAt, outcome: 'approved' });
    }
    if (e.type === 'statement.rejected' || e.type === 'statement.changes_requested') {
      if (e.type === 'statement.rejected') rejections++;
      else changesRequested++;
      const outcome = e.type === 'statement.rejected' ? 'rejected' : 'changes_requested';
      for (const s of stages) {
        if (s.statementId === sid && s.versionNumber === v && !s.closedAt) {
          Object.assign(s, {
            closedAt: e.occurredAt,
            outcome: s.stageKey === p.stageKey ? outcome : 'superseded',
          });
        }
      }
    }
  }
  const approvalStages = stages.map((s) => ({
    statementId: s.statementId,
    statementTitle: statementTitles.get(s.statementId) ?? '',
    versionNumber: s.versionNumber,
    stageKey: s.stageKey,
    stageName: s.stageName,
    openedAt: iso(s.openedAt),
    closedAt: iso(s.closedAt),
    seconds: s.closedAt ? Math.round((s.closedAt.getTime() - s.openedAt.getTime()) / 1000) : null,
    outcome: s.outcome,
    overdue: s.overdue,
  }));

  const decisions = events
    .filter((e) => e.type === 'statement.decision_recorded')
    .map((e) => ({
      statementId: str(e.payload.statementId),
      statementTitle: statementTitles.get(str(e.payload.statementId)) ?? '',
      versionNumber: Number(e.payload.versionNumber),
      sha256: str(e.payload.sha256),
      stageKey: str(e.payload.stageKey),
      decision: str(e.payload.decision),
      reason: (e.payload.reason as string | null) ?? null,
      decidedBy: userNames[str(e.payload.decidedByUserId)] ?? null,
      onBehalfOf: e.payload.onBehalfOfUserId ? (userNames[str(e.payload.onBehalfOfUserId)] ?? null) : null,
      at: e.occurredAt.toISOString(),
    }));

  return { versions, rejections, changesRequested, approvalStages, decisions, statementTitles };
}
