import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvLine } from './csv.js';

describe('CSV cells for German spreadsheets', () => {
  it('quotes only where the format needs it, doubling inner quotes', () => {
    expect(csvCell('Elterncafé')).toBe('Elterncafé');
    expect(csvCell('Beratung; Hilfe')).toBe('"Beratung; Hilfe"');
    expect(csvCell('mit "Spaß"')).toBe('"mit ""Spaß"""');
    expect(csvCell('zwei\nZeilen')).toBe('"zwei\nZeilen"');
    expect(csvCell(' Leerzeichen ')).toBe('" Leerzeichen "');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0)).toBe('0');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe('"\'=HYPERLINK(""http://evil.example"")"');
    expect(csvCell('+49 2381 1234')).toBe("'+49 2381 1234");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tTab')).toBe("'\tTab");
    expect(csvCell('E-Mail: a=b')).toBe('E-Mail: a=b');
  });

  it('joins cells with semicolons and ends lines with CRLF', () => {
    expect(csvLine(['a', 'b;c', 3])).toBe('a;"b;c";3\r\n');
  });
});

describe('csvDocument', () => {
  it('opens with a BOM, defuses a carriage return at the start, and ends every row with CRLF', () => {
    expect(csvDocument([['Titel'], ['\r=1+1']])).toBe('\uFEFFTitel\r\n"\'\r=1+1"\r\n');
  });
});
