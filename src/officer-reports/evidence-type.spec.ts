import { screenshotType } from './evidence-type.js';

describe(screenshotType.name, () => {
  const pad = (head: number[] | string) =>
    Buffer.concat([
      typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head),
      Buffer.alloc(16),
    ]);

  it('recognises PNG, JPEG and WebP by their first bytes', () => {
    expect(screenshotType(pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(screenshotType(pad([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(screenshotType(pad('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses anything else, whatever its name would say', () => {
    expect(screenshotType(pad('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(screenshotType(pad('GIF89a'))).toBeNull();
    expect(screenshotType(pad('%PDF-1.7'))).toBeNull();
    expect(screenshotType(Buffer.from([0x89, 0x50]))).toBeNull();
  });
});
