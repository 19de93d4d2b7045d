import { useState } from 'react';
import type { UserCommand } from '../../protocol';
import type { RunnerState } from '../../engine/live/runnerState';
import type { ReadableStore } from '../../engine/store';
import { sameData, useSelector } from '../useStore';
import { ModalDialog } from './ModalDialog';

interface Props {
  readonly store: ReadableStore<RunnerState>;
  readonly command: (command: UserCommand) => void;
}

const selectQuestion = (s: RunnerState) => ({
  phase: s.view?.phase ?? null,
  nerveGlideOffered: s.view?.nerveGlideOffered ?? false,
});

/** The questions the session stops for: warm-up, the symptom check, and advice after a yes. */
export function SessionDialogs({ store, command }: Props) {
  const view = useSelector(store, selectQuestion, sameData);
  const [symptoms, setSymptoms] = useState({ tingling: false, numbness: false, sharpPain: false });
  const answer = (answerGiven: typeof symptoms): void => {
    command({ command: 'answer-symptoms', answer: answerGiven });
    setSymptoms({ tingling: false, numbness: false, sharpPain: false });
  };
  return (
    <>
      <ModalDialog open={view.phase === 'warm-up'} title="Have you warmed up?" testId="warm-up">
        <p>
          Stretching cold muscles is harder and riskier. Five to ten minutes of brisk walking or
          light cardio first makes the stretches work better. Stretch to a mild pull, never to pain.
        </p>
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            onClick={() => command({ command: 'confirm-warm-up' })}
          >
            I’ve warmed up — start
          </button>
          <button type="button" onClick={() => command({ command: 'skip' })}>
            Skip the reminder
          </button>
        </div>
      </ModalDialog>

      <ModalDialog open={view.phase === 'symptom-check'} title="Quick check" testId="symptom-check">
        <p>During that stretch, did you feel any of these?</p>
        <fieldset className="symptoms">
          <legend className="visually-hidden">Symptoms</legend>
          {(
            [
              ['tingling', 'Tingling'],
              ['numbness', 'Numbness'],
              ['sharpPain', 'Sharp pain'],
            ] as const
          ).map(([key, label]) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={symptoms[key]}
                onChange={(e) => setSymptoms((s) => ({ ...s, [key]: e.target.checked }))}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            onClick={() => answer({ tingling: false, numbness: false, sharpPain: false })}
          >
            None of these
          </button>
          <button
            type="button"
            onClick={() => answer(symptoms)}
            disabled={!symptoms.tingling && !symptoms.numbness && !symptoms.sharpPain}
          >
            Yes, I felt what I ticked
          </button>
        </div>
      </ModalDialog>

      <ModalDialog
        open={view.phase === 'symptom-advice'}
        title="Please stop for today"
        testId="symptom-advice"
      >
        <p>
          Tingling, numbness or sharp pain can mean a nerve is irritated rather than a muscle
          stretched. Stop stretching for today, and if it carries on have a physiotherapist or
          doctor look at it. This is recorded in your report.
        </p>
        {view.nerveGlideOffered && (
          <p>If you feel fine to, the seated nerve glide is a gentle alternative.</p>
        )}
        <div className="dialog-actions">
          {view.nerveGlideOffered && (
            <button type="button" onClick={() => command({ command: 'start-nerve-glide' })}>
              Try the gentle nerve glide
            </button>
          )}
          <button type="button" className="primary" onClick={() => command({ command: 'skip' })}>
            End the session
          </button>
        </div>
      </ModalDialog>
    </>
  );
}
