import { useState } from 'react';
import { useEngine } from './EngineContext';
import { useStore } from './useStore';

/**
 * Told once, wherever the user is, the first time a line could not be spoken because the
 * browser has no voice: cues carry on as captions with a tone.
 */
export function NoVoiceNotice() {
  const voice = useStore(useEngine().voice.store);
  const [dismissed, setDismissed] = useState(false);
  if (!voice.noVoiceNotice || dismissed) return null;
  return (
    <div className="notice" role="status" data-testid="no-voice-notice">
      <p>
        Your browser has no voice to speak with, so the coach’s cues appear as captions, each with a
        short tone.
      </p>
      <button type="button" onClick={() => setDismissed(true)}>
        Got it
      </button>
    </div>
  );
}
