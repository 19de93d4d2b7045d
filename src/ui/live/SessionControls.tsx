import './sessionControls.css';

interface Props {
  readonly paused: boolean;
  readonly togglePause: () => void;
  readonly skip: () => void;
  readonly stop: () => void;
  readonly reportSymptom: () => void;
}

/**
 * The session's controls in a bar fixed to the bottom of the window, so Stop and the safety
 * button are on screen at every size without scrolling (seeds: stop at once at tingling, numbness
 * or sharp pain — one press, not three).
 */
export function SessionControls({ paused, togglePause, skip, stop, reportSymptom }: Props) {
  return (
    <div className="session-controls" role="group" aria-label="Session controls">
      <button
        type="button"
        className="symptom-button"
        onClick={reportSymptom}
        aria-keyshortcuts="P"
        data-testid="report-symptom"
      >
        I feel pain or tingling (P)
      </button>
      <button type="button" onClick={togglePause} aria-keyshortcuts="Space">
        {paused ? 'Resume (Space)' : 'Pause (Space)'}
      </button>
      <button type="button" onClick={skip}>
        Skip stretch
      </button>
      <button type="button" className="stop-button" onClick={stop} aria-keyshortcuts="Escape">
        Stop (Esc)
      </button>
    </div>
  );
}

/** The advice after "I feel pain or tingling": stop for today and get it looked at. */
export function SymptomStopAdvice() {
  return (
    <div className="symptom-stop" role="alert" data-testid="symptom-stop-advice">
      <h2>Please stop for today</h2>
      <p>
        Tingling, numbness or sharp pain can mean a nerve is irritated rather than a muscle
        stretched. Don’t stretch any more today, and see a physiotherapist or doctor before you
        stretch again — sooner if it carries on.
      </p>
      <p>This is recorded in your report.</p>
    </div>
  );
}
