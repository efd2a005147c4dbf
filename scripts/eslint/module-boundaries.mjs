// ESLint rule `linli/module-boundaries`: the module kit's seals, checked on every import of server/src.
// - a module imports another module only through its public surface (`modules/<name>` or `modules/<name>/index`),
//   never its application/, domain/, persistence/ or http/ files;
// - platform/ and kernel/ never import upward (modules/, http/, kit/, flows/, app, compose-modules);
// - kit/ never imports modules/ or flows/; flows/ reach modules only through their public surface.
import path from 'node:path';

const layerOf = (file) => {
  const m = /(?:^|\/)server\/src\/(.+)$/.exec(file.split(path.sep).join('/'));
  if (!m) return undefined;
  const parts = m[1].split('/');
  if (parts[0] === 'modules') return { layer: 'modules', module: parts[1], rest: parts.slice(2) };
  return { layer: parts.length === 1 ? parts[0].replace(/\.\w+$/, '') : parts[0], rest: parts.slice(1) };
};

const UPWARD = new Set(['modules', 'http', 'kit', 'flows', 'app', 'compose-modules', 'main', 'bootstrap', 'cli']);

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: {
      description: "modules meet only through each other's public index; platform and kernel never import upward",
    },
    schema: [],
    messages: {
      internals: "'{{target}}' is inside module '{{module}}': import its public surface ('modules/{{module}}') instead",
      upward: "'{{layer}}/' must not import from '{{target}}' ({{targetLayer}}/ sits above it)",
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(context.filename), spec));
      if (!to) return;
      if ((from.layer === 'platform' || from.layer === 'kernel') && UPWARD.has(to.layer))
        return context.report({
          node,
          messageId: 'upward',
          data: { layer: from.layer, target: spec, targetLayer: to.layer },
        });
      if (from.layer === 'kit' && (to.layer === 'modules' || to.layer === 'flows'))
        return context.report({
          node,
          messageId: 'upward',
          data: { layer: from.layer, target: spec, targetLayer: to.layer },
        });
      const publicSurface = to.rest.length === 0 || (to.rest.length === 1 && /^index(\.ts)?$/.test(to.rest[0]));
      const sameModule = from.layer === 'modules' && from.module === to.module;
      if (to.layer === 'modules' && !sameModule && !publicSurface)
        context.report({ node, messageId: 'internals', data: { target: spec, module: to.module } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
