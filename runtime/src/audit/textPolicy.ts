/**
 * Text accepted into workflows and the audit log: well-formed Unicode without NUL and without
 * non-characters. Lone UTF-16 surrogates cannot be stored as UTF-8 at all; NUL truncates text in
 * many tools an auditor may use; non-characters are reserved for internal use. Such text is refused
 * with the path of the field that holds it (HTTP 422, engine refusal INVALID_EVENT), never replaced.
 */
const REFUSED = /[\0\p{Cs}\p{Noncharacter_Code_Point}]/u;

/** Why a string is refused, or undefined when it is acceptable. */
export function textProblem(text: string): string | undefined {
  const match = REFUSED.exec(text);
  if (!match) return undefined;
  const code = (match[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
  if (match[0] === '\0') return 'contains NUL (U+0000)';
  return /\p{Cs}/u.test(match[0])
    ? `contains a lone surrogate (U+${code})`
    : `contains a Unicode non-character (U+${code})`;
}

/** The first refused string in a JSON value (keys included), with its path; undefined if none. */
export function findRefusedText(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; message: string } | undefined {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { path, message } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findRefusedText(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: [...path, key], message: `field name ${keyProblem}` };
      const found = findRefusedText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
