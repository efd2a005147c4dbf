// Mini-programs: NutUI's whole stylesheet, once, in app.wxss. H5 takes nutui-styles.h5.ts instead (babel.config.js
// brings each component's own styles with it there).
import '@nutui/nutui-react-taro/dist/style.css';
