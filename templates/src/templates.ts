import { listStates, parseSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import { TEMPLATE_SOURCES, type TemplateId } from './templateSources.ts';

/** What the template gallery shows for one template. */
export interface TemplateSummary {
  id: TemplateId;
  name: string;
  description: string;
  tags: string[];
  subjectType: WorkflowSpec['subjectType'];
  /** Every state, including the states inside parallel tracks. */
  stateCount: number;
}

/** A built-in template that does not validate: a bug in this package, never a user error. */
export class TemplateInvalidError extends Error {
  readonly code = 'SPEC_INVALID';
}

/** Ids of the built-in templates, in gallery order. */
export const templateIds: readonly TemplateId[] = Object.keys(TEMPLATE_SOURCES) as TemplateId[];

const isTemplateId = (id: string): id is TemplateId => Object.hasOwn(TEMPLATE_SOURCES, id);

// Parsed once: templates are immutable data, and parsing applies the schema defaults.
const parsed = new Map<TemplateId, WorkflowSpec>();

function load(id: TemplateId): WorkflowSpec {
  const cached = parsed.get(id);
  if (cached) return cached;
  const result = parseSpec(TEMPLATE_SOURCES[id]);
  if (!result.ok) {
    const where = result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new TemplateInvalidError(`Built-in template "${id}" is invalid: ${where}`);
  }
  parsed.set(id, result.spec);
  return result.spec;
}

/**
 * The template with this id, validated and with defaults applied, or `undefined` for an unknown id.
 * Each call returns a fresh copy, so a caller may edit it (e.g. to fork it) freely.
 *
 * @example
 * const spec = getTemplate('offer-approval');
 * if (spec) spec.forkedFrom = { source: 'template', id: spec.id, version: 1 };
 */
export function getTemplate(id: string): WorkflowSpec | undefined {
  return isTemplateId(id) ? structuredClone(load(id)) : undefined;
}

/** Gallery entries for every built-in template, in gallery order. */
export function listTemplates(): TemplateSummary[] {
  return templateIds.map((id) => {
    const spec = load(id);
    return {
      id,
      name: spec.name,
      description: spec.description ?? '',
      tags: [...spec.tags],
      subjectType: spec.subjectType,
      stateCount: listStates(spec).length,
    };
  });
}
