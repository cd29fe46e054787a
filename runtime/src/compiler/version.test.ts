import { describe, expect, it } from 'vitest';
import { screenFlow } from '../../test/specs.ts';
import { type PublishOutcome, preparePublish, type WorkflowVersion } from './index.ts';

const publishedAt = '2026-03-02T09:00:00.000Z';

function publish(spec: unknown, latest?: WorkflowVersion): PublishOutcome {
  return preparePublish({ spec, latest, publishedBy: 'designer-7', publishedAt, changelog: 'first cut' });
}

function published(outcome: PublishOutcome): WorkflowVersion {
  if (outcome.kind !== 'published') throw new Error(`expected a new version, got ${outcome.kind}`);
  return outcome.version;
}

describe('preparePublish', () => {
  it('publishes version 1 of a new workflow with its spec, definition and hash', () => {
    const version = published(publish(screenFlow()));
    expect(version).toMatchObject({
      workflowId: 'test-flow',
      number: 1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      publishedBy: 'designer-7',
      publishedAt,
      changelog: 'first cut',
    });
    expect(version.definition.meta.hireflow.hash).toBe(version.hash);
  });

  it('publishes the next number when the content changed', () => {
    const first = published(publish(screenFlow()));
    const second = published(publish({ ...screenFlow(), name: 'Screen v2' }, first));
    expect(second.number).toBe(2);
    expect(second.hash).not.toBe(first.hash);
  });

  it('does nothing when the content is unchanged, and hands back the latest version', () => {
    const first = published(publish(screenFlow()));
    const again = publish(screenFlow(), first);
    expect(again).toEqual({ kind: 'unchanged', version: first });
  });

  it('refuses a spec with errors and lists them', () => {
    const broken = { ...screenFlow(), initial: 'nowhere' };
    const outcome = publish(broken);
    expect(outcome.kind).toBe('invalid');
    expect(outcome.kind === 'invalid' && outcome.diagnostics.map((d) => d.code)).toContain('UNKNOWN_INITIAL');
  });

  it('publishes despite warnings and passes them on', () => {
    const [screen, hired, rejected] = screenFlow().states;
    const orphan = { id: 'orphan', kind: 'milestone', on: [{ id: 'o', event: 'HIRE', target: 'hired' }] };
    const outcome = publish({ ...screenFlow(), states: [screen, hired, rejected, orphan] });
    expect(outcome.kind).toBe('published');
    expect(outcome.kind === 'published' && outcome.diagnostics.map((d) => d.code)).toEqual([
      'UNREACHABLE_STATE',
    ]);
  });
});
