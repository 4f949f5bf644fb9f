/** Image types accepted as a screenshot, recognised by their first bytes (never by name or declared type). */
const IMAGE_MAGIC: { type: string; test: (b: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** The image type of a screenshot by its content, or null when it is no PNG, JPEG or WebP. */
export function screenshotType(bytes: Buffer): string | null {
  if (bytes.length < 12) return null;
  return IMAGE_MAGIC.find((m) => m.test(bytes))?.type ?? null;
}
