import { MARGIN_MM } from './layout.js';

/** The A4 page of pdf.ts in points: margins of the administrative form, the text width, page breaks. */

const MM = 72 / 25.4;
export const MARGINS = {
  top: MARGIN_MM.top * MM,
  bottom: MARGIN_MM.bottom * MM,
  left: MARGIN_MM.left * MM,
  right: MARGIN_MM.right * MM,
};

export type Doc = PDFKit.PDFDocument;
export const textWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;
export const bottom = (doc: Doc) => doc.page.height - MARGINS.bottom;

/** A new page when `height` does not fit below the cursor (and would fit on an empty page). */
export function ensure(doc: Doc, height: number) {
  const room = bottom(doc) - MARGINS.top;
  if (doc.y + Math.min(height, room) > bottom(doc)) {
    doc.addPage();
  }
}
