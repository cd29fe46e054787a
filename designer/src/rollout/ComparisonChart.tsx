import type { CohortStats, PilotComparison } from '../api/rolloutTypes.ts';

const ROW = 34;
const LABEL = 110;
const WIDTH = 300;
const VALUE = 50;

/** Hours in words that fit a bar label: "42 s", "12 min", "3.5 h". */
function hours(value: number | null | undefined): string {
  if (value == null) return '—';
  if (value < 1 / 60) return `${Math.round(value * 3600)} s`;
  if (value < 1) return `${Math.round(value * 60)} min`;
  return `${value.toFixed(1)} h`;
}
const percent = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value * 100)}%`);

/**
 * Time in each milestone, default against pilot: a bar per cohort for the median, a thin tick for the
 * p90. Plain SVG so it prints and needs no chart library.
 */
export function ComparisonChart(props: { comparison: PilotComparison }) {
  const { default: base, pilot } = props.comparison;
  const stages = [
    ...new Set([...Object.keys(base?.timeInState ?? {}), ...Object.keys(pilot?.timeInState ?? {})]),
  ];
  // Scaled to the longest p90, whatever its unit: a pilot measured in minutes still shows its bars.
  const max =
    Math.max(
      0,
      ...[base, pilot].flatMap((c) => Object.values(c?.timeInState ?? {}).map((s) => s.p90 ?? s.median ?? 0)),
    ) || 1;
  const x = (value: number | null) => ((value ?? 0) / max) * (WIDTH - LABEL - VALUE);
  const bar = (stats: CohortStats | null, stage: string, y: number, kind: 'default' | 'pilot') => {
    const spread = stats?.timeInState[stage];
    if (!spread || spread.median === null) return null;
    return (
      <g data-testid={`bar-${kind}-${stage}`}>
        <rect
          className={`hf-rollout__bar--${kind}`}
          x={LABEL}
          y={y}
          width={Math.max(1, x(spread.median))}
          height={10}
        >
          <title>{`${kind} ${stage}: median ${hours(spread.median)}, p90 ${hours(spread.p90)} (${spread.count})`}</title>
        </rect>
        <rect
          className={`hf-rollout__bar--${kind}`}
          x={LABEL + x(spread.p90)}
          y={y - 2}
          width={2}
          height={14}
        />
      </g>
    );
  };

  return (
    <div data-testid="pilot-comparison">
      <div className="hf-rollout__legend">
        <span>
          <span className="hf-rollout__swatch" style={{ background: '#94a3b8' }} />
          default v{base?.version ?? '—'}
        </span>
        <span>
          <span className="hf-rollout__swatch" style={{ background: 'var(--hf-accent)' }} />
          pilot v{pilot?.version ?? '—'}
        </span>
        <span className="hf-muted">bar = median, tick = p90</span>
      </div>
      {stages.length === 0 ? (
        <p className="hf-muted">No stage has been left yet in either cohort.</p>
      ) : (
        <svg
          className="hf-rollout__chart"
          width="100%"
          viewBox={`0 0 ${WIDTH} ${stages.length * ROW + 4}`}
          role="img"
          aria-label="Time in stage, default and pilot"
          data-testid="comparison-chart"
        >
          {stages.map((stage, n) => (
            <g key={stage}>
              <text x={0} y={n * ROW + 16}>
                {stage}
              </text>
              {bar(base, stage, n * ROW + 4, 'default')}
              {bar(pilot, stage, n * ROW + 18, 'pilot')}
            </g>
          ))}
        </svg>
      )}
      <table className="hf-table" data-testid="comparison-table">
        <thead>
          <tr>
            <th />
            <th>default</th>
            <th>pilot</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Instances</td>
            <td>{base?.instances ?? '—'}</td>
            <td>{pilot?.instances ?? '—'}</td>
          </tr>
          <tr>
            <td>SLA breach rate</td>
            <td>{percent(base?.slaBreachRate)}</td>
            <td>{percent(pilot?.slaBreachRate)}</td>
          </tr>
          <tr>
            <td>Escalations</td>
            <td>{base?.escalations ?? '—'}</td>
            <td>{pilot?.escalations ?? '—'}</td>
          </tr>
          <tr>
            <td>Drop-off</td>
            <td>{dropOff(base)}</td>
            <td>{dropOff(pilot)}</td>
          </tr>
          <tr>
            <td>Approval turnaround (median)</td>
            <td>{hours(base?.approvalTurnaround.median)}</td>
            <td>{hours(pilot?.approvalTurnaround.median)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function dropOff(stats: CohortStats | null): string {
  if (!stats) return '—';
  const entries = Object.entries(stats.dropOff);
  return entries.length === 0 ? 'none' : entries.map(([stage, n]) => `${stage} ${n}`).join(', ');
}
