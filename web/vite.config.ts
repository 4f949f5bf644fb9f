import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/** Where `npm run dev:web` sends the API and the websocket (the service started with `npm start`). */
const backend = process.env.UNGPHO_BACKEND_URL ?? 'http://localhost:3000';

/**
 * Writes .br and .gz beside each built asset, once at build time: the service sends them to browsers that accept
 * them (src/common/web-console.ts), so phones download about a third of the bytes without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'ungpho-precompress',
    apply: 'build',
    closeBundle() {
      const dir = path.join(import.meta.dirname, 'dist', 'assets');
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = path.join(dir, name);
        const raw = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

// The web console: built into web/dist, which the service serves at `/` (src/common/web-console.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/socket.io': { target: backend, ws: true },
    },
  },
});
