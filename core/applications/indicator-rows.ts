/** How many indicator rows a goal's form offers (and a goal may have). */
export const INDICATOR_ROWS = 3;
