import { describe, expect, test } from 'vitest';
import { staticStringValue } from '../../src/diagrams/extract.ts';

describe('staticStringValue', () => {
	test('cooks the escapes of string and template literals', () => {
		expect(staticStringValue('`a\\nb \\`c\\` \\u0041`')).toBe('a\nb `c` A');
		expect(staticStringValue("'it\\'s'")).toBe("it's");
		expect(staticStringValue('"x"')).toBe('x');
	});

	test('rejects substitutions, unterminated and non-literal expressions', () => {
		expect(staticStringValue('`a ${b}`')).toBeUndefined();
		expect(staticStringValue('`abc')).toBeUndefined();
		expect(staticStringValue('graph')).toBeUndefined();
		expect(staticStringValue('"a" + "b"')).toBeUndefined();
	});
});
