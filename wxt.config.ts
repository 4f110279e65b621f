import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * `npm run build:e2e`: the store build plus access to local test hosts, annotated on load, so tests
 * (ours and outside checks) need no toolbar click. Built into its own folder, never over the store build.
 */
const E2E = process.env.FRAMING_LENS_E2E === '1';
const E2E_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const SITE_PATTERNS = ['http://*/*', 'https://*/*'];

export default defineConfig({
  // Every extension API call goes through the promise-based `browser` of webextension-polyfill, the
  // same in Chrome and Firefox (README: "Browsers").
  modules: ['@wxt-dev/webextension-polyfill'],
  // `--mode development` keeps names readable, for profiles.
  // The e2e build, which the bench runs, keeps stage timings (lib/timing).
  vite: (env) => ({
    plugins: [preact()],
    build: { minify: env.mode === 'production' },
    // In the extension the browser has every message (lib/i18n): the bundled English stays out.
    define: { __FRAMING_LENS_TIMINGS__: JSON.stringify(E2E), __FRAMING_LENS_EXTENSION__: 'true' },
  }),
  outDirTemplate: `${E2E ? 'e2e-' : ''}{{browser}}-mv{{manifestVersion}}{{modeSuffix}}`,
  manifest: ({ browser }) => ({
    // From public/_locales/*/messages.json, in the browser's language.
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'contextMenus', 'storage', ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    // Asked for one site at a time, when the user turns "always on" on for it (MV2: optional_permissions).
    ...(browser === 'firefox' ? { optional_permissions: SITE_PATTERNS } : { optional_host_permissions: SITE_PATTERNS }),
    commands: {
      'show-framing': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_command_show_framing__' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'framing-lens@framing-lens.org', data_collection_permissions: { required: ['none'] } } },
    }),
    ...(E2E && {
      host_permissions: E2E_HOSTS,
      content_scripts: [{ matches: E2E_HOSTS, js: ['content-scripts/content.js'], run_at: 'document_idle' }],
    }),
  }),
});
