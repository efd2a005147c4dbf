// H5: nothing up front. babel-plugin-import (babel.config.js) adds each NutUI component's stylesheet where the
// component is imported, so a page loads only the styles of the components it draws.
export {};
