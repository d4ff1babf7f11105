import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { COURSE_KINDS } from '../../core/courses/course-rules.ts';
import { courseInput, createCourse } from '../../core/courses/create-course.ts';
import { getCourseOptions } from '../../core/courses/get-course-options.ts';
import { DomainError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { courseKindMessage } from '../participants/course-labels.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, mergeFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/course-new';

const fieldOrder = ['kind', 'title', 'owner', 'place', 'startsOn', 'endsOn', 'capacity', 'timeZone'] as const;
type Values = Partial<Record<(typeof fieldOrder)[number], string>>;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, () => getCourseOptions(context.core));
}

/** Defines the course and goes to its page, where sessions are added. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'course:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values: Values = Object.fromEntries(fieldOrder.map((f) => [f, String(form.get(f) ?? '')]));
    const [ownerKind, ownerId] = (values.owner ?? '').split(':');
    const parsed = courseInput.safeParse({
      ...values,
      programmeId: ownerKind === 'programme' ? ownerId : undefined,
      organisationId: ownerKind === 'organisation' ? ownerId : undefined,
      timeZone: values.timeZone || undefined,
    });
    if (!parsed.success) {
      const errors = zodFieldErrors(t, parsed.error, {}, (path) => (path[0] === 'programmeId' || path[0] === 'organisationId' ? 'owner' : String(path[0] ?? 'form')));
      return data({ errors: mergeFieldErrors(errors, fieldOrder), values }, { status: 400 });
    }
    try {
      const { id } = await createCourse(context.core, parsed.data);
      return redirect(`/${t.locale}/courses/${id}?done=created`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 403) throw error;
      return data({ errors: mergeFieldErrors(domainFieldErrors(t, error, 'owner'), fieldOrder), values }, { status: error.status });
    }
  });
}

export default function CourseNew() {
  const { programmes, organisations, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[]; values: Values }>();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values ?? {};
  const ownerError = errors.find((e) => e.field === 'owner')?.message;
  const defaultOwner = values.owner ?? (organisations.length === 1 && programmes.length === 0 ? `organisation:${organisations[0]!.id}` : undefined);
  return (
    <>
      <PageHeading title={t('courseNew.title')} />
      <p className="ds-paragraph">{t('courseNew.intro')}</p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <SelectField name="kind" label={t('courseNew.field.kind')} errors={errors} defaultValue={values.kind} options={COURSE_KINDS.map((k) => ({ value: k, label: t(courseKindMessage[k]) }))} />
        <TextField name="title" label={t('courseNew.field.title')} errors={errors} defaultValue={values.title} autoComplete="off" />
        <div className="ds-field">
          <label className="ds-label" htmlFor="owner">
            {t('courseNew.field.owner')}
          </label>
          <p id="owner-hint" className="ds-paragraph field-hint" data-size="sm">
            {t('courseNew.field.ownerHint')}
          </p>
          <select id="owner" name="owner" className="ds-input" defaultValue={defaultOwner} aria-invalid={ownerError ? true : undefined} aria-describedby={ownerError ? 'owner-hint owner-error' : 'owner-hint'}>
            {programmes.length > 0 ? (
              <optgroup label={t('courseNew.owner.programmes')}>
                {programmes.map((p) => (
                  <option key={p.id} value={`programme:${p.id}`}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {organisations.length > 0 ? (
              <optgroup label={t('courseNew.owner.organisations')}>
                {organisations.map((o) => (
                  <option key={o.id} value={`organisation:${o.id}`}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          {ownerError ? (
            <p id="owner-error" className="ds-validation-message" data-color="danger">
              {ownerError}
            </p>
          ) : null}
        </div>
        <TextField name="place" label={t('courseNew.field.place')} hint={t('courseNew.field.placeHint')} errors={errors} defaultValue={values.place} />
        <TextField name="startsOn" type="date" label={t('courseNew.field.startsOn')} errors={errors} defaultValue={values.startsOn} />
        <TextField name="endsOn" type="date" label={t('courseNew.field.endsOn')} hint={t('courseNew.field.endsOnHint')} errors={errors} defaultValue={values.endsOn} />
        <TextField name="capacity" label={t('courseNew.field.capacity')} errors={errors} defaultValue={values.capacity ?? '20'} />
        <SelectField
          name="timeZone"
          label={t('courseNew.field.timeZone')}
          hint={t('courseNew.field.timeZoneHint')}
          errors={errors}
          defaultValue={values.timeZone || 'Europe/Oslo'}
          options={timeZones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        />
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('courseNew.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
