import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the designer to designer/dist; the server serves that folder and proxies nothing. */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Monaco and elkjs are loaded lazily; only the canvas shell is in the entry chunk.
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  server: {
    port: 5173,
    // During development the API runs separately (pnpm --filter @hireflow/server dev).
    proxy: { '/api': { target: process.env.HIREFLOW_API ?? 'http://localhost:8080', changeOrigin: false } },
  },
});
