import { EditorPage } from '../editor/EditorPage.tsx';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { useHashRoute } from './useHashRoute.ts';

/** Top-level screens. */
export function App() {
  const [route] = useHashRoute();
  if (route.page === 'playground') return <EditorPage initialSpec={sampleSpec()} />;
  return <EditorPage initialSpec={sampleSpec()} />;
}
