// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins:
    // H5: each NutUI component brings its own stylesheet (and those of the components it is built from) into the
    // page that uses it, instead of the whole 230 KB NutUI stylesheet loading with the app before anything is
    // drawn. Mini-programs keep the one stylesheet in app.wxss (components/nutui-styles.ts): split up, it lands in
    // a shared common.wxss in an order webpack cannot keep, under our own overrides.
    process.env.TARO_ENV === 'h5'
      ? [
          [
            'import',
            {
              libraryName: '@nutui/nutui-react-taro',
              // NutUI's folders are the lower-cased names: InputNumber is packages/inputnumber
              camel2DashComponentName: false,
              customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
              customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
            },
            'nutui-react-taro',
          ],
        ]
      : [],
};
