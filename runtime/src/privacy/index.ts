/** Personal data: sealing under per-subject keys (crypto-shredding), presentation, size limits. Node only. */

export { checkEventSize, DEFAULT_EVENT_LIMITS, type EventLimits } from './eventLimits.ts';
export {
  ERASED,
  MASK,
  type PersonalDataMode,
  type Presented,
  presentNote,
  presentPersonal,
} from './presentPersonal.ts';
export { payloadDigest, STRUCTURAL_PAYLOAD_KEYS, sealContext, sealPayload } from './protect.ts';
export { holdsSealed, isSealed, isSealedNote, type SealedValue } from './sealed.ts';
export { openVault, type SubjectVault, subjectRefOf } from './subjectVault.ts';
