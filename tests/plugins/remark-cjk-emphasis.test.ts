import { describe, expect, test } from 'vitest';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { renderNote } from '../support/render.ts';

const render = async (source: string) => (await renderNote(source)).trim();

describe('remark-cjk-emphasis', () => {
	test.each([
		['关键字**`friend`**。', '<p>关键字<strong><code>friend</code></strong>。</p>'],
		['中文**（括号）**中文', '<p>中文<strong>（括号）</strong>中文</p>'],
		['**加粗：**后文', '<p><strong>加粗：</strong>后文</p>'],
		['这是*“引号”*内容', '<p>这是<em>“引号”</em>内容</p>'],
		['***重点（一）***之后', '<p><em><strong>重点（一）</strong></em>之后</p>'],
		['**「かっこ」**の中', '<p><strong>「かっこ」</strong>の中</p>'],
		['**스크립트(script)**는', '<p><strong>스크립트(script)</strong>는</p>'],
	])('%s is emphasis, where CommonMark leaves the delimiters as text', async (source, html) => {
		expect(await render(source)).toBe(html);
	});

	test.each([
		['这是**重要的**内容', '<p>这是<strong>重要的</strong>内容</p>'],
		['**加粗**：后文', '<p><strong>加粗</strong>：后文</p>'],
		['“**引号**”', '<p>“<strong>引号</strong>”</p>'],
	])('%s stays the emphasis CommonMark already made', async (source, html) => {
		expect(await render(source)).toBe(html);
	});

	test('runs CommonMark paired wrongly are paired again', async () => {
		// CommonMark pairs the second `**` with the third: `中文**（括号）<strong>中文 … 中</strong>（x）**`.
		expect(await render('中文**（括号）**中文 `a**b**` 中**（x）**')).toBe('<p>中文<strong>（括号）</strong>中文 <code>a**b**</code> 中<strong>（x）</strong></p>');
	});

	test('in links, headings and table cells', async () => {
		expect(await render('[中文**（括号）**中文](https://example.com/)')).toBe('<p><a href="https://example.com/">中文<strong>（括号）</strong>中文</a></p>');
		expect(await render('### **乘法公式：**由定义得到')).toContain('<strong>乘法公式：</strong>由定义得到</h3>');
		expect(await render('| 术语 |\n|---|\n| 概率的**（上限）**，通常取0.05 |')).toContain('<td>概率的<strong>（上限）</strong>，通常取0.05</td>');
	});

	test('escaped delimiters and character references stay text, and code keeps its stars', async () => {
		expect(await render('中文\\*\\*（括号）\\*\\*中文')).toBe('<p>中文**（括号）**中文</p>');
		expect(await render('中文&ast;&ast;（括号）**中文')).toBe('<p>中文**（括号）**中文</p>');
		expect(await render('`中文**（括号）**中文`')).toBe('<p><code>中文**（括号）**中文</code></p>');
	});

	test('`_` keeps out of words, as in the CJK-friendly rules; text without CJK beside its delimiters is as CommonMark reads it', async () => {
		expect(await render('这是__重要__内容')).toBe('<p>这是__重要__内容</p>');
		expect(await render('**"quoted"**word and 中文')).toBe('<p>**“quoted”**word and 中文</p>');
	});

	test("the catalogue's heading text is the page's: the table of contents shows no `**`", () => {
		expect(readNoteContents('# 条件概率\n\n## **乘法公式：**由定义得到\n', 'md', { liftTitle: true }).headings).toMatchObject([{ text: '乘法公式：由定义得到' }]);
	});
});
