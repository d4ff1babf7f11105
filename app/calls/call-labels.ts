import type { CallPhase } from '../../core/calls/call-window.ts';
import type { CallStage } from '../../core/calls/call-stages.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';

/** The message naming each stage a call can fund (docs/architecture.md#agreement-chain). */
export const stageMessage: Record<CallStage, MessageKey> = {
  feasibility: 'calls.stage.feasibility',
  agreement: 'calls.stage.agreement',
  round: 'calls.stage.round',
};

export const phaseMessage: Record<CallPhase, MessageKey> = {
  open: 'calls.phase.open',
  upcoming: 'calls.phase.upcoming',
  closed: 'calls.phase.closed',
};

/** The design system's colour for each phase's tag. */
export const phaseColour: Record<CallPhase, string> = { open: 'success', upcoming: 'info', closed: 'neutral' };
