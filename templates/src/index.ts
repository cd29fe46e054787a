/**
 * Built-in Hireflow workflow templates: the ATS workflows business units fork instead of drawing
 * from scratch. The templates are JSON data (`templates/<id>.workflow.json`); this module validates
 * them with the runtime model and serves them to the server and the designer.
 */
export type { TemplateId } from './templateSources.ts';
export {
  getTemplate,
  listTemplates,
  TemplateInvalidError,
  type TemplateSummary,
  templateIds,
} from './templates.ts';
