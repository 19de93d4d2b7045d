import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserEngine } from './engine/browserDependencies';
import { App } from './ui/App';
import { registerServiceWorker } from './engine/serviceWorker';
import { EngineContext } from './ui/EngineContext';
import './ui/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const engine = createBrowserEngine();
// The built app works offline after one visit (see scripts/vite-plugin-offline.ts).
if (import.meta.env.PROD) registerServiceWorker();
createRoot(root).render(
  <StrictMode>
    <EngineContext.Provider value={engine}>
      <App />
    </EngineContext.Provider>
  </StrictMode>,
);
