import { MODEL_SETTING_CHOICES } from '../../engine/modelChoices';
import type { ModelSetting } from '../../session';

/** The pose model menu: Automatic, then each model. The caller gives it its label. */
export function ModelSelect({
  id,
  value,
  onChange,
}: {
  readonly id?: string;
  readonly value: ModelSetting;
  readonly onChange: (model: ModelSetting) => void;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => {
        const model = MODEL_SETTING_CHOICES.find((m) => m.id === e.currentTarget.value)?.id;
        if (model !== undefined) onChange(model);
      }}
    >
      {MODEL_SETTING_CHOICES.map((m) => (
        <option key={m.id} value={m.id}>
          {m.label}
        </option>
      ))}
    </select>
  );
}
