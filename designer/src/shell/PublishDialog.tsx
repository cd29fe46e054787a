import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Routing } from '../api/rolloutTypes.ts';
import { describePublishChoice } from './publishOutcome.ts';
import { describeError } from './useAsync.ts';

/**
 * The publish dialog: a changelog and the choice between making the new version the default and
 * publishing only (to pilot or promote later), with what new instances will use, read from routing.
 */
export function PublishDialog(props: {
  workflowId: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onPublish: (changelog: string, makeDefault: boolean) => void;
}) {
  const [changelog, setChangelog] = useState('');
  const [makeDefault, setMakeDefault] = useState(true);
  const [routing, setRouting] = useState<Routing | null>(null);
  const [routingError, setRoutingError] = useState<string | null>(null);
  useEffect(() => {
    api.getRouting(props.workflowId).then(
      (answer) => setRouting(answer.routing),
      (e: unknown) => setRoutingError(describeError(e)),
    );
  }, [props.workflowId]);
  const firstVersion = routing?.defaultVersion === null;
  return (
    <div
      className="hf-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="hf-publish-title"
      data-testid="publish-dialog"
    >
      <div className="hf-dialog">
        <h2 id="hf-publish-title">Publish a new version</h2>
        <div className="hf-field">
          <label htmlFor="hf-changelog">What changed?</label>
          <textarea
            id="hf-changelog"
            rows={4}
            value={changelog}
            onChange={(e) => setChangelog(e.target.value)}
            data-testid="publish-changelog"
          />
        </div>
        <fieldset className="hf-publish-choice" disabled={firstVersion}>
          <legend>New instances</legend>
          <label className="hf-check">
            <input
              type="radio"
              name="hf-publish-mode"
              checked={makeDefault}
              onChange={() => setMakeDefault(true)}
              data-testid="publish-make-default"
            />
            Publish and make it the default
          </label>
          <label className="hf-check">
            <input
              type="radio"
              name="hf-publish-mode"
              checked={!makeDefault}
              onChange={() => setMakeDefault(false)}
              data-testid="publish-only"
            />
            Publish only (pilot or promote later)
          </label>
        </fieldset>
        <p className="hf-muted" data-testid="publish-routing">
          {routingError
            ? `Could not read the current routing: ${routingError}`
            : describePublishChoice(routing, makeDefault)}
        </p>
        {props.error && (
          <p className="hf-field__error" role="alert">
            {props.error}
          </p>
        )}
        <div className="hf-row">
          <button type="button" className="hf-button" onClick={props.onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="hf-button hf-button--primary"
            disabled={props.busy || changelog.trim() === ''}
            onClick={() => props.onPublish(changelog, makeDefault)}
            data-testid="publish-confirm"
          >
            {props.busy ? 'Publishing…' : makeDefault ? 'Publish and make default' : 'Publish only'}
          </button>
        </div>
      </div>
    </div>
  );
}
