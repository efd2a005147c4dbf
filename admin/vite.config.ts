import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves admin/dist at /admin/ (SPA fallback to index.html); in dev, vite proxies the API to it.
const api = process.env.LINLI_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
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
