/**
 * The names (and ids) of a move form's fields: each move has its own form on the participant page, so
 * its fields and its errors have names of their own, and the error summary's links land on them.
 */
export const moveField = (to: string, field?: 'reason' | 'on') => (field ? `move-${to}-${field}` : `move-${to}`);
