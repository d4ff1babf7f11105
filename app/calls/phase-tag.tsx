import type { CallPhase } from '../../core/calls/call-window.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { phaseColour, phaseMessage } from './call-labels.ts';

/** Where a call stands (open, upcoming, closed), as a coloured tag; the word carries the meaning, not the colour. */
export function PhaseTag({ phase }: { phase: CallPhase }) {
  const { t } = useI18n();
  return (
    <span className="ds-tag" data-color={phaseColour[phase]}>
      {t(phaseMessage[phase])}
    </span>
  );
}
