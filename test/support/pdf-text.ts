import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of every page of a PDF as a reader extracts it (Mozilla's pdf.js): one line per text
 * item, right-to-left runs turned back into logical order the way pdf.js does for copy and search.
 */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .filter(Boolean)
        .join('\n'),
    );
  }
  await doc.destroy();
  return pages;
}

/** The text items of a PDF's first page with where they start (x, in PDF points from the left edge). */
export async function pdfTextPositions(bytes: Uint8Array): Promise<{ text: string; x: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  const items = content.items.flatMap((item) => ('str' in item && item.str ? [{ text: item.str, x: item.transform[4] as number }] : []));
  await doc.destroy();
  return items;
}
