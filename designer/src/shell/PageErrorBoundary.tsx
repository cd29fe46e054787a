import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The page's name in the message ("Approvals", "Workflow editor"). */
  page: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
  /** Bumped by "Try again" so the page mounts afresh (and reloads its data). */
  attempt: number;
}

/**
 * Catches a render error inside one page, so one broken page shows what went wrong and a retry
 * instead of blanking the whole app (React unmounts the tree on an uncaught render error).
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for the developer console: the component stack says which part of the page failed.
    console.error(`The ${this.props.page} page failed to render`, error, info.componentStack);
  }

  private retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <PageAttempt key={attempt}>{this.props.children}</PageAttempt>;
    return (
      <section className="hf-page hf-page-error" role="alert" data-testid="page-error">
        <h1>{this.props.page} could not be shown</h1>
        <p>
          Something on this page failed: <code>{error.message}</code>. Your saved work is not affected. Try
          again; if it keeps failing, reload the app or tell your administrator what you were doing.
        </p>
        <div className="hf-row">
          <button type="button" className="hf-button hf-button--primary" onClick={this.retry}>
            Try again
          </button>
          <button type="button" className="hf-button" onClick={() => window.location.reload()}>
            Reload the app
          </button>
        </div>
      </section>
    );
  }
}

/** A keyed wrapper: a new key remounts the page, which reruns its data loading. */
function PageAttempt(props: { children: ReactNode }) {
  return <>{props.children}</>;
}
