// The levels are the database's (db/schema/applications.ts); the web pages and the API take them from here.
export { INDICATOR_LEVELS, type IndicatorLevel } from '../../db/schema/applications.ts';
