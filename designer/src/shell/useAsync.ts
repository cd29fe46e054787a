import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../api/client.ts';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; problem?: ApiProblem }
  | { status: 'ok'; value: T };

/** Runs `load` when `deps` change; `reload` runs it again. Errors become a message to show. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => live && setState({ status: 'ok', value }),
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : 'Something went wrong',
          ...(error instanceof ApiProblem ? { problem: error } : {}),
        }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return [state, useCallback(() => setTick((t) => t + 1), [])];
}

/** A short, friendly message for a failed call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail ?? error.title;
  return error instanceof Error ? error.message : 'Something went wrong';
}
