import { describe, expect, it } from 'vitest';
import { isSafeHref, markdownToText, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, lists and bold text', () => {
    const html = renderMarkdown('## Kontakt\n\nRufen Sie **gern** an.\n\n### Zeiten\n\n- Montag\n- Dienstag');
    expect(html).toBe(
      [
        '<h2 class="kern-heading-medium">Kontakt</h2>',
        '<p class="kern-body">Rufen Sie <strong>gern</strong> an.</p>',
        '<h3 class="kern-heading-small">Zeiten</h3>',
        '<ul class="kern-list kern-list--bullet"><li>Montag</li><li>Dienstag</li></ul>',
      ].join('\n'),
    );
  });

  it('keeps single line breaks, one statement per line as Leichte Sprache needs', () => {
    expect(renderMarkdown('Das ist der erste Satz.\nDas ist der zweite Satz.')).toBe(
      '<p class="kern-body">Das ist der erste Satz.<br>\nDas ist der zweite Satz.</p>',
    );
  });

  it('continues a list item on an indented line and ends the list at an empty line', () => {
    expect(renderMarkdown('- eins\n  weiter\n\nText')).toBe(
      '<ul class="kern-list kern-list--bullet"><li>eins<br>\nweiter</li></ul>\n<p class="kern-body">Text</p>',
    );
  });

  it('renders links to the web, mail, phone and local paths', () => {
    const html = renderMarkdown('[Web](https://example.org/a?b=1&c=2) [Mail](mailto:info@example.org) [Telefon](tel:+492381000000) [Melden](/barriere-melden)');
    expect(html).toContain('<a class="kern-link" href="https://example.org/a?b=1&amp;c=2">Web</a>');
    expect(html).toContain('<a class="kern-link" href="mailto:info@example.org">Mail</a>');
    expect(html).toContain('<a class="kern-link" href="tel:+492381000000">Telefon</a>');
    expect(html).toContain('<a class="kern-link" href="/barriere-melden">Melden</a>');
  });

  it('marks placeholders in German and English, also inside lists and bold text', () => {
    expect(renderMarkdown('Leitung: [Platzhalter: Name der verantwortlichen Stelle]')).toBe(
      '<p class="kern-body">Leitung: <mark class="placeholder">Platzhalter: Name der verantwortlichen Stelle</mark></p>',
    );
    expect(renderMarkdown('- **VAT:** [Placeholder: VAT ID]')).toBe(
      '<ul class="kern-list kern-list--bullet"><li><strong>VAT:</strong> <mark class="placeholder">Placeholder: VAT ID</mark></li></ul>',
    );
  });

  it('leaves other square brackets and unclosed markup as text', () => {
    expect(renderMarkdown('[Hinweis] und **offen und [halb](')).toBe('<p class="kern-body">[Hinweis] und **offen und [halb](</p>');
    expect(renderMarkdown('\\# Keine Überschrift')).toBe('<p class="kern-body"># Keine Überschrift</p>');
  });

  it('keeps the page outline: "#" becomes a second-level heading, deeper ones third-level', () => {
    expect(renderMarkdown('# Eine Raute')).toBe('<h2 class="kern-heading-medium">Eine Raute</h2>');
    expect(renderMarkdown('#### Vier')).toBe('<h3 class="kern-heading-small">Vier</h3>');
  });

  describe('refuses to let content run code or break out of its element', () => {
    it('escapes script tags and other HTML in text, headings and list items', () => {
      const html = renderMarkdown('<script>alert(1)</script>\n\n## <img src=x onerror=alert(1)>\n\n- <b>fett</b>');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });

    it('drops javascript:, data:, protocol-relative and other unsafe link targets but keeps the words', () => {
      for (const target of [
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        ' javascript:alert(1)',
        'data:text/html;base64,PHNjcmlwdD4=',
        '//evil.example/x',
        '/\\evil.example',
        'vbscript:x',
        'ftp://example.org',
        'java\tscript:alert(1)',
      ]) {
        const html = renderMarkdown(`[Klick](${target})`);
        expect(html, target).not.toContain('<a');
        expect(html, target).toContain('Klick');
      }
    });

    it('cannot inject attributes through a link target or link text', () => {
      const html = renderMarkdown('[x" onmouseover="alert(1)](https://example.org/" onmouseover="alert(1))');
      expect(html).not.toMatch(/<a [^>]*onmouseover/);
      expect(html).not.toContain('"alert(1)"');
      const quoted = renderMarkdown(`[a](https://example.org/?q='x')`);
      expect(quoted).not.toContain('<a');
      const encoded = renderMarkdown('[a](https://example.org/?q=%22onclick%3D)');
      expect(encoded).toBe('<p class="kern-body"><a class="kern-link" href="https://example.org/?q=%22onclick%3D">a</a></p>');
    });

    it('escapes markup inside placeholders and bold text', () => {
      expect(renderMarkdown('[Platzhalter: <script>x</script>] **<i>y</i>**')).toBe(
        '<p class="kern-body"><mark class="placeholder">Platzhalter: &lt;script&gt;x&lt;/script&gt;</mark> <strong>&lt;i&gt;y&lt;/i&gt;</strong></p>',
      );
    });

    it('stays fast on hostile input', () => {
      const started = performance.now();
      renderMarkdown('['.repeat(50_000));
      renderMarkdown('**['.repeat(16_000));
      renderMarkdown(`[a](${'('.repeat(49_000)}`);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });
});

describe('isSafeHref', () => {
  it('allows only http(s), mailto:, tel: and local paths', () => {
    expect(isSafeHref('https://example.org')).toBe(true);
    expect(isSafeHref('/datenschutz')).toBe(true);
    expect(isSafeHref('mailto:a@example.org')).toBe(true);
    expect(isSafeHref('tel:+49 2381')).toBe(false);
    expect(isSafeHref('http://')).toBe(false);
    expect(isSafeHref('datenschutz')).toBe(false);
  });
});

describe('markdownToText', () => {
  it('gives the words without markup', () => {
    expect(markdownToText('## Titel\n\nEin **fetter** [Link](https://example.org) und [Platzhalter: Name].\n\n- a,\n- b')).toBe(
      'Titel – Ein fetter Link und Platzhalter: Name. a, b',
    );
  });
});
