import { describe, expect, it } from 'vitest';
import { isUnderAny, parsePayloadPath, readPayloadPath } from './payloadPath.ts';
import { toStartData } from './startContext.ts';

const body = JSON.parse(
  '{"payload":{"application":{"id":42,"jobs":[{"requisition_id":"REQ-1"}],"candidate":{"first_name":"Jane"}}}}',
);

describe('parsePayloadPath', () => {
  it('reads dotted keys with indexes, with or without $.', () => {
    expect(parsePayloadPath('$.payload.application.jobs[0].requisition_id')).toEqual([
      'payload',
      'application',
      'jobs',
      0,
      'requisition_id',
    ]);
    expect(
      readPayloadPath(body, parsePayloadPath('payload.application.jobs[0].requisition_id') as never),
    ).toBe('REQ-1');
  });

  it.each(['', 'a..b', 'a.b()', 'a[x]', "a['b']", 'a.*'])('refuses %j with a message', (text) => {
    expect(typeof parsePayloadPath(text)).toBe('string');
  });

  it('never reads prototype keys or past a missing step', () => {
    expect(readPayloadPath(body, ['payload', 'constructor'])).toBeUndefined();
    expect(readPayloadPath(body, ['payload', 'application', 'jobs', 5, 'x'])).toBeUndefined();
  });

  it('knows which paths hold personal data, whatever the indexes', () => {
    const under = (text: string) =>
      isUnderAny(parsePayloadPath(text) as never, ['payload.application.candidate']);
    expect([
      under('payload.application.candidate.email_addresses[0].value'),
      under('payload.application.id'),
    ]).toEqual([true, false]);
  });
});

describe('toStartData', () => {
  const schema = {
    'requisition.id': { type: 'string' as const },
    'candidate.firstName': { type: 'string' as const, pii: true },
    'application.ref': { type: 'string' as const },
  };

  it('nests context fields, turns numeric ids into strings, and keeps pii fields out of the context', () => {
    const data = toStartData(
      [
        { field: 'requisition.id', path: 'payload.application.jobs[0].requisition_id' },
        { field: 'application.ref', path: 'payload.application.id' },
        { field: 'candidate.firstName', path: 'payload.application.candidate.first_name' },
      ],
      body,
      schema,
    );
    expect(JSON.parse(JSON.stringify(data))).toEqual({
      context: { requisition: { id: 'REQ-1' }, application: { ref: '42' } },
      pii: { 'candidate.firstName': 'Jane' },
    });
  });

  it('refuses a field the version does not have, including prototype names', () => {
    expect(toStartData([{ field: '__proto__', path: 'payload' }], body, schema)).toHaveProperty('error');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
