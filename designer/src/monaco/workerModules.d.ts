// Vite's `?worker` imports give a Worker constructor.
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
