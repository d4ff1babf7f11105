/** The page's one h1, which is also the document title (React 19 hoists <title> into <head>). */
export function PageHeading({ title, documentTitle }: { title: string; documentTitle?: string }) {
  return (
    <>
      <title>{documentTitle ?? title}</title>
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
    </>
  );
}
