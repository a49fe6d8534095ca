import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const API = process.env.VIGIE_API_URL ?? 'http://localhost:8080';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every built file worth compressing, once at build time, for
 * `vigie serve` to send to browsers that accept them (docs/decisions/0027-web-weight.md): no compression per request.
 */
function precompress(): Plugin {
  return {
    name: 'vigie-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir!;
      const walk = (folder: string): string[] =>
        readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(folder, e.name)) : [join(folder, e.name)],
        );
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|json|svg)$/.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// The workbench is built into web/dist and served by `vigie serve` at /. In development, `npm run web:dev` proxies
// the API to a running `vigie serve` (VIGIE_API_URL, default http://localhost:8080).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
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
