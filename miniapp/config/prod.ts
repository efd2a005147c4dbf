import type { UserConfigExport } from '@tarojs/cli';

// Release builds (`taro build` without --watch): everything shipped is minified. Taro already runs terser on the
// JS and csso on the styles in production; the templates (base.wxml, ~65 KB of indentation) only when asked.
// WeChat's code-quality scan (npm run check:weapp) also wants minification on in project.config.json.
export default {
  terser: { enable: true },
  csso: { enable: true },
  mini: {
    minifyXML: { collapseWhitespace: true },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
