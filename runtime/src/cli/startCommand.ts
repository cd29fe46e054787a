import { type CliCommand, EXIT } from './cliCommand.ts';
import { cliActor, DB_OPTIONS, jsonOption, withEngine } from './cliEngine.ts';
import { printStep } from './printStep.ts';

/** `hireflow start <workflowId>`: starts an instance on the routed version. */
export const startCommand: CliCommand = {
  name: 'start',
  usage: 'start <workflowId> [--unit bu] [--context json] [--key idempotency-key] [--db file]',
  summary: 'Start an instance (one candidate, requisition, offer…)',
  positionals: { min: 1, max: 1 },
  options: {
    ...DB_OPTIONS,
    unit: { type: 'string' },
    context: { type: 'string' },
    key: { type: 'string' },
    subject: { type: 'string' },
  },
  run(input) {
    const context = jsonOption(input.values, 'context') ?? {};
    return withEngine(input, (engine) => {
      const result = engine.start({
        workflowId: input.positionals[0] as string,
        businessUnit: typeof input.values.unit === 'string' ? input.values.unit : 'default',
        subject: { kind: typeof input.values.subject === 'string' ? input.values.subject : 'candidate' },
        context,
        actor: cliActor(input.values),
        idempotencyKey: typeof input.values.key === 'string' ? input.values.key : undefined,
      });
      printStep(input, result);
      return result.ok ? EXIT.ok : EXIT.invalid;
    });
  },
};
