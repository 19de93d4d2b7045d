import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserEngine } from './engine/browserDependencies';
import { App } from './ui/App';
import { EngineContext } from './ui/EngineContext';
import './ui/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const engine = createBrowserEngine();
createRoot(root).render(
  <StrictMode>
    <EngineContext.Provider value={engine}>
      <App />
    </EngineContext.Provider>
  </StrictMode>,
);
