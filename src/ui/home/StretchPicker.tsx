import { STRETCH_CHOICES } from '../../engine/appEngine';

interface Props {
  readonly selected: readonly string[];
  readonly onChange: (ids: readonly string[]) => void;
}

/** Which stretches to do, in the routine's order; "all four" is one click. */
export function StretchPicker({ selected, onChange }: Props) {
  const allIds = STRETCH_CHOICES.map((s) => s.id);
  const toggle = (id: string): void => {
    const next = selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
    onChange(allIds.filter((s) => next.includes(s)));
  };
  return (
    <fieldset className="picker">
      <legend>What to stretch</legend>
      <button type="button" onClick={() => onChange(allIds)}>
        Whole routine (all four, both legs)
      </button>
      <ul className="stretch-list">
        {STRETCH_CHOICES.map((stretch) => (
          <li key={stretch.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(stretch.id)}
                onChange={() => toggle(stretch.id)}
              />{' '}
              <strong>{stretch.name[0]?.toUpperCase() + stretch.name.slice(1)}</strong>
              <span className="stretch-detail">
                {stretch.kind === 'hold'
                  ? `${stretch.dose.reps} holds${stretch.legs === 'each-leg' ? ' per leg' : ''}`
                  : `${stretch.dose.sets} sets of ${stretch.dose.repsPerSet} per leg`}{' '}
                · {stretch.camera.placement}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
