import { useState } from 'react';
import type { Pilot, Routing } from '../api/rolloutTypes.ts';

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Edits the pilot: which version, and its audience (business units, departments, a share of subjects). */
export function PilotForm(props: { routing: Routing; versions: number[]; onSave: (pilot: Pilot) => void }) {
  const current = props.routing.pilot;
  const [version, setVersion] = useState(current?.version ?? props.versions[0] ?? 1);
  const [units, setUnits] = useState(current?.businessUnits?.join(', ') ?? '');
  const [departments, setDepartments] = useState(current?.departments?.join(', ') ?? '');
  const [percentage, setPercentage] = useState(current?.percentage?.toString() ?? '');
  const pilot: Pilot = {
    version,
    ...(list(units).length ? { businessUnits: list(units) } : {}),
    ...(list(departments).length ? { departments: list(departments) } : {}),
    ...(percentage.trim() === '' ? {} : { percentage: Number(percentage) }),
  };
  return (
    <form
      className="hf-inspector__form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(pilot);
      }}
      data-testid="pilot-form"
    >
      <label className="hf-field">
        Pilot version
        <select
          value={version}
          onChange={(e) => setVersion(Number(e.target.value))}
          data-testid="pilot-version"
        >
          {props.versions.map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </select>
      </label>
      <label className="hf-field">
        Business units (comma-separated)
        <input value={units} onChange={(e) => setUnits(e.target.value)} data-testid="pilot-units" />
      </label>
      <label className="hf-field">
        Departments (comma-separated)
        <input
          value={departments}
          onChange={(e) => setDepartments(e.target.value)}
          data-testid="pilot-departments"
        />
      </label>
      <label className="hf-field">
        Share of candidates (%, stable per candidate)
        <input
          type="number"
          min={0}
          max={100}
          value={percentage}
          onChange={(e) => setPercentage(e.target.value)}
          data-testid="pilot-percentage"
        />
      </label>
      <button type="submit" className="hf-button hf-button--primary" data-testid="pilot-save">
        Save pilot
      </button>
    </form>
  );
}
