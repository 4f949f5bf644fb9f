import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/decorators.js';
import { AppError, ErrorCode } from '../../common/app-error.js';
import { OrgUnitsService } from '../../directory/org-units.service.js';
import { renderDocx } from '../../documents/docx.js';
import { renderDocumentHtml } from '../../documents/html.js';
import { renderPdf } from '../../documents/pdf.js';
import { todayInVietnam } from '../../common/dates.js';
import { minutesDocument } from './minutes-document.js';
import { PressConferencesService } from './press-conferences.service.js';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
} as const;

/** The minutes (biên bản họp báo) of a conference held, drawn by the documents module as PDF, DOCX or HTML. */
@Injectable()
export class PressConferenceMinutes {
  constructor(
    private readonly conferences: PressConferencesService,
    private readonly units: OrgUnitsService,
  ) {}

  async render(user: AuthUser, id: string, format: keyof typeof CONTENT_TYPES) {
    const c = await this.conferences.get(user, id);
    if (c.status !== 'held')
      throw new AppError(ErrorCode.CONFLICT, 'Chỉ lập biên bản cho cuộc họp báo đã diễn ra');
    const chain = await this.units.ancestry(c.orgUnitId);
    const doc = minutesDocument({
      conference: c,
      questions: c.questions,
      commitments: c.commitments,
      unitNames: new Map(c.commitments.map((x) => [x.ownerOrgUnitId, x.ownerOrgUnitName ?? ''])),
      invitedOutlets: c.invitedOutlets.flatMap((o) => (o.name ? [o.name] : [])),
      issuer: { unit: chain[0], parent: chain[1] ?? null, placeName: this.units.placeNameOf(chain) },
    });
    const body =
      format === 'pdf'
        ? await renderPdf(doc)
        : format === 'docx'
          ? await renderDocx(doc)
          : renderDocumentHtml(doc);
    return {
      contentType: CONTENT_TYPES[format],
      filename: `bien-ban-hop-bao-${todayInVietnam(c.heldAt ?? c.startsAt)}.${format}`,
      body,
    };
  }
}
