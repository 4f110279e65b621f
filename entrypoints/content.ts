// Registered at runtime only, when the user asks for a page to be annotated (activeTab); wired up with the UI.
export default defineContentScript({ matches: ['<all_urls>'], registration: 'runtime', main() {} });
