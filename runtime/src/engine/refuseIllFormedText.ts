import { findRefusedText } from '../audit/textPolicy.ts';
import { formatPath } from '../model/index.ts';
import { type Refusal, refuse } from './refusal.ts';

/**
 * The engine's own boundary check (callers other than HTTP: CLI, webhooks, scheduler): text the
 * audit log refuses (lone surrogates, NUL, non-characters) is refused as INVALID_EVENT naming the field.
 */
export function refuseIllFormedText(values: Record<string, unknown>): Refusal | undefined {
  const found = findRefusedText(values);
  return found ? refuse('INVALID_EVENT', `${formatPath(found.path)}: ${found.message}.`) : undefined;
}
