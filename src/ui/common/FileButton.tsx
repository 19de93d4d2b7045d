import { useId } from 'react';

/**
 * A file chooser that looks like a button: the label is what takes focus and clicks, the input
 * stays for keyboard and screen readers. The input is cleared after each choice, so choosing the
 * same file again (after fixing it, say) still reports it.
 */
export function FileButton({
  label,
  accept,
  onFile,
  secondary = false,
  testId,
}: {
  readonly label: string;
  readonly accept: string;
  readonly onFile: (file: File) => void;
  readonly secondary?: boolean;
  readonly testId?: string;
}) {
  const id = useId();
  return (
    <label className={secondary ? 'file-button secondary' : 'file-button'} htmlFor={id}>
      {label}
      <input
        id={id}
        type="file"
        accept={accept}
        className="visually-hidden"
        data-testid={testId}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file !== undefined) onFile(file);
        }}
      />
    </label>
  );
}
