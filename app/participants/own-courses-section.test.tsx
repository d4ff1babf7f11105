import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../ui/i18n-context.tsx';
import { OwnCoursesSection, type OwnCourses } from './own-courses-section.tsx';

const courses: OwnCourses = [
  {
    id: 'c1',
    kind: 'preparatory',
    title: 'Preparatory course, Førde',
    place: 'Førde',
    startsOn: '2027-01-11',
    endsOn: '2027-01-27',
    sessions: [
      { id: 's1', day: '2027-01-11', startTime: '09:00', endTime: '15:00', place: 'Førde', attended: true },
      { id: 's2', day: '2027-01-13', startTime: '09:00', endTime: '15:00', place: 'Førde', attended: null },
    ],
    attendedAll: false,
  },
];

describe('the participant’s own courses', () => {
  it('lists each course with its sessions and marks, in the page’s language', () => {
    const html = renderToStaticMarkup(
      <I18nProvider locale="nn">
        <OwnCoursesSection courses={courses} />
      </I18nProvider>,
    );
    expect(html).toContain('Kursa dine');
    expect(html).toContain('Preparatory course, Førde (Førebuingskurs)');
    expect(html).toContain('09:00–15:00, Førde: til stades');
    expect(html).toContain('Ikkje alle øktene');
  });

  it('says so when there is none', () => {
    const html = renderToStaticMarkup(
      <I18nProvider locale="es">
        <OwnCoursesSection courses={[]} />
      </I18nProvider>,
    );
    expect(html).toContain('Todavía no está inscrito');
  });
});
