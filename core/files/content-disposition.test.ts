import { describe, expect, it } from 'vitest';
import { attachmentDisposition, dispositionFileName } from './content-disposition.ts';

describe('attachmentDisposition', () => {
  it('gives a plain ASCII name as it is', () => {
    expect(attachmentDisposition('plan.pdf')).toBe('attachment; filename=plan.pdf');
    expect(attachmentDisposition('Emergency plan 2026.pdf')).toBe('attachment; filename="Emergency plan 2026.pdf"');
  });

  it('gives other letters exactly in filename*, with an ASCII fallback in filename', () => {
    expect(attachmentDisposition('Beredskapsplan Ås.pdf')).toBe(`attachment; filename="Beredskapsplan _s.pdf"; filename*=UTF-8''Beredskapsplan%20%C3%85s.pdf`);
    expect(attachmentDisposition('Plan d’urgence €.pdf')).toBe(`attachment; filename="Plan d_urgence _.pdf"; filename*=UTF-8''Plan%20d%E2%80%99urgence%20%E2%82%AC.pdf`);
    expect(attachmentDisposition('योजना.pdf')).toBe(`attachment; filename=_____.pdf; filename*=UTF-8''%E0%A4%AF%E0%A5%8B%E0%A4%9C%E0%A4%A8%E0%A4%BE.pdf`);
  });

  it('quotes quotes and semicolons, and sends "%" exactly rather than as an escape', () => {
    expect(attachmentDisposition('plan "final"; v2.pdf')).toBe('attachment; filename="plan \\"final\\"; v2.pdf"');
    expect(attachmentDisposition('50%20off.pdf')).toBe(`attachment; filename=50_20off.pdf; filename*=UTF-8''50%2520off.pdf`);
  });

  it('never lets a path separator or a control character into the header', () => {
    expect(attachmentDisposition('../../etc/passwd.pdf')).toBe('attachment; filename=.._.._etc_passwd.pdf');
    expect(attachmentDisposition('C:\\Users\\plan.pdf')).toBe('attachment; filename="C:_Users_plan.pdf"');
    const header = attachmentDisposition('plan\r\nSet-Cookie: x=1\u0000\u007f\u0085.pdf');
    expect(header).toBe('attachment; filename="plan__Set-Cookie: x=1___.pdf"');
    expect(header).not.toMatch(/\p{Cc}/u);
    expect(attachmentDisposition('lone \ud800.pdf')).toBe(`attachment; filename="lone _.pdf"; filename*=UTF-8''lone%20%EF%BF%BD.pdf`);
  });

  it('is read back as the same name', () => {
    for (const name of ['plan.pdf', 'Beredskapsplan Ås.pdf', 'plan "final"; v2.pdf', '50%20off.pdf', 'Søknad ñ 中文 😀.pdf', "it's (1) [a]*.pdf"]) {
      expect(dispositionFileName(attachmentDisposition(name)), name).toBe(name);
    }
  });
});

describe('dispositionFileName', () => {
  it('reads filename, quoted or not, with escapes', () => {
    expect(dispositionFileName('attachment; filename="plan.pdf"')).toBe('plan.pdf');
    expect(dispositionFileName('attachment; filename=letter.pdf')).toBe('letter.pdf');
    expect(dispositionFileName('attachment; filename="plan \\"final\\"; v2.pdf"')).toBe('plan "final"; v2.pdf');
    expect(dispositionFileName('ATTACHMENT ; FILENAME = "x.pdf" ; size=3')).toBe('x.pdf');
  });

  it('prefers filename* (UTF-8 or ISO-8859-1) whatever the order', () => {
    expect(dispositionFileName(`attachment; filename*=UTF-8''Beredskapsplan%20%C3%85s.pdf`)).toBe('Beredskapsplan Ås.pdf');
    expect(dispositionFileName(`attachment; filename="fallback.pdf"; filename*=iso-8859-1'nb'S%F8knad.pdf`)).toBe('Søknad.pdf');
    expect(dispositionFileName(`attachment; filename*=utf-8'en'%C3%85s.pdf; filename="fallback.pdf"`)).toBe('Ås.pdf');
  });

  it('falls back to filename when filename* cannot be decoded, and is undefined when nothing can be', () => {
    expect(dispositionFileName(`attachment; filename="fallback.pdf"; filename*=UTF-8''%E0%A4`)).toBe('fallback.pdf');
    expect(dispositionFileName(`attachment; filename*=UTF-8''%E0%A4`)).toBeUndefined();
    expect(dispositionFileName(`attachment; filename*=koi8-r''%C1.pdf`)).toBeUndefined();
  });

  it('gives path separators and control characters as sent: the caller decides what it stores', () => {
    expect(dispositionFileName('attachment; filename="../../etc/passwd.pdf"')).toBe('../../etc/passwd.pdf');
    expect(dispositionFileName(`attachment; filename*=UTF-8''..%2F..%2Fsecret%0A.pdf`)).toBe('../../secret\n.pdf');
    expect(dispositionFileName('attachment; filename="C:\\\\Users\\\\plan.pdf"')).toBe('C:\\Users\\plan.pdf');
  });

  it('is empty without a header or a name', () => {
    expect(dispositionFileName(undefined)).toBe('');
    expect(dispositionFileName('')).toBe('');
    expect(dispositionFileName('attachment')).toBe('');
    expect(dispositionFileName('inline; size=10')).toBe('');
  });
});
