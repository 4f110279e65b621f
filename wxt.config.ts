import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: { name: 'Framing Lens', permissions: ['activeTab', 'scripting'] },
});
