// Vite's `?worker` imports give a Worker constructor.
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
// Side-effect-only Monaco contributions (they register themselves; nothing is imported from them).
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
declare module 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
