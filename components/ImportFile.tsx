/** A JSON file picker and the outcome of the last import, as options uses them for lexicons and history. */

export interface Outcome {
  ok: boolean;
  lines: string[];
}

export function ImportFile({ id, label, onFile }: { id: string; label: string; onFile(file: File): void }) {
  return (
    <>
      <label for={id}>{label}</label>{' '}
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          // The same file can be picked again after fixing it.
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}

export function ImportOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <div class={outcome.ok ? 'message' : 'message error'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.lines.map((l) => (
        <p>{l}</p>
      ))}
    </div>
  );
}
