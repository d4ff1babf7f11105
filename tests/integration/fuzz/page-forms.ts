/** A form as the page renders it: where it posts, its fields with the values the page offers, its buttons. */
export interface PageForm {
  action: string;
  multipart: boolean;
  fields: Map<string, string[]>;
  buttons: { name: string; value: string }[];
}

const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The POST forms of one of our own pages, read from its HTML: React's output is regular enough for
 * patterns. Fields are read inside each form; buttons elsewhere that name a form (`form="…"`) are not used.
 */
export function postForms(html: string, pageUrl: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, attrs = '', body = ''] = match;
    if ((attribute(attrs, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const fields = new Map<string, string[]>();
    const offer = (name: string | undefined, value: string | undefined) => {
      if (!name) return;
      const list = fields.get(name) ?? [];
      if (value !== undefined) list.push(unescape(value));
      fields.set(name, list);
    };
    const buttons: PageForm['buttons'] = [];
    for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
      const type = attribute(tag, 'type') ?? 'text';
      if (type === 'submit') buttons.push({ name: attribute(tag, 'name') ?? '', value: unescape(attribute(tag, 'value') ?? '') });
      else offer(attribute(tag, 'name'), attribute(tag, 'value'));
    }
    for (const [tag] of body.matchAll(/<button\b[^>]*>/g)) {
      if ((attribute(tag, 'type') ?? 'submit') === 'submit') buttons.push({ name: attribute(tag, 'name') ?? '', value: unescape(attribute(tag, 'value') ?? '') });
    }
    for (const [, tag = '', options = ''] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attribute(tag, 'name');
      offer(name, undefined);
      for (const [option] of options.matchAll(/<option\b[^>]*>/g)) offer(name, attribute(option, 'value'));
    }
    for (const [, tag = '', text = ''] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) offer(attribute(tag, 'name'), text);
    const action = unescape(attribute(attrs, 'action') ?? pageUrl);
    forms.push({ action: new URL(action, `http://localhost${pageUrl}`).pathname + new URL(action, `http://localhost${pageUrl}`).search, multipart: attribute(attrs, 'enctype') === 'multipart/form-data', fields, buttons });
  }
  return forms;
}
