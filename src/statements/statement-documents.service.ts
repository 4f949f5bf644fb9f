import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError } from '../common/app-error.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import { issuerCode } from '../documents/document-symbols.js';
import { renderDocx } from '../documents/docx.js';
import { renderDocumentFragment, renderDocumentHtml } from '../documents/html.js';
import { numberLine, placeDateLine } from '../documents/official-document.js';
import type { OfficialDocument } from '../documents/official-document.js';
import { renderPdf } from '../documents/pdf.js';
import { DocumentRegisterService } from '../documents/register/document-register.service.js';
import type { IssuedDocument } from '../documents/register/document-register.service.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { StatementVersion } from './entities/statement-version.entity.js';
import type { Statement } from './entities/statement.entity.js';
import { STATEMENT_DOCUMENT_FORM, statementDocument } from './statement-document.js';
import { StatementAccess } from './statement-access.js';
import { sha256Hex } from './statement-text.js';
import { StatementType } from './statement-types.js';
import { Approvers } from './approvers.js';

export type DocumentFormat = 'pdf' | 'docx' | 'html';

export interface DocumentFile {
  contentType: string;
  filename: string;
  body: Buffer | string;
}

/** What a reader decides on: the version drawn as the document it is issued as, and the hash of that drawing. */
export interface VersionRendering {
  /** HTML fragment (`<section class="vb">` with its own style): heading, body, signature block. */
  html: string;
  /** SHA-256 (hex) of `html` as UTF-8. */
  sha256: string;
  /** "Số: …/TB-UBND" before issue, "Số: 03/TB-UBND" after. */
  numberLine: string;
  placeDate: string;
  /** When the version was issued (its first publication); null before. */
  issuedAt: string | null;
}

/**
 * Statement versions as official documents (Nghị định 30/2020/NĐ-CP): the rendering approvers read (HTML and its
 * SHA-256), the PDF and DOCX exports, and the register number a version takes when first published. The number
 * and the date are the only parts written at issue, as the records office does when it registers a signed text.
 */
@Injectable()
export class StatementDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: StatementAccess,
    private readonly units: OrgUnitsService,
    private readonly register: DocumentRegisterService,
    private readonly approvers: Approvers,
  ) {}

  async rendering(user: AuthUser, statementId: string, number: number): Promise<VersionRendering> {
    const { statement, incident } = await this.access.load(user, statementId);
    return this.renderingOf(statement, incident, await this.versionOrFail(statementId, number));
  }

  /** The renderings of several versions of one statement the caller has already loaded. */
  async renderingOf(
    statement: Statement,
    incident: Incident,
    version: StatementVersion,
  ): Promise<VersionRendering> {
    const doc = await this.documentOf(statement, incident, version);
    const html = renderDocumentFragment(doc);
    return {
      html,
      sha256: sha256Hex(html),
      numberLine: numberLine(doc.number),
      placeDate: placeDateLine(doc.placeName, doc.issuedAt),
      issuedAt: doc.issuedAt?.toISOString() ?? null,
    };
  }

  async export(
    user: AuthUser,
    statementId: string,
    number: number,
    format: DocumentFormat,
  ): Promise<DocumentFile> {
    const { statement, incident } = await this.access.load(user, statementId);
    const version = await this.versionOrFail(statementId, number);
    const doc = await this.documentOf(statement, incident, version);
    const base = `van-ban-${incident.code}-${statement.type.replace(/_/g, '-')}-v${version.number}`;
    switch (format) {
      case 'pdf':
        return { contentType: 'application/pdf', filename: `${base}.pdf`, body: await renderPdf(doc) };
      case 'docx':
        return {
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          filename: `${base}.docx`,
          body: await renderDocx(doc),
        };
      case 'html':
        return {
          contentType: 'text/html; charset=utf-8',
          filename: `${base}.html`,
          body: renderDocumentHtml(doc),
        };
    }
  }

  /**
   * Gives a version its number in the responsible unit's register, inside the publication's transaction; a
   * version published on several channels keeps the number of its first publication.
   */
  async issueWithin(
    manager: EntityManager,
    statement: Statement,
    incident: Incident,
    version: StatementVersion,
    publishedAt: Date,
    userId: string,
  ): Promise<IssuedDocument> {
    const [unit] = await this.units.ancestry(incident.responsibleOrgUnitId);
    return this.register.issue(manager, {
      orgUnitId: incident.responsibleOrgUnitId,
      typeCode: STATEMENT_DOCUMENT_FORM[statement.type as StatementType].typeCode,
      issuerCode: issuerCode(unit ?? { ...incident.responsibleUnitSnapshot, shortName: null }),
      subjectKind: 'statement_version',
      subjectId: version.id,
      issuedAt: publishedAt,
      issuedByUserId: userId,
    });
  }

  private async documentOf(
    statement: Statement,
    incident: Incident,
    version: StatementVersion,
  ): Promise<OfficialDocument> {
    const type = statement.type as StatementType;
    const [chain, issued, signer] = await Promise.all([
      this.units.ancestry(incident.responsibleOrgUnitId),
      this.register.find('statement_version', version.id, STATEMENT_DOCUMENT_FORM[type].typeCode),
      this.approvers.signerOf(this.dataSource.manager, version.id, incident.id),
    ]);
    const today = chain[0];
    // The unit as it was named when the incident opened (the snapshot), with its type and short name today.
    const unit = {
      name: incident.responsibleUnitSnapshot.name,
      unitType: incident.responsibleUnitSnapshot.unitType,
      shortName: today?.shortName ?? null,
    };
    return statementDocument({
      type,
      version,
      unit,
      parent: chain[1] ?? null,
      placeName: this.units.placeNameOf(chain),
      issued,
      signer: signer
        ? {
            fullName: signer.fullName,
            position: signer.position,
            unit: { name: signer.unitName, shortName: signer.unitShortName, unitType: signer.unitType },
          }
        : null,
    });
  }

  private async versionOrFail(statementId: string, number: number): Promise<StatementVersion> {
    const v = await this.dataSource.getRepository(StatementVersion).findOneBy({ statementId, number });
    if (!v) throw AppError.notFound('phiên bản', `${statementId}#${number}`);
    return v;
  }
}
