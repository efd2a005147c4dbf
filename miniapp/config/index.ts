import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import CompressionPlugin from 'compression-webpack-plugin';
import path from 'node:path';
import zlib from 'node:zlib';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Linli miniapp — one source for weapp, alipay and h5 (`taro build --type <env>`).
 *
 * API base: H5 is served by the API server itself (same origin, base ''); mini-programs call
 * `TARO_APP_API_BASE` (shell env at build time, or a `.env*` file), default http://127.0.0.1:3000.
 */
// The shared display module (and the one Shanghai-offset file it reads) live outside src/, where Taro compiles
// nothing unless told to.
const displayDir = path.resolve(__dirname, '../../server/src/contracts/display');
const shanghaiTime = path.resolve(__dirname, '../../server/src/kernel/shanghai-time.ts');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli-miniapp',
    date: '2026-11-22',
    // NutUI React Taro is drawn on a 375 px design, our own styles on 750.
    designWidth(input) {
      const file = typeof input === 'object' ? input.file : undefined;
      return file && file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-platform-alipay'],
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'),
    },
    defineConstants: {},
    alias: {
      // Type-only: `import type … from '@contracts'` is erased by babel; the alias only keeps a stray
      // value import resolvable (it would pull zod into the bundle — don't).
      '@contracts': path.resolve(__dirname, '../../server/src/contracts/index.ts'),
      // Money, status labels and China time shared with the server and the admin: pure TS, no zod, bundled.
      '@display': path.join(displayDir, 'index.ts'),
      '@': path.resolve(__dirname, '../src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [displayDir, shanghaiTime] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      esnextModules: ['nutui-react-taro', 'icons-react-taro'],
      compile: { include: [displayDir, shanghaiTime] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of the
        // H5 component library (~240 KB each). Share modules between page chunks too.
        const splitChunks = chain.optimization.get('splitChunks');
        // The entry (the app with the home page, src/first-page.h5.ts) is three scripts downloaded side by side,
        // each under webpack's 244 KiB warning: Taro's runtime (Taro's own group), React, and the rest.
        if (splitChunks) {
          const react = {
            name: 'react',
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            chunks: 'initial',
            priority: 20,
            enforce: true,
          };
          chain.optimization.splitChunks({
            ...splitChunks,
            chunks: 'all',
            cacheGroups: { ...splitChunks.cacheGroups, react },
          });
        }
        // Release builds write `<file>.br` and `<file>.gz` beside each text asset over 1 KB; the server
        // (server/src/http/static.ts) sends the one the browser accepts.
        if (process.env.NODE_ENV !== 'development') {
          const text = /\.(js|css|html|svg|json)$/;
          chain.plugin('precompress-br').use(CompressionPlugin, [
            {
              filename: '[path][base].br',
              algorithm: 'brotliCompress',
              compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } },
              test: text,
              threshold: 1024,
              minRatio: 0.9,
            },
          ]);
          chain.plugin('precompress-gz').use(CompressionPlugin, [
            {
              filename: '[path][base].gz',
              algorithm: 'gzip',
              compressionOptions: { level: 9 },
              test: text,
              threshold: 1024,
              minRatio: 0.9,
            },
          ]);
        }
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
