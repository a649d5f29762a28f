// ESLint: unused code, floating promises, the 120-column limit, and the import boundaries of ENGINEERING.md.
// Formatting itself is Prettier's (`npm run format`); this file only adds what Prettier cannot see.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * What a server module offers the others: its module factory, its service, and directory or scope interfaces
 * (`ResidentDirectory`, `volunteerInScope`). Its repository, routes and helpers are its own.
 */
const MODULE_PUBLIC_FILE = /(\.module|\.service|-directory|-scope)\.ts$/;

/** Why `from` may not import `to` (both paths relative to the project's root), or null when it may. */
function boundaryViolation(from, to) {
  const [fromTop] = from.split('/');
  if (fromTop === 'domain' && !to.startsWith('domain/')) return 'domain/ imports nothing of server/ or web/';
  if (fromTop === 'web' && to.startsWith('server/')) return 'web/ never imports server/';
  if (fromTop === 'server' && to.startsWith('web/')) return 'server/ never imports web/';
  const serverModule = (p) => /^server\/src\/modules\/([^/]+)\//.exec(p)?.[1];
  const [fromModule, toModule] = [serverModule(from), serverModule(to)];
  if (fromModule && toModule && fromModule !== toModule && !MODULE_PUBLIC_FILE.test(to)) {
    return `a module reaches "${toModule}" only through its service, module or directory, not ${path.basename(to)}`;
  }
  const webFeature = (p) => /^web\/src\/features\/([^/]+)\//.exec(p)?.[1];
  const [fromFeature, toFeature] = [webFeature(from), webFeature(to)];
  if (fromFeature && toFeature && fromFeature !== toFeature) {
    return `a web feature never imports another feature ("${toFeature}"): move shared parts to web/src/shared`;
  }
  return null;
}

const boundaries = {
  meta: { type: 'problem', schema: [], messages: { crossed: '{{why}}' } },
  create(context) {
    const from = path.relative(root, context.filename);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = path.relative(root, path.resolve(path.dirname(context.filename), spec));
      const why = boundaryViolation(from, to);
      if (why) context.report({ node: node.source, messageId: 'crossed', data: { why } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'data/', 'data-bench/', 'test-results/', '.tmp/'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { linli: { rules: { boundaries } } },
    rules: {
      'linli/boundaries': 'error',
      // node:test's describe() and it() return promises the runner awaits itself.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'max-len': [
        'error',
        { code: 120, tabWidth: 2, ignoreUrls: false, ignoreStrings: false, ignoreTemplateLiterals: false },
      ],
      // Checked by TypeScript itself, or noise for this codebase.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-undef': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: { 'max-len': ['error', { code: 120 }] },
  },
);
