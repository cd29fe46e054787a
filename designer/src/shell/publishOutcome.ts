import type { Routing } from '../api/rolloutTypes.ts';

/** Which version new instances start on under a routing, in words (pilot included). */
export function describeRouting(routing: Routing): string {
  if (routing.defaultVersion === null) return 'No version is live yet: new instances cannot start.';
  const base = `New instances start on v${routing.defaultVersion}`;
  const pilot = routing.pilot;
  if (!pilot || pilot.version === routing.defaultVersion) return `${base}.`;
  const audience = [
    pilot.businessUnits?.length ? `units ${pilot.businessUnits.join(', ')}` : null,
    pilot.departments?.length ? `departments ${pilot.departments.join(', ')}` : null,
    pilot.percentage !== undefined ? `${pilot.percentage}% of subjects` : null,
  ]
    .filter(Boolean)
    .join(' / ');
  return `${base}, except the pilot audience (${audience || 'none'}), which starts on v${pilot.version}.`;
}

/** What the dialog promises before publishing, from the current routing and the chosen option. */
export function describePublishChoice(routing: Routing | null, makeDefault: boolean): string {
  if (!routing) return 'Reading which version new instances use…';
  if (routing.defaultVersion === null)
    return 'This is the first version: it becomes the default for new instances.';
  if (makeDefault) return 'New instances will start on the new version. Running instances stay on theirs.';
  return `${describeRouting(routing)} The new version waits for a pilot or a promotion (Pilot & rollout).`;
}

/** The success message after publishing, from the server's answer. */
export function describePublished(answer: {
  version: { number: number };
  unchanged?: boolean | undefined;
  routing: Routing;
}): string {
  const head = answer.unchanged
    ? `Nothing changed since v${answer.version.number}; no new version was made.`
    : `Published v${answer.version.number}.`;
  return `${head} ${describeRouting(answer.routing)}`;
}
