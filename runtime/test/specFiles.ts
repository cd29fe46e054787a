import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A workflow spec file shipped in the repository, read as raw JSON. */
export interface SpecFile {
  /** Path relative to the repository root, e.g. `templates/offer-approval.workflow.json`. */
  name: string;
  json: unknown;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const read = (relative: string): SpecFile => ({
  name: relative,
  json: JSON.parse(readFileSync(`${repoRoot}${relative}`, 'utf8')),
});

/** The sample spec of the runtime package (`runtime/samples/hiring.workflow.json`). */
export const readSampleSpec = (): SpecFile => read('runtime/samples/hiring.workflow.json');

/**
 * Every `templates/*.workflow.json`, found on disk so a new template is covered without editing a
 * list. Tests read them as data: the runtime imports nothing of the templates package.
 */
export function readTemplateSpecs(): SpecFile[] {
  return readdirSync(`${repoRoot}templates`)
    .filter((file) => file.endsWith('.workflow.json'))
    .sort()
    .map((file) => read(`templates/${file}`));
}
