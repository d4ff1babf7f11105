import { useI18n } from '../ui/i18n-context.tsx';
import type { FundsUseLine } from './funds-use-lines.ts';

/** Beside a refusal for lack of money: the largest uses of the money that is gone, so the reader sees why. */
export function FundsUsedBy({ lines }: { lines: FundsUseLine[] }) {
  const { t } = useI18n();
  if (lines.length === 0) return null;
  return (
    <div className="funds-used-by">
      <p className="ds-paragraph" data-size="sm">
        {t('finance.usedBy.heading')}
      </p>
      <ul className="ds-list" data-size="sm">
        {lines.map((line, i) => (
          <li key={i}>
            {t('finance.usedBy.line', {
              label: line.label,
              amount: line.amount,
              by: line.postedBy,
              date: line.postedAt,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
