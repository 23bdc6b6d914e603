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

/** The words of any note: Zipf-distributed, as in real prose. */
const COMMON = (
	'the a to of and is in for with on by from that it as can be are or an each when only not all this ' +
	'use uses used one two no more than between into over within through also must per any its both other'
).split(' ');

/**
 * Subjects, each with its own terms: a notes folder covers several, and a note sticks to one, so
 * a query like "route table" matches the networking notes rather than every note.
 */
const SUBJECTS: { topics: string[]; terms: string[] }[] = [
	{
		topics: ['Flow Logs', 'Egress-Only Gateway', 'Gateway Endpoints', 'Interface Endpoints', 'VPC Peering', 'Transit Gateway', 'Route Tables', 'NAT Gateways'],
		terms: 'vpc subnet route table gateway endpoint interface peering transit flow logs cidr nat egress ingress ipv4 ipv6 prefix list eni attachment propagation'.split(' '),
	},
	{
		topics: ['Security Groups', 'Network ACLs', 'Network Firewall', 'WAF Rules', 'Shield', 'GuardDuty'],
		terms: 'security group acl rule stateful stateless inbound outbound port protocol firewall deny allow waf shield threat finding inspection'.split(' '),
	},
	{
		topics: ['Route 53 Resolver', 'Hosted Zones', 'Health Checks', 'Routing Policies', 'DNSSEC'],
		terms: 'dns resolver zone record alias hosted query forwarding rule health check failover latency weighted geolocation dnssec ttl'.split(' '),
	},
	{
		topics: ['Load Balancers', 'Target Groups', 'Listeners', 'Auto Scaling', 'Placement Groups'],
		terms: 'load balancer target listener instance scaling capacity health sticky session cross zone tls certificate placement spread cluster'.split(' '),
	},
	{
		topics: ['S3 Lifecycle', 'Replication', 'Object Lock', 'Storage Classes', 'EBS Snapshots', 'EFS'],
		terms: 's3 bucket object lifecycle replication glacier versioning lock retention snapshot volume ebs efs throughput iops archive restore'.split(' '),
	},
	{
		topics: ['DynamoDB Streams', 'Aurora Replicas', 'RDS Proxy', 'ElastiCache', 'Backups'],
		terms: 'dynamodb table partition key stream aurora replica rds proxy cache elasticache backup restore point recovery read write capacity'.split(' '),
	},
	{
		topics: ['IAM Policies', 'Roles and Trust', 'KMS Keys', 'Secrets Manager', 'Organizations'],
		terms: 'iam policy principal role trust boundary permission kms key rotation encryption secret audit organization scp account federation'.split(' '),
	},
	{
		topics: ['CloudWatch Metrics', 'Alarms', 'CloudTrail', 'Dashboards', 'X-Ray Traces'],
		terms: 'cloudwatch metric alarm dashboard cloudtrail trail event log insight retention namespace dimension trace sampling anomaly threshold'.split(' '),
	},
];

/** Rarer words (names, numbers, jargon): generated, so the vocabulary has a long tail. */
const SYLLABLES = 'ka lo mi nu re sa ti vo ze bi da fe gu ha jo ki la me ni po ru se ta vi'.split(' ');
const RARE = Array.from({ length: 3000 }, (_, index) => {
	let word = '';
	for (let rest = index + SYLLABLES.length; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) word += SYLLABLES[rest % SYLLABLES.length];
	return word;
});

/** Picks from `items` with Zipf's law (the first is the most frequent), given a uniform `u` in [0, 1). */
function zipf<T>(items: readonly T[], u: number): T {
	// Inverse of the continuous Zipf (s = 1) CDF: rank ≈ n^u.
	return items[Math.min(items.length - 1, Math.floor(items.length ** u) - 1)];
}

export interface CorpusOptions {
	notes: number;
	topicsPerNote?: number;
	/** Reference an image in every concepts section. */
	images?: boolean;
	/** Add a mermaid diagram to every architecture section. */
	diagrams?: boolean;
	/**
	 * `subjects` (default): each note is about one subject, with Zipf-distributed words, as real
	 * notes are. `uniform`: every note draws from one small list of 90 terms, so a query matches
	 * nearly every note (the worst case for search).
	 */
	vocabulary?: 'subjects' | 'uniform';
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
	const uniformTerms = SUBJECTS.flatMap((subject) => subject.terms).slice(0, 90);
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
		const subject = SUBJECTS[note % SUBJECTS.length];
		const word =
			options.vocabulary === 'uniform'
				? () => pick(uniformTerms)
				: () => {
						const u = next();
						if (u < 0.4) return zipf(COMMON, next());
						if (u < 0.85) return zipf(subject.terms, next());
						return zipf(RARE, next());
					};
		const sentence = (min: number, max: number) => Array.from({ length: min + Math.floor(next() * (max - min)) }, word).join(' ');
		const bullets = (count: number) => Array.from({ length: count }, () => `- ${sentence(5, 14)}`).join('\n');
		const topics: string[] = [];
		for (let topic = 1; topic <= topicsPerNote; topic++) {
			const name = `${pick(subject.topics)} ${note}.${topic}`;
			const image = options.images ? `\n- ![${sentence(2, 4)}](img/slide-${Math.floor(next() * imageCount)}.png)` : '';
			const diagram = options.diagrams
				? `\n\n\`\`\`mermaid\nflowchart LR\n  A[VPC ${note}.${topic}] --> B[${pick(subject.terms)}]\n  B --> C[${pick(subject.terms)}]\n\`\`\``
				: '';
			topics.push(
				`## ${topic}. ${name}\n\n#\n\n### summary\n\n${bullets(3)}\n\n### concepts\n\n${bullets(8)}${image}\n\n### architecture\n\n${bullets(2)}${diagram}\n`,
			);
		}
		const file = path.join(folder, `note-${String(note).padStart(4, '0')}.md`);
		writeFileSync(file, `---\ntitle: Synthetic note ${note}\n---\n\n${topics.join('\n')}`);
	}
}
