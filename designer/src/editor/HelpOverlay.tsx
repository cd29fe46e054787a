import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './useShortcuts.ts';

/** The keyboard shortcut list, opened with `?`. */
export function HelpOverlay(props: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  // Move focus into the dialog so Esc/Enter work without a mouse.
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      className="hf-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="hf-help-title"
      data-testid="help-overlay"
    >
      <div className="hf-dialog">
        <h2 id="hf-help-title">Keyboard shortcuts</h2>
        <table className="hf-shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="hf-button" onClick={props.onClose} ref={close}>
          Close
        </button>
      </div>
    </div>
  );
}
