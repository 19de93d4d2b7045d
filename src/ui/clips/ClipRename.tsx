import { MAX_TITLE_CHARS } from '../../review/clipTypes';
import { InlineEdit, type InlineEditResult } from '../common/InlineEdit';

interface Props {
  readonly title: string;
  readonly onSave: (title: string) => Promise<InlineEditResult>;
  readonly testId?: string;
}

/** The "Rename" control of a clip, the same in the Clips list and on its review. */
export function ClipRename({ title, onSave, testId }: Props) {
  return (
    <InlineEdit
      value={title}
      label="Clip name"
      editLabel="Rename"
      subject={`the clip “${title}”`}
      maxLength={MAX_TITLE_CHARS}
      showValue={false}
      onSave={onSave}
      testId={testId}
    />
  );
}
