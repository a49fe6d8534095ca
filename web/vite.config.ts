import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API = process.env.VIGIE_API_URL ?? 'http://localhost:8080';

// The workbench is built into web/dist and served by `vigie serve` at /. In development, `npm run web:dev` proxies
// the API to a running `vigie serve` (VIGIE_API_URL, default http://localhost:8080).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)/ },
          ],
        },
      },
    },
  },
  // changeOrigin false: the API refuses writes whose Origin is not its own host (auth.cross_site); the shorthand
  // form would rewrite Host to the API's and make every POST from the dev server look cross-site.
  server: {
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/health': { target: API, changeOrigin: false },
    },
  },
});
