import { readFile } from 'node:fs/promises';
import bidiModule, { type Bidi } from 'bidi-js';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';

/**
 * Text for PDFs in any script the portal's families write their names in: a Unicode font from
 * assets/fonts (subset on embedding) and the Unicode bidi algorithm for right-to-left runs.
 *
 * pdf-lib draws glyphs left to right as fontkit lays them out. fontkit shapes Arabic (contextual
 * forms, lam-alef) and reverses a string by itself when its first strong script is right-to-left,
 * but knows nothing of mixed lines. So a line is cut into runs (one bidi level, one script class),
 * the runs are put in visual order (rule L2), and each run is handed over so that fontkit's own
 * reversal yields the visual order: right-to-left script in logical order (shaping needs it).
 */

const fontDir = new URL('../../../assets/fonts/', import.meta.url);
let fontFiles: Promise<[Buffer, Buffer]> | undefined;

/** Regular and bold DejaVu Sans Condensed, subset to the glyphs used. */
export async function embedUnicodeFonts(pdf: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  fontFiles ??= Promise.all([readFile(new URL('DejaVuSansCondensed.ttf', fontDir)), readFile(new URL('DejaVuSansCondensed-Bold.ttf', fontDir))]);
  const [regular, bold] = await fontFiles;
  pdf.registerFontkit((await import('@pdf-lib/fontkit')).default); // loaded with the first PDF, as pdf-lib is
  return { regular: await pdf.embedFont(regular, { subset: true }), bold: await pdf.embedFont(bold, { subset: true }) };
}

// bidi-js is CommonJS (module.exports is the factory) while its typings describe an ES default export.
const bidi = (bidiModule as unknown as () => Bidi)();
// Scripts fontkit lays out right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, …, presentation forms).
const rtlScript = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const strong = /[\p{L}\p{N}]/u;

interface Run {
  level: number;
  /** Logical order, mirrored characters (brackets) already swapped where the level is odd. */
  text: string;
  rtlScript: boolean;
}

const reversed = (text: string) => [...text].reverse().join('');

/** The pieces of one line in visual order (left to right), each as pdf-lib must be given it. */
export function visualRuns(line: string): string[] {
  const text = line.replace(/[\r\n\t]+/g, ' ');
  if (!text) return [];
  const { levels } = bidi.getEmbeddingLevels(text, 'auto');
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const runs: Run[] = [];
  let current: (Run & { strong: boolean }) | undefined;
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    const level = levels[i] as number;
    const isRtl = rtlScript.test(ch);
    const isStrong = isRtl || strong.test(ch);
    const fits = current && current.level === level && (!isStrong || !current.strong || current.rtlScript === isRtl);
    if (!fits) {
      current = { level, text: '', rtlScript: isRtl, strong: isStrong };
      runs.push(current);
    } else if (isStrong && !current!.strong) {
      current!.strong = true;
      current!.rtlScript = isRtl;
    }
    current!.text += mirrored.get(i) ?? ch;
    i += ch.length;
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above.
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < runs.length;) {
      if ((runs[start] as Run).level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < runs.length && (runs[end + 1] as Run).level >= level) end++;
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
      start = end + 1;
    }
  }
  return runs.map((run) => {
    const visual = run.level % 2 === 1 ? reversed(run.text) : run.text;
    return run.rtlScript ? reversed(visual) : visual;
  });
}

/** Width of a line as drawn by `drawLine`. */
export function lineWidth(line: string, font: PDFFont, size: number): number {
  return visualRuns(line).reduce((sum, run) => sum + font.widthOfTextAtSize(run, size), 0);
}

/** Draws one line (any script, mixed directions) starting at x. */
export function drawLine(page: PDFPage, line: string, options: { x: number; y: number; size: number; font: PDFFont }): void {
  let x = options.x;
  for (const run of visualRuns(line)) {
    page.drawText(run, { ...options, x });
    x += options.font.widthOfTextAtSize(run, options.size);
  }
}
