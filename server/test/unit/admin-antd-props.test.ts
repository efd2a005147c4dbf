// The admin uses no antd prop that antd 6 deprecates (each one printed a console warning, e.g.
// "[antd: Drawer] `width` is deprecated"). The list is antd 6's own (its components' `warning.deprecated` pairs).
import fs from 'node:fs';
import path from 'node:path';

const DEPRECATED: Record<string, string[]> = {
  Drawer: [
    'width',
    'height',
    'destroyOnClose',
    'headerStyle',
    'bodyStyle',
    'footerStyle',
    'maskStyle',
    'drawerStyle',
    'contentWrapperStyle',
  ],
  Modal: ['destroyOnClose', 'bodyStyle', 'maskStyle', 'maskClosable', 'focusTriggerAfterClose', 'autoFocusButton'],
  Space: ['direction', 'split'],
  Descriptions: ['labelStyle', 'contentStyle'],
  Select: ['showArrow', 'dropdownClassName', 'dropdownStyle', 'popupClassName', 'dropdownRender', 'bordered'],
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

const root = path.join(__dirname, '../../../admin/src');
const files = sources(root);

test('the admin has components to check', () => expect(files.length).toBeGreaterThan(10));

test.each(Object.entries(DEPRECATED))('no deprecated prop on <%s>', (component, props) => {
  const found: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    // each opening tag of the component (or its subcomponents, e.g. Space.Compact is not Space), up to its `>`
    for (const m of text.matchAll(new RegExp(`<${component}(?=[\\s>])([^>]|=>)*>`, 'g'))) {
      for (const prop of props) {
        if (new RegExp(`\\s${prop}=`).test(m[0])) found.push(`${path.relative(root, file)}: <${component} ${prop}=…>`);
      }
    }
  }
  expect(found).toEqual([]);
});
