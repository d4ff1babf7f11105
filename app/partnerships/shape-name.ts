import type { MessageKey } from '../../i18n/catalogs.ts';

/** The message naming each partnership shape (the home page explains them with the same words). */
export const shapeMessage: Record<'north_south' | 'south_south' | 'triangular', MessageKey> = {
  north_south: 'home.shapes.northSouth.title',
  south_south: 'home.shapes.southSouth.title',
  triangular: 'home.shapes.triangular.title',
};
