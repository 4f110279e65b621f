import { render } from 'preact';

function Popup() {
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: '12px', width: '280px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Framing Lens</h1>
      <p style={{ margin: 0 }}>Shows how a news article frames its story: contested spellings, loaded phrases, and who demands what.</p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
