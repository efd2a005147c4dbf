import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The server serves admin/dist at /admin/ (SPA fallback to index.html); in dev, vite proxies the API to it.
const api = process.env.LINLI_API ?? 'http://127.0.0.1:3000';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every text file of the build over 1 KB, once,
 * at build time; the server's static files (server/src/http/static.ts) send them with their Content-Encoding.
 * A variant that saves under 10 % is not written.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'linli-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await fs.readdir(outDir, { recursive: true })).filter((f) => /\.(js|css|html|svg|json)$/.test(f));
      for (const rel of files) {
        const file = path.join(outDir, rel);
        const raw = await fs.readFile(file);
        if (raw.length < 1024) continue;
        const variants = [
          ['.br', await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })],
          ['.gz', await gzip(raw, { level: 9 })],
        ] as const;
        for (const [ext, packed] of variants)
          if (packed.length < raw.length * 0.9) await fs.writeFile(file + ext, packed);
      }
    },
  };
}

export default defineConfig({
  base: '/admin/',
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      // Wire types come from the server's contracts; admin code only ever `import type`s them (erased at build).
      '@contracts': fileURLToPath(new URL('../server/src/contracts/index.ts', import.meta.url)),
      // Money, status labels and China time, shared with the server and the shop (pure TS, bundled).
      '@display': fileURLToPath(new URL('../server/src/contracts/display/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/uploads': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd (with its rc-components, cssinjs and, since the campaign schedule, its date pickers and dayjs) is one
    // ~1.1 MB chunk however it is cut; it changes far less often than the app, so it gets its own long-cached file
    // rather than a split that only adds requests.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@babel[\\/]runtime|dayjs|classnames|clsx|stylis|@emotion)[\\/]/,
              priority: 10,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 0 },
          ],
        },
      },
    },
  },
});
