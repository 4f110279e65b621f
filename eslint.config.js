import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test/artifacts/', 'bench/results.json', 'scratch/'] },
  ...tseslint.configs.recommended,
  // HTML sinks (innerHTML, insertAdjacentHTML, document.write, createContextualFragment...) only with escaped or constant markup.
  nounsanitized.configs.recommended,
  {
    rules: {
      // Page text is text: no HTML sinks, no code from strings.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page text is text: use textContent or JSX.' },
        { property: 'outerHTML', message: 'Page text is text.' },
        { property: 'insertAdjacentHTML', message: 'Page text is text.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
