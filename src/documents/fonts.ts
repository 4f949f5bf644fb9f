import { createRequire } from 'node:module';
import path from 'node:path';

// Tinos has the metrics of Times New Roman (the font of Nghị định 30/2020/NĐ-CP) and every Vietnamese letter; it
// ships inside an npm package, so a PDF looks the same on any machine.
const base = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));

export const TINOS = {
  regular: path.join(base, '400Regular', 'Tinos_400Regular.ttf'),
  bold: path.join(base, '700Bold', 'Tinos_700Bold.ttf'),
  italic: path.join(base, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
  boldItalic: path.join(base, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
};
