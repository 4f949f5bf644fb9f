import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev:web` sends the API and the websocket (the service started with `npm start`). */
const backend = process.env.UNGPHO_BACKEND_URL ?? 'http://localhost:3000';

// The web console: built into web/dist, which the service serves at `/` (src/common/web-console.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
