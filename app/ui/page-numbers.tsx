/** Where pages are left out between two links: read by eyes only (a screen reader hears the numbers). */
const GAP = '\u2026';

/**
 * The pages of a numbered list as plain links (no JavaScript): previous, the first and last page, the
 * pages around the current one with gaps between, and next. The current page is marked `aria-current`;
 * `href(n)` makes each page's address (keeping the list's own parameters).
 */
export function PageNumbers({ page, pages, href, labels }: { page: number; pages: number; href: (page: number) => string; labels: { nav: string; previous: string; next: string; page: (n: number) => string; number: (n: number) => string } }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="page-numbers">
      <ul>
        {page > 1 && (
          <li>
            <a className="ds-link" href={href(page - 1)} rel="prev">
              {labels.previous}
            </a>
          </li>
        )}
        {pageWindow(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              {GAP}
            </li>
          ) : (
            <li key={n}>
              <a className="ds-link" href={href(n)} aria-label={labels.page(n)} aria-current={n === page ? 'page' : undefined}>
                {labels.number(n)}
              </a>
            </li>
          ),
        )}
        {page < pages && (
          <li>
            <a className="ds-link" href={href(page + 1)} rel="next">
              {labels.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The page numbers to link: the first, the last and two either side of `page`, with `null` where pages are left out. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of shown) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && n - last === 2) out.push(last + 1);
    else if (typeof last === 'number' && n - last > 2) out.push(null);
    out.push(n);
  }
  return out;
}
