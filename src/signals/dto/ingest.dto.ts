import { MAX_BATCH_ITEMS, mentionItemSchema } from '../mention-item.validator.js';

/** Outcome of one batch: how many were stored, how many were already there, and why the others were refused. */
export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; field?: string; reason: string }[];
}

const items = { type: 'array', minItems: 1, maxItems: MAX_BATCH_ITEMS, items: mentionItemSchema() };

/** OpenAPI only: the body is checked by the item validator, not by class-validator (see mention-item.validator.ts). */
export const INGEST_BATCH_SCHEMA = {
  type: 'object',
  required: ['sourceId', 'items'],
  additionalProperties: false,
  properties: { sourceId: { type: 'string', format: 'uuid' }, items },
};

export const WEBHOOK_BATCH_SCHEMA = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    sourceId: { type: 'string', format: 'uuid', description: 'Nếu có, phải trùng :id trên đường dẫn' },
    items,
  },
};

export const INGEST_RESULT_SCHEMA = {
  type: 'object',
  properties: {
    accepted: { type: 'integer', description: 'Số đề cập mới được lưu' },
    duplicates: {
      type: 'integer',
      description: 'Số đề cập đã có (cùng nguồn + mã, hoặc cùng URL + nội dung)',
    },
    rejected: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          index: { type: 'integer' },
          field: { type: 'string' },
          reason: { type: 'string', example: 'items[12].publishedAt: phải là thời điểm ISO 8601' },
        },
      },
    },
  },
};
