import { describe, expect, test } from 'vitest';
import { countScripts, detectLanguage } from '../../src/notes/language.ts';

const languageOf = (...texts: string[]) => detectLanguage(texts.map(countScripts));

describe('countScripts', () => {
	test('counts Han, kana and Hangul characters, and words in Latin letters', () => {
		expect(countScripts('条件概率 P(A|B) is read “A given B”. ひらがなカタカナ한국어 café')).toEqual({ han: 4, kana: 8, hangul: 3, latinWords: 9 });
	});
});

describe('detectLanguage', () => {
	test('Chinese notes, code and English terms included, are Chinese', () => {
		expect(languageOf('# 条件概率\n\n已知事件B发生时事件A发生的概率，称为条件概率。', '```python\ndef bayes(prior, likelihood):\n    return prior * likelihood\n```\n')).toBe('zh');
	});

	test('Japanese writes kana between its kanji; Korean writes Hangul', () => {
		expect(languageOf('条件付き確率は、事象Bが起きたときに事象Aが起きる確率です。')).toBe('ja');
		expect(languageOf('조건부 확률은 사건 B가 일어났을 때 사건 A가 일어날 확률이다.')).toBe('ko');
	});

	test('English notes with a few Chinese words stay English; no notes, English', () => {
		expect(languageOf('The conditional probability (条件概率) of A given B is written P(A|B).')).toBe('en');
		expect(languageOf()).toBe('en');
	});
});
