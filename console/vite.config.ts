import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the Spring Boot app from its static resources; in development, /api is proxied to it.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:8181' } },
  build: { chunkSizeWarningLimit: 4000 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
