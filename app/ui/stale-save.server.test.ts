import { describe, expect, it, vi } from 'vitest';
import { DomainError, NotFoundError } from '../../core/errors.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { staleSave } from './stale-save.server.ts';

const t = createTranslator('fr');
const fr = catalogs.fr;
const typed = { legalName: 'Bergen Kystsjukehus', website: 'https://kystsjukehus.example.no', version: '2026-11-28T09:00:00.000Z' };
const current = '2026-11-28T09:05:00.000Z';

describe('a save refused because someone else saved first', () => {
  it('answers 409 with what was typed, the one stale message and the current version', async () => {
    const currentVersion = vi.fn(async () => current);
    const answer = await staleSave(t, new DomainError('staleEdit', { status: 409 }), typed, currentVersion, 'legalName');
    expect(answer?.init?.status).toBe(409);
    expect(answer?.data).toEqual({
      errors: [{ field: 'legalName', message: fr['error.staleEdit'] }],
      values: { ...typed, version: current },
      version: current,
    });
    expect(currentVersion).toHaveBeenCalledTimes(1);
  });

  it('puts the message on the field the refusal names, else on the form', async () => {
    const named = await staleSave(t, new DomainError('staleEdit', { status: 409, field: 'title' }), { title: 'Ny tittel' }, async () => current, 'legalName');
    expect(named?.data.errors).toEqual([{ field: 'title', message: fr['error.staleEdit'] }]);
    const unnamed = await staleSave(t, new DomainError('staleEdit', { status: 409 }), { title: 'Ny tittel' }, async () => current);
    expect(unnamed?.data.errors).toEqual([{ field: 'form', message: fr['error.staleEdit'] }]);
  });

  it('adds the version to values that had none, leaving the typed values as they are', async () => {
    const values = { name: 'Health', lengths: ['6', '12'] };
    const answer = await staleSave(t, new DomainError('staleEdit', { status: 409 }), values, async () => current, 'name');
    expect(answer?.data.values).toEqual({ name: 'Health', lengths: ['6', '12'], version: current });
    expect(values).toEqual({ name: 'Health', lengths: ['6', '12'] });
  });

  it.each([
    ['another conflict', new DomainError('programmeCodeTaken', { field: 'code', params: { code: 'HEALTH' }, status: 409 })],
    ['a refusal of a value', new DomainError('invalid', { field: 'name' })],
    ['a record not found', new NotFoundError('organisation')],
    ['anything else', new Error('boom')],
  ])('leaves %s to the caller, reading nothing', async (_, error) => {
    const currentVersion = vi.fn(async () => current);
    expect(await staleSave(t, error, typed, currentVersion)).toBeNull();
    expect(currentVersion).not.toHaveBeenCalled();
  });
});
