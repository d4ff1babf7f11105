import { useLoaderData } from 'react-router';
import { requirePermission } from '../../core/identity/permissions.ts';
import { listProgrammes } from '../../core/programmes/list-programmes.ts';
import { listUnitCostTables } from '../../core/unit-costs/list-unit-cost-tables.ts';
import { guarded } from '../auth/guard.server.ts';
import { unitCostPaths } from '../unit-costs/unit-cost-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/admin-unit-costs';

/** Every programme with the years its unit-cost tables cover: where finance officers and advisers start. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'unit-cost:read');
    const { years } = await listUnitCostTables(context.core);
    const programmes = (await listProgrammes(context.core)).map((p) => ({
      id: p.id,
      name: p.name,
      published: years.filter((y) => y.programmeId === p.id && y.published).map((y) => y.year),
      drafts: years.filter((y) => y.programmeId === p.id && y.draft).map((y) => y.year),
    }));
    return { programmes };
  });
}

export default function AdminUnitCosts() {
  const { programmes } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <PageHeading title={t('unitCosts.index.title')} />
      <p className="ds-paragraph">{t('unitCosts.index.lead')}</p>
      <DataTable columns={[{ label: t('unitCosts.column.programme') }, { label: t('unitCosts.column.publishedYears') }, { label: t('unitCosts.column.drafts') }]}>
        {programmes.map((p) => {
          const paths = unitCostPaths(locale, p.id);
          return (
            <tr key={p.id}>
              <th scope="row">
                <a className="ds-link" href={paths.programme}>
                  {p.name}
                </a>
              </th>
              <td>
                {p.published.length === 0
                  ? t('unitCosts.index.none')
                  : p.published.map((year, i) => (
                      <span key={year}>
                        {i > 0 ? ', ' : null}
                        <a className="ds-link" href={paths.year(year)}>
                          {year}
                        </a>
                      </span>
                    ))}
              </td>
              <td>
                {p.drafts.length === 0
                  ? t('unitCosts.index.none')
                  : p.drafts.map((year, i) => (
                      <span key={year}>
                        {i > 0 ? ', ' : null}
                        <a className="ds-link" href={paths.draft(year)}>
                          {year}
                        </a>
                      </span>
                    ))}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
