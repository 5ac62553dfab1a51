import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './hsds.json-position.js';

describe('jsonErrorOffset', () => {
  it('finds the first wrong character where V8 names none', () => {
    const text = '{\n  "services": [\n    { "id": }\n  ]\n}';
    expect(() => JSON.parse(text)).toThrow();
    expect(text[jsonErrorOffset(text)!]).toBe('}');
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": "x\\q"}')).toBe(8);
    expect(jsonErrorOffset('[1, 2] 3')).toBe(7);
    expect(jsonErrorOffset('{"a": "offen')).toBe(12);
  });

  it('finds nothing in valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e4\\n"]} ', '"x"', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text), text).toBeUndefined();
    }
  });
});
