import { LiveScreen } from './LiveScreen';

export function App() {
  return <LiveScreen />;
}
