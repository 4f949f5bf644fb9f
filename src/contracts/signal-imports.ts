/** File imports: what a column can feed and how a time can be written (shared by the API and the console). */

/** The mention fields a file's column can feed (author feeds `outlet` when no outlet column is mapped). */
export const MAPPABLE_FIELDS = [
  'text',
  'title',
  'url',
  'publishedAt',
  'author',
  'outlet',
  'platform',
  'sourceType',
  'sentiment',
  'sentimentScore',
  'reach',
  'reactions',
  'comments',
  'shares',
  'followers',
  'externalId',
  'fakeNewsLabel',
  'geoCode',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** How a publication time is written in the file; Vietnamese exports often use dd/MM/yyyy HH:mm. */
export const DATE_FORMATS = [
  'dd/MM/yyyy HH:mm',
  'dd/MM/yyyy HH:mm:ss',
  'dd/MM/yyyy',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'MM/dd/yyyy HH:mm',
  'iso',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
