/**
 * The language the notes are written in, read off their characters: Chinese, Japanese and Korean
 * are written without spaces between words, so search must know them to find a word at all.
 */

/** How many characters of each script a text holds. */
export interface ScriptCounts {
	han: number;
	/** Hiragana and katakana (only Japanese writes them). */
	kana: number;
	hangul: number;
	/** Words in Latin letters (a Han character stands for about a word). */
	latinWords: number;
}

const isLatinLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
const isHan = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
const isKana = (code: number) => (code >= 0x3041 && code <= 0x30ff && code !== 0x30fb) || (code >= 0x31f0 && code <= 0x31ff) || (code >= 0xff66 && code <= 0xff9d);
const isHangul = (code: number) => (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3131 && code <= 0x318e);

/** Counts a text's characters by script, in one pass over its UTF-16 code units. */
export function countScripts(text: string): ScriptCounts {
	const counts: ScriptCounts = { han: 0, kana: 0, hangul: 0, latinWords: 0 };
	let inWord = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		const latin = isLatinLetter(code);
		if (latin && !inWord) counts.latinWords++;
		inWord = latin;
		if (latin || code < 0x1100) continue;
		if (isHan(code)) counts.han++;
		else if (isKana(code)) counts.kana++;
		else if (isHangul(code)) counts.hangul++;
	}
	return counts;
}

/**
 * The language of the notes, from their counts: Chinese, Japanese or Korean when their characters
 * outnumber the words in Latin letters (code included), else English. Japanese writes kana between
 * its kanji (a fifth of its characters or more), Korean writes Hangul; Chinese writes neither.
 */
export function detectLanguage(notes: Iterable<ScriptCounts>): string {
	const total: ScriptCounts = { han: 0, kana: 0, hangul: 0, latinWords: 0 };
	for (const counts of notes) {
		total.han += counts.han;
		total.kana += counts.kana;
		total.hangul += counts.hangul;
		total.latinWords += counts.latinWords;
	}
	const { han, kana, hangul, latinWords } = total;
	if (han + kana + hangul <= latinWords) return 'en';
	if (hangul > han + kana) return 'ko';
	return kana * 4 >= han ? 'ja' : 'zh';
}
