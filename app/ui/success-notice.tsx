/** A confirmation after an action, announced to screen readers (role=status). Renders nothing without text. */
export function SuccessNotice({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <div className="ds-alert" data-color="success" role="status">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}
