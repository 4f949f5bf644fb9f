import type {
  PressInquiry as PressInquiryAnswer,
  PressJournalist as PressJournalistAnswer,
} from '../contracts/press.js';
import type { PressInquiry } from './entities/press-inquiry.entity.js';
import type { PressJournalist } from './entities/press-journalist.entity.js';
import type { PressOutlet } from './entities/press-outlet.entity.js';
import {
  INQUIRY_CHANNEL_LABEL_VI,
  INQUIRY_STATUS_LABEL_VI,
  OPEN_INQUIRY_STATUSES,
} from './press-inquiry-types.js';

/** A journalist as shown to someone outside the press office: name, outlet and beat, no contacts. */
export function journalistView(j: PressJournalist, opts: { contacts: boolean }): PressJournalistAnswer {
  return {
    id: j.id,
    fullName: j.fullName,
    outletId: j.outletId,
    outletName: j.outlet?.name ?? null,
    beat: j.beat,
    active: j.active,
    contactsHidden: !opts.contacts,
    ...(opts.contacts
      ? {
          email: j.email,
          phone: j.phone,
          pressCardNumber: j.pressCardNumber,
          pressCardExpiresOn: j.pressCardExpiresOn,
        }
      : {}),
  };
}

export function outletView(o: PressOutlet) {
  return { ...o };
}

export function inquiryView(
  i: PressInquiry & { journalist?: PressJournalist; outlet?: PressOutlet },
  opts: { contacts: boolean },
  now = new Date(),
): PressInquiryAnswer {
  const open = OPEN_INQUIRY_STATUSES.includes(i.status);
  const closedAt = i.closedAt ?? null;
  return {
    id: i.id,
    channel: i.channel,
    channelLabel: INQUIRY_CHANNEL_LABEL_VI[i.channel],
    receivedAt: i.receivedAt.toISOString(),
    subject: i.subject,
    // Both are required columns with a RESTRICT foreign key; every read of a request joins them.
    journalist: journalistView(i.journalist!, opts),
    outlet: { id: i.outlet!.id, name: i.outlet!.name, type: i.outlet!.type },
    addressedOrgUnitId: i.addressedOrgUnitId,
    capability: i.capability,
    orgUnitId: i.orgUnitId,
    orgUnitName: i.routing.unit.name,
    routing: i.routing,
    spokespersonPersonId: i.spokespersonPersonId,
    ruleKey: i.ruleKey,
    ruleId: i.ruleId,
    dueAt: i.dueAt.toISOString(),
    overdue: open
      ? i.dueAt.getTime() < now.getTime()
      : closedAt
        ? closedAt.getTime() > i.dueAt.getTime()
        : false,
    ownerUserId: i.ownerUserId,
    status: i.status,
    statusLabel: INQUIRY_STATUS_LABEL_VI[i.status],
    open,
    incidentId: i.incidentId,
    statementId: i.statementId,
    outcome: i.outcome,
    refusalGroundKey: i.refusalGroundKey,
    transferredToOrgUnitId: i.transferredToOrgUnitId,
    closedAt: closedAt?.toISOString() ?? null,
    sentVersionNumber: i.sentVersionNumber,
    sentSha256: i.sentSha256,
    warnedPercent: i.warnedPercent,
    createdAt: i.createdAt.toISOString(),
  };
}
