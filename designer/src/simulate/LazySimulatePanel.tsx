import { type ComponentProps, lazy, Suspense } from 'react';

// The simulator needs the compiler and the holiday tables (~150 kB gzip): load them when first opened.
const SimulatePanel = lazy(() => import('./SimulatePanel.tsx').then((m) => ({ default: m.SimulatePanel })));

/** {@link SimulatePanel}, loaded on first use. */
export function LazySimulatePanel(props: ComponentProps<typeof SimulatePanel>) {
  return (
    <Suspense fallback={<p className="hf-muted">Loading the simulator…</p>}>
      <SimulatePanel {...props} />
    </Suspense>
  );
}
