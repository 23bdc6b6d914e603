import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Mulberry32: a small deterministic PRNG, so a seed always gives the same corpus. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = (
	'vpc subnet route table gateway endpoint interface peering transit flow logs cloudwatch s3 dynamodb ' +
	'prefix list security group network acl nat egress ingress ipv4 ipv6 cidr availability zone region ' +
	'private public dns resolver load balancer target listener instance eni elastic address bandwidth ' +
	'latency throughput policy principal role trust boundary encryption key rotation audit trail metric ' +
	'alarm dashboard retention lifecycle replication snapshot backup restore failover health check'
).split(' ');
const TOPICS = (
	'Flow Logs|Egress-Only Gateway|Gateway Endpoints|Interface Endpoints|VPC Peering|Transit Gateway|' +
	'Route Tables|Security Groups|Network ACLs|NAT Gateways|Direct Connect|Site-to-Site VPN|PrivateLink|' +
	'Route 53 Resolver|Load Balancers|IPv6 Addressing|Elastic IPs|Traffic Mirroring|Reachability Analyzer|' +
	'Network Firewall'
).split('|');

export interface CorpusOptions {
	notes: number;
	topicsPerNote?: number;
	/** Reference an image in every concepts section. */
	images?: boolean;
	/** Add a mermaid diagram to every architecture section. */
	diagrams?: boolean;
	seed?: number;
}

/** A tiny valid PNG (solid colour) of the given size: real image bytes for the image pipeline. */
async function writePng(file: string, width: number, height: number, colour: { r: number; g: number; b: number }) {
	const sharp = (await import('sharp')).default;
	await sharp({ create: { width, height, channels: 3, background: colour } }).png().toFile(file);
}

/**
 * Writes a synthetic notes folder in the real notes' shape (`## N. Topic`, `#`,
 * `### summary/concepts/architecture`, bullets), deterministic from the seed.
 */
export async function writeCorpus(folder: string, options: CorpusOptions): Promise<void> {
	const next = random(options.seed ?? 42);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
	const sentence = (min: number, max: number) =>
		Array.from({ length: min + Math.floor(next() * (max - min)) }, () => pick(WORDS)).join(' ');
	const bullets = (count: number) => Array.from({ length: count }, () => `- ${sentence(5, 14)}`).join('\n');
	const topicsPerNote = options.topicsPerNote ?? 5;
	mkdirSync(path.join(folder, 'img'), { recursive: true });

	const imageCount = options.images ? 12 : 0;
	for (let index = 0; index < imageCount; index++) {
		await writePng(path.join(folder, 'img', `slide-${index}.png`), 960 + index * 40, 540 + index * 20, {
			r: (index * 53) % 255,
			g: (index * 97) % 255,
			b: (index * 151) % 255,
		});
	}

	for (let note = 0; note < options.notes; note++) {
		const topics: string[] = [];
		for (let topic = 1; topic <= topicsPerNote; topic++) {
			const name = `${pick(TOPICS)} ${note}.${topic}`;
			const image = options.images ? `\n- ![${sentence(2, 4)}](img/slide-${Math.floor(next() * imageCount)}.png)` : '';
			const diagram = options.diagrams
				? `\n\n\`\`\`mermaid\nflowchart LR\n  A[VPC ${note}.${topic}] --> B[${pick(WORDS)}]\n  B --> C[${pick(WORDS)}]\n\`\`\``
				: '';
			topics.push(
				`## ${topic}. ${name}\n\n#\n\n### summary\n\n${bullets(3)}\n\n### concepts\n\n${bullets(8)}${image}\n\n### architecture\n\n${bullets(2)}${diagram}\n`,
			);
		}
		const file = path.join(folder, `note-${String(note).padStart(4, '0')}.md`);
		writeFileSync(file, `---\ntitle: Synthetic note ${note}\n---\n\n${topics.join('\n')}`);
	}
}
