import { type CliCommand, EXIT } from './cliCommand.ts';
import { cliActor, DB_OPTIONS, jsonOption, withEngine } from './cliEngine.ts';
import { printStep } from './printStep.ts';

/** `hireflow send <instanceId> <EVENT>`: sends one event through the durable engine. */
export const sendCommand: CliCommand = {
  name: 'send',
  usage:
    'send <instanceId> <EVENT> [--payload json] [--note text] [--key idempotency-key] [--actor id --role role] [--db file]',
  summary: 'Send an event to an instance',
  positionals: { min: 2, max: 2 },
  options: { ...DB_OPTIONS, payload: { type: 'string' }, note: { type: 'string' }, key: { type: 'string' } },
  run(input) {
    const payload = jsonOption(input.values, 'payload');
    return withEngine(input, (engine) => {
      const [instanceId, type] = input.positionals as [string, string];
      const result = engine.send(
        instanceId,
        { type, payload },
        {
          actor: cliActor(input.values),
          note: typeof input.values.note === 'string' ? input.values.note : undefined,
          idempotencyKey: typeof input.values.key === 'string' ? input.values.key : undefined,
        },
      );
      printStep(input, result);
      return result.ok ? EXIT.ok : EXIT.invalid;
    });
  },
};
