import type { Children } from '@kitajs/html';

export const httpUrl = (value: string | undefined) => (value && /^https?:\/\/[^\s<>"]+$/i.test(value) ? value : undefined);
export const emailAddress = (value: string | undefined) => (value && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value) ? value : undefined);
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

export function Section({ id, title, children }: { id: string; title: string; children?: Children }): JSX.Element {
  return (
    <section aria-labelledby={id} class="directory-section">
      <h2 class="kern-heading-medium" id={id} safe>
        {title}
      </h2>
      {children}
    </section>
  );
}
