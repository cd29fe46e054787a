/** Built-in workflow templates (filled in by the template library). */
export const templateIds: readonly string[] = [];
