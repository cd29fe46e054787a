/**
 * Why a subject's personal data was erased: a closed list, so the erasure entry in the audit log can
 * hold no personal data (a free-text reason could name the person). Browser-safe: the designer's
 * erasure dialog offers the same list.
 */
export const ERASURE_REASONS = [
  'data_subject_request',
  'retention_policy',
  'legal_obligation',
  'consent_withdrawn',
  'other',
] as const;
/** One of {@link ERASURE_REASONS}. */
export type ErasureReason = (typeof ERASURE_REASONS)[number];
