import { data, useLoaderData } from 'react-router';
import { auditFilterInput, listAuditLog } from '../../core/audit/list-audit-log.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { zodFieldErrors } from '../ui/field-errors.ts';
import { TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/admin-audit';
import { PageHeading } from '../ui/page-heading.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { AuditEntryRow } from '../audit/audit-entry-row.tsx';

const fields = ['actor', 'action', 'recordType', 'recordId', 'from', 'to'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'audit:read');
    const url = new URL(request.url);
    const raw = Object.fromEntries(fields.map((f) => [f, url.searchParams.get(f) ?? '']));
    const parsed = auditFilterInput.safeParse({ ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '')), before: url.searchParams.get('before') ?? undefined });
    if (!parsed.success) return data({ raw, errors: zodFieldErrors(translatorFor(params.lang), parsed.error), page: null }, { status: 400 });
    const page = await listAuditLog(context.core, parsed.data);
    return { raw, errors: [], page: { next: page.next, items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })) } };
  });
}

export default function AdminAudit() {
  const { raw, errors, page } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('admin.audit.title')} />
      <p className="ds-paragraph">{t('admin.audit.intro')}</p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <form method="get" className="filter-form" aria-labelledby="audit-filter-title">
        <h2 id="audit-filter-title" className="ds-heading" data-size="xs">
          {t('admin.audit.filter')}
        </h2>
        <TextField name="actor" label={t('admin.audit.actor')} errors={errors} defaultValue={raw.actor} />
        <TextField name="action" label={t('admin.audit.action')} hint={t('admin.audit.actionHint')} errors={errors} defaultValue={raw.action} />
        <TextField name="recordType" label={t('admin.audit.recordType')} errors={errors} defaultValue={raw.recordType} />
        <TextField name="recordId" label={t('admin.audit.recordId')} errors={errors} defaultValue={raw.recordId} />
        <TextField name="from" type="date" label={t('admin.audit.from')} errors={errors} defaultValue={raw.from} />
        <TextField name="to" type="date" label={t('admin.audit.to')} errors={errors} defaultValue={raw.to} />
        <div className="filter-form__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('admin.audit.submit')}
          </button>
        </div>
      </form>
      {page ? (
        <DataTable className="audit-table" columns={[{ label: t('admin.audit.when') }, { label: t('admin.audit.actor') }, { label: t('admin.audit.action') }, { label: t('admin.audit.record') }, { label: t('admin.audit.changes') }]}>
          {page.items.map((e) => (
            <AuditEntryRow key={e.id} entry={e} showRecord />
          ))}
        </DataTable>
      ) : null}
      <NextPageLink filters={raw} cursorName="before" cursor={page?.next} />
    </>
  );
}
