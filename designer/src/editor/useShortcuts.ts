import { useEffect, useRef } from 'react';

/** Handlers the editor binds to keys. */
export interface ShortcutHandlers {
  undo: () => void;
  redo: () => void;
  remove: () => void;
  copy: () => void;
  paste: () => void;
  selectAll: () => void;
  help: () => void;
  escape: () => void;
}

/** The list shown in the help overlay; keep it in sync with the switch below. */
export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: 'Ctrl/⌘ + Z', does: 'Undo' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl + Y', does: 'Redo' },
  { keys: 'Delete / Backspace', does: 'Delete the selection' },
  { keys: 'Ctrl/⌘ + C / V', does: 'Copy / paste states' },
  { keys: 'Ctrl/⌘ + A', does: 'Select all states' },
  { keys: 'Shift + click, Shift + drag', does: 'Add to the selection / box-select' },
  { keys: '?', does: 'Show this help' },
  { keys: 'Esc', does: 'Clear the selection, close dialogs' },
];

/** Typing in a field or in Monaco must never delete states or undo the canvas. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
    target.closest('.monaco-editor') !== null
  );
}

/** Binds the editor's keyboard shortcuts to the window while mounted. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const h = ref.current;
      // Esc inside a field or Monaco closes its own popups; it must not drop the selection under it.
      if (isTyping(event.target)) return;
      if (event.key === 'Escape') return h.escape();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && event.shiftKey) h.redo();
      else if (mod && key === 'z') h.undo();
      else if (mod && key === 'y') h.redo();
      else if (mod && key === 'c') h.copy();
      else if (mod && key === 'v') h.paste();
      else if (mod && key === 'a') h.selectAll();
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) h.remove();
      else if (event.key === '?') h.help();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
