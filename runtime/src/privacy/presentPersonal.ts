import { ERASED_MARKER, isSealedNote, mapSealed, SEALED_NOTE_PREFIX } from './sealed.ts';
import type { SubjectVault } from './subjectVault.ts';

/** Whether a reader sees personal values (`reveal`) or a mask in their place. */
export type PersonalDataMode = 'reveal' | 'mask';

/** What a masked value reads as in responses. */
export const MASK = '•••';
/** What an erased value reads as in responses. */
export const ERASED = '[erased]';

/** What a response shows for stored data with sealed values, and which of the markers applied. */
export interface Presented<T> {
  value: T;
  masked: boolean;
  erased: boolean;
}

/**
 * Replaces every sealed value in `value` (as stored) by its plaintext (`reveal`), {@link MASK}
 * (`mask`), or {@link ERASED} when the subject's key is gone.
 */
export function presentPersonal<T>(
  value: T,
  vault: SubjectVault | undefined,
  mode: PersonalDataMode,
): Presented<T> {
  let masked = false;
  let erased = false;
  const shown = mapSealed(value, (sealed) => {
    if (sealed === ERASED_MARKER || !vault?.available) {
      erased = true;
      return ERASED;
    }
    if (mode === 'mask') {
      masked = true;
      return MASK;
    }
    const opened = vault.open(sealed);
    if (!opened) erased = true;
    return opened ? opened.value : ERASED;
  }) as T;
  return { value: shown, masked, erased };
}

/** A stored note (or approval comment) as shown: plaintext, masked, erased, or as is if not sealed. */
export function presentNote(
  text: string | null,
  vault: SubjectVault | undefined,
  mode: PersonalDataMode,
): string | null {
  if (!isSealedNote(text)) return text;
  if (text === SEALED_NOTE_PREFIX + ERASED_MARKER || !vault?.available) return ERASED;
  if (mode === 'mask') return MASK;
  return vault.openNote(text) ?? ERASED;
}
