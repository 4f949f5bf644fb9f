import { Module } from '@nestjs/common';
import { DocumentRegisterRepository } from './register/document-register.repository.js';
import { DocumentRegisterService } from './register/document-register.service.js';

/**
 * Official documents (Nghị định 30/2020/NĐ-CP): the per-unit document register. The renderers in this folder
 * (PDF, DOCX, HTML of `OfficialDocument`) are plain functions that statements and reports import.
 */
@Module({
  providers: [DocumentRegisterService, DocumentRegisterRepository],
  exports: [DocumentRegisterService],
})
export class DocumentsModule {}
