/**
 * A QR code (ISO/IEC 18004) of a text, in byte mode, at the smallest version (1 to 40) that holds
 * it, error correction M, or L when M's largest does not hold it: the "move to another device"
 * link, drawn as an SVG in the page. Loaded only when the reader asks for the link.
 * `qrCodeModules` is the encoder (after Project Nayuki's reference design); `qrCodeSvg` draws it.
 */

/** The most bytes a code holds: version 40, level L. */
export const QR_CODE_CAPACITY = 2953;

interface Level {
	/** The level's two bits in the format information. */
	formatBits: number;
	/** By version (index 0 unused): error correction codewords per block, and blocks. */
	eccPerBlock: readonly number[];
	blocks: readonly number[];
}

const LEVEL_M: Level = {
	formatBits: 0,
	eccPerBlock: [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
	blocks: [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
};
const LEVEL_L: Level = {
	formatBits: 1,
	eccPerBlock: [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
	blocks: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
};

/** How many modules of a version carry data and error correction (all but the function patterns). */
function rawDataModules(version: number): number {
	let modules = (16 * version + 128) * version + 64;
	if (version >= 2) {
		const alignments = Math.floor(version / 7) + 2;
		modules -= (25 * alignments - 10) * alignments - 55;
		if (version >= 7) modules -= 36;
	}
	return modules;
}

const dataCodewords = (version: number, level: Level) => Math.floor(rawDataModules(version) / 8) - level.eccPerBlock[version]! * level.blocks[version]!;
/** The byte count's width in bits: 8 up to version 9, then 16. */
const countBits = (version: number) => (version <= 9 ? 8 : 16);

/** The smallest version and level that holds `length` bytes. */
function fit(length: number): { version: number; level: Level } | undefined {
	for (const level of [LEVEL_M, LEVEL_L]) {
		for (let version = 1; version <= 40; version++) {
			if (4 + countBits(version) + 8 * length <= dataCodewords(version, level) * 8) return { version, level };
		}
	}
	return undefined;
}

/** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1. */
function multiply(x: number, y: number): number {
	let product = 0;
	for (let bit = 7; bit >= 0; bit--) {
		product = (product << 1) ^ ((product >>> 7) * 0x11d);
		product ^= ((y >>> bit) & 1) * x;
	}
	return product;
}

/** The Reed-Solomon generator polynomial of a degree, highest coefficient (1) left out. */
function generator(degree: number): number[] {
	const coefficients = Array.from({ length: degree }, (_, index): number => (index === degree - 1 ? 1 : 0));
	let root = 1;
	for (let step = 0; step < degree; step++) {
		for (let index = 0; index < degree; index++) {
			coefficients[index] = multiply(coefficients[index]!, root);
			if (index + 1 < degree) coefficients[index]! ^= coefficients[index + 1]!;
		}
		root = multiply(root, 2);
	}
	return coefficients;
}

function errorCorrection(data: readonly number[], divisor: readonly number[]): number[] {
	const remainder = divisor.map(() => 0);
	for (const byte of data) {
		const factor = byte ^ remainder.shift()!;
		remainder.push(0);
		divisor.forEach((coefficient, index) => (remainder[index]! ^= multiply(coefficient, factor)));
	}
	return remainder;
}

/** The data codewords: mode, count, bytes, terminator and padding. */
function dataCodewordsOf(bytes: Uint8Array, version: number, level: Level): number[] {
	const bits: number[] = [];
	const append = (value: number, length: number) => {
		for (let bit = length - 1; bit >= 0; bit--) bits.push((value >>> bit) & 1);
	};
	append(0b0100, 4);
	append(bytes.length, countBits(version));
	for (const byte of bytes) append(byte, 8);
	const capacity = dataCodewords(version, level) * 8;
	append(0, Math.min(4, capacity - bits.length));
	append(0, (8 - (bits.length % 8)) % 8);
	for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) append(pad, 8);
	return Array.from({ length: bits.length / 8 }, (_, index) => bits.slice(index * 8, index * 8 + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
}

/** The codewords in the order they are placed: blocks, each with its error correction, interleaved. */
function interleaved(data: readonly number[], version: number, level: Level): number[] {
	const blockCount = level.blocks[version]!;
	const eccLength = level.eccPerBlock[version]!;
	const total = Math.floor(rawDataModules(version) / 8);
	const shortBlocks = blockCount - (total % blockCount);
	const shortLength = Math.floor(total / blockCount);
	const divisor = generator(eccLength);
	const blocks: number[][] = [];
	for (let index = 0, start = 0; index < blockCount; index++) {
		const blockData = data.slice(start, start + shortLength - eccLength + (index < shortBlocks ? 0 : 1));
		start += blockData.length;
		const ecc = errorCorrection(blockData, divisor);
		// A short block has one data codeword fewer: a gap, skipped when interleaving.
		if (index < shortBlocks) blockData.push(-1);
		blocks.push([...blockData, ...ecc]);
	}
	const order: number[] = [];
	for (let column = 0; column < blocks[0]!.length; column++) {
		for (const block of blocks) if (block[column] !== -1) order.push(block[column]!);
	}
	return order;
}

function alignmentPositions(version: number): number[] {
	if (version === 1) return [];
	const count = Math.floor(version / 7) + 2;
	const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
	const positions = [6];
	for (let position = version * 4 + 10; positions.length < count; position -= step) positions.splice(1, 0, position);
	return positions;
}

const MASKS: readonly ((x: number, y: number) => boolean)[] = [
	(x, y) => (x + y) % 2 === 0,
	(_, y) => y % 2 === 0,
	(x) => x % 3 === 0,
	(x, y) => (x + y) % 3 === 0,
	(x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
	(x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
	(x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
	(x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** A version's grid: function patterns drawn, the data modules to fill. */
class QrGrid {
	readonly version: number;
	readonly size: number;
	readonly dark: boolean[][];
	readonly reserved: boolean[][];

	constructor(version: number) {
		this.version = version;
		this.size = version * 4 + 17;
		this.dark = Array.from({ length: this.size }, () => Array<boolean>(this.size).fill(false));
		this.reserved = Array.from({ length: this.size }, () => Array<boolean>(this.size).fill(false));
		for (let index = 0; index < this.size; index++) {
			this.set(6, index, index % 2 === 0);
			this.set(index, 6, index % 2 === 0);
		}
		for (const [x, y] of [[3, 3], [this.size - 4, 3], [3, this.size - 4]] as const) {
			for (let dy = -4; dy <= 4; dy++) {
				for (let dx = -4; dx <= 4; dx++) {
					const distance = Math.max(Math.abs(dx), Math.abs(dy));
					if (this.inside(x + dx, y + dy)) this.set(x + dx, y + dy, distance !== 2 && distance !== 4);
				}
			}
		}
		const positions = alignmentPositions(version);
		const last = positions.length - 1;
		positions.forEach((x, column) =>
			positions.forEach((y, row) => {
				// Not where a finder pattern is.
				if ((column === 0 && row === 0) || (column === 0 && row === last) || (column === last && row === 0)) return;
				for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) this.set(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
			}),
		);
		this.drawFormat(0, 0);
		this.drawVersion();
	}

	inside = (x: number, y: number) => x >= 0 && x < this.size && y >= 0 && y < this.size;

	set(x: number, y: number, dark: boolean) {
		this.dark[y]![x] = dark;
		this.reserved[y]![x] = true;
	}

	drawFormat(levelBits: number, mask: number) {
		const data = (levelBits << 3) | mask;
		let remainder = data;
		for (let step = 0; step < 10; step++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
		const bits = ((data << 10) | remainder) ^ 0x5412;
		const bit = (index: number) => ((bits >>> index) & 1) === 1;
		for (let index = 0; index <= 5; index++) this.set(8, index, bit(index));
		this.set(8, 7, bit(6));
		this.set(8, 8, bit(7));
		this.set(7, 8, bit(8));
		for (let index = 9; index < 15; index++) this.set(14 - index, 8, bit(index));
		for (let index = 0; index < 8; index++) this.set(this.size - 1 - index, 8, bit(index));
		for (let index = 8; index < 15; index++) this.set(8, this.size - 15 + index, bit(index));
		this.set(8, this.size - 8, true);
	}

	drawVersion() {
		if (this.version < 7) return;
		let remainder = this.version;
		for (let step = 0; step < 12; step++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
		const bits = (this.version << 12) | remainder;
		for (let index = 0; index < 18; index++) {
			const dark = ((bits >>> index) & 1) === 1;
			const a = this.size - 11 + (index % 3);
			const b = Math.floor(index / 3);
			this.set(a, b, dark);
			this.set(b, a, dark);
		}
	}

	/** Places the codewords in the zigzag of two-module columns, right to left, skipping the timing column. */
	drawCodewords(codewords: readonly number[]) {
		let bit = 0;
		for (let right = this.size - 1; right >= 1; right -= 2) {
			if (right === 6) right = 5;
			for (let step = 0; step < this.size; step++) {
				for (let side = 0; side < 2; side++) {
					const x = right - side;
					const upward = ((right + 1) & 2) === 0;
					const y = upward ? this.size - 1 - step : step;
					if (this.reserved[y]![x] || bit >= codewords.length * 8) continue;
					this.dark[y]![x] = ((codewords[bit >>> 3]! >>> (7 - (bit & 7))) & 1) === 1;
					bit++;
				}
			}
		}
	}

	/** Flips the data modules a mask selects; applying it twice undoes it. */
	applyMask(mask: number) {
		const selects = MASKS[mask]!;
		for (let y = 0; y < this.size; y++) for (let x = 0; x < this.size; x++) if (!this.reserved[y]![x] && selects(x, y)) this.dark[y]![x] = !this.dark[y]![x];
	}

	/** The standard's penalty: long runs, 2×2 blocks, finder-like patterns, an unbalanced dark share. Lower scans better. */
	penalty(): number {
		let score = 0;
		const lines = [...this.dark, ...this.dark.map((_, x) => this.dark.map((row) => row[x]!))];
		for (const line of lines) {
			let run = 1;
			for (let index = 1; index <= line.length; index++) {
				if (index < line.length && line[index] === line[index - 1]) run++;
				else {
					if (run >= 5) score += run - 2;
					run = 1;
				}
			}
			const text = line.map((dark) => (dark ? '1' : '0')).join('');
			for (const pattern of ['10111010000', '00001011101']) for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) score += 40;
		}
		let darkCount = 0;
		for (let y = 0; y < this.size; y++) {
			for (let x = 0; x < this.size; x++) {
				if (this.dark[y]![x]) darkCount++;
				const colour = this.dark[y]![x];
				if (x + 1 < this.size && y + 1 < this.size && this.dark[y]![x + 1] === colour && this.dark[y + 1]![x] === colour && this.dark[y + 1]![x + 1] === colour) score += 3;
			}
		}
		const total = this.size * this.size;
		score += (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
		return score;
	}
}

/** The code's modules, rows of columns, `true` dark, without the quiet zone; undefined if the text is too long for a QR code. */
export function qrCodeModules(text: string): boolean[][] | undefined {
	const bytes = new TextEncoder().encode(text);
	const chosen = fit(bytes.length);
	if (!chosen) return undefined;
	const { version, level } = chosen;
	const symbol = new QrGrid(version);
	symbol.drawCodewords(interleaved(dataCodewordsOf(bytes, version, level), version, level));
	let best = { mask: 0, penalty: Infinity };
	for (let mask = 0; mask < MASKS.length; mask++) {
		symbol.applyMask(mask);
		symbol.drawFormat(level.formatBits, mask);
		const penalty = symbol.penalty();
		if (penalty < best.penalty) best = { mask, penalty };
		symbol.applyMask(mask);
	}
	symbol.applyMask(best.mask);
	symbol.drawFormat(level.formatBits, best.mask);
	return symbol.dark;
}

/** The modules as one SVG path, a rectangle per run of dark modules in a row, offset by the quiet zone. */
export function qrCodePath(modules: readonly (readonly boolean[])[], quietZone: number): string {
	const commands: string[] = [];
	modules.forEach((row, y) => {
		for (let x = 0; x < row.length; x++) {
			if (!row[x]) continue;
			let end = x;
			while (row[end + 1]) end++;
			commands.push(`M${x + quietZone} ${y + quietZone}h${end - x + 1}v1h-${end - x + 1}z`);
			x = end;
		}
	});
	return commands.join('');
}

/** The quiet zone around the code, in modules, as the standard asks. */
const QUIET_ZONE = 4;
const SVG = 'http://www.w3.org/2000/svg';

/** The code of `text` as an `<svg>`, dark on light whatever the theme; undefined if the text is too long. */
export function qrCodeSvg(text: string): SVGSVGElement | undefined {
	const modules = qrCodeModules(text);
	if (!modules) return undefined;
	const size = modules.length + 2 * QUIET_ZONE;
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
	svg.setAttribute('role', 'img');
	svg.setAttribute('aria-label', 'QR code of the link');
	svg.setAttribute('shape-rendering', 'crispEdges');
	const background = document.createElementNS(SVG, 'rect');
	background.setAttribute('width', String(size));
	background.setAttribute('height', String(size));
	background.setAttribute('fill', '#fff');
	const code = document.createElementNS(SVG, 'path');
	code.setAttribute('d', qrCodePath(modules, QUIET_ZONE));
	code.setAttribute('fill', '#000');
	svg.append(background, code);
	return svg;
}
