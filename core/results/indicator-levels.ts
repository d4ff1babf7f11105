export { INDICATOR_LEVELS, type IndicatorLevel } from '../../db/schema/applications.ts';
