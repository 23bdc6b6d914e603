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
 * a query like "route table" matches the networking notes rather than every note. A vault keeps
 * each subject in a folder of its name, and tags its notes with it.
 */
const SUBJECTS: { name: string; topics: string[]; terms: string[] }[] = [
	{
		name: 'networking',
		topics: ['Flow Logs', 'Egress-Only Gateway', 'Gateway Endpoints', 'Interface Endpoints', 'VPC Peering', 'Transit Gateway', 'Route Tables', 'NAT Gateways'],
		terms: 'vpc subnet route table gateway endpoint interface peering transit flow logs cidr nat egress ingress ipv4 ipv6 prefix list eni attachment propagation'.split(' '),
	},
	{
		name: 'security',
		topics: ['Security Groups', 'Network ACLs', 'Network Firewall', 'WAF Rules', 'Shield', 'GuardDuty'],
		terms: 'security group acl rule stateful stateless inbound outbound port protocol firewall deny allow waf shield threat finding inspection'.split(' '),
	},
	{
		name: 'dns',
		topics: ['Route 53 Resolver', 'Hosted Zones', 'Health Checks', 'Routing Policies', 'DNSSEC'],
		terms: 'dns resolver zone record alias hosted query forwarding rule health check failover latency weighted geolocation dnssec ttl'.split(' '),
	},
	{
		name: 'load-balancing',
		topics: ['Load Balancers', 'Target Groups', 'Listeners', 'Auto Scaling', 'Placement Groups'],
		terms: 'load balancer target listener instance scaling capacity health sticky session cross zone tls certificate placement spread cluster'.split(' '),
	},
	{
		name: 'storage',
		topics: ['S3 Lifecycle', 'Replication', 'Object Lock', 'Storage Classes', 'EBS Snapshots', 'EFS'],
		terms: 's3 bucket object lifecycle replication glacier versioning lock retention snapshot volume ebs efs throughput iops archive restore'.split(' '),
	},
	{
		name: 'databases',
		topics: ['DynamoDB Streams', 'Aurora Replicas', 'RDS Proxy', 'ElastiCache', 'Backups'],
		terms: 'dynamodb table partition key stream aurora replica rds proxy cache elasticache backup restore point recovery read write capacity'.split(' '),
	},
	{
		name: 'iam',
		topics: ['IAM Policies', 'Roles and Trust', 'KMS Keys', 'Secrets Manager', 'Organizations'],
		terms: 'iam policy principal role trust boundary permission kms key rotation encryption secret audit organization scp account federation'.split(' '),
	},
	{
		name: 'monitoring',
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
	/**
	 * An Obsidian vault (a `.obsidian/` folder): each subject's notes in a folder of its name, tagged
	 * with it, each with two tasks. `data` adds Obsidian's data layer to the same notes, their prose
	 * unchanged: five front-matter properties and five inline fields a note (three `key:: value`
	 * lines, two `[key:: value]` in its bullets), and a Dataview query in every tenth note
	 * ({@link vaultQuery}). `plain` is the same vault without them, to compare with.
	 */
	vault?: 'plain' | 'data';
	seed?: number;
}

const noteName = (note: number) => `note-${String(note).padStart(4, '0')}`;

const STATUSES = ['active', 'draft', 'done'];
const AUTHORS = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Barbara Liskov', 'Edsger Dijkstra'];
const PRIORITIES = ['high', 'medium', 'low'];

/**
 * The Dataview query the `turn`th querying note holds: the forms a vault's queries take (tables
 * from a tag or a folder, filtered, sorted, grouped, limited; lists of a note's backlinks; open
 * tasks; inline values), 8 blocks and 2 inline queries in every 10.
 */
function vaultQuery(turn: number, subject: string, hub: string): string {
	const block = (query: string) => `\`\`\`dataview\n${query}\n\`\`\``;
	const queries = [
		block(`TABLE status, rating\nFROM #${subject}\nWHERE rating >= 3\nSORT rating DESC, file.name ASC`),
		block(`TABLE WITHOUT ID file.link AS "Note", difficulty AS "Difficulty", reviewed AS "Reviewed"\nFROM "${subject}"\nWHERE difficulty >= 2\nSORT reviewed DESC\nLIMIT 25`),
		block(`TABLE length(rows) AS "Notes", rows.file.link AS "Which"\nFROM #${subject}\nGROUP BY status`),
		block(`LIST\nFROM [[${hub}]]\nSORT file.name`),
		block(`TASK\nFROM "${subject}"\nWHERE !completed`),
		`The status of this note: \`= this.status\`.`,
		block(`LIST rating\nFROM "${subject}" AND #${subject}\nWHERE status = "active" AND contains(lower(author), "a")\nSORT file.name DESC\nLIMIT 30`),
		block(`TABLE default(priority, "none") AS "Priority", choice(status = "done", "yes", "no") AS "Done", minutes\nFROM "${subject}" OR [[${hub}]]\nWHERE minutes > 20\nSORT minutes DESC\nLIMIT 20`),
		block(`TABLE length(file.outlinks) AS "Links", created\nFROM #${subject} AND -"${subject}/archive"\nWHERE created >= date(2025-06-01)\nSORT created DESC\nLIMIT 15`),
		`The hub's rating: \`= [[${hub}]].rating\`.`,
	];
	return queries[turn % queries.length];
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

	const vault = options.vault;
	if (vault) mkdirSync(path.join(folder, '.obsidian'), { recursive: true });
	// The data layer draws from its own sequence, so the notes' prose is the same with it and without.
	const nextData = random((options.seed ?? 42) + 1);
	const pickData = <T>(items: readonly T[]) => items[Math.floor(nextData() * items.length)];
	const isoDate = (year: number) => `${year}-${String(1 + Math.floor(nextData() * 12)).padStart(2, '0')}-${String(1 + Math.floor(nextData() * 28)).padStart(2, '0')}`;

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
		const bullets = (count: number) => Array.from({ length: count }, () => `- ${sentence(5, 14)}`);
		// The subject's first note is its hub: the others' `up`, and the notes some queries start from.
		const hub = noteName(note % SUBJECTS.length);
		const data = vault === 'data';
		const properties = data
			? [`status: ${pickData(STATUSES)}`, `rating: ${1 + Math.floor(nextData() * 5)}`, `author: ${pickData(AUTHORS)}`, `created: ${isoDate(2025)}`, `up: "[[${hub}]]"`]
			: [];
		const query = data && note % 10 === 0 ? `\n\n${vaultQuery(note / 10, subject.name, hub)}` : '';
		const topics: string[] = [];
		for (let topic = 1; topic <= topicsPerNote; topic++) {
			const name = `${pick(subject.topics)} ${note}.${topic}`;
			const image = options.images ? `\n- ![${sentence(2, 4)}](img/slide-${Math.floor(next() * imageCount)}.png)` : '';
			const diagram = options.diagrams
				? `\n\n\`\`\`mermaid\nflowchart LR\n  A[VPC ${note}.${topic}] --> B[${pick(subject.terms)}]\n  B --> C[${pick(subject.terms)}]\n\`\`\``
				: '';
			const summary = bullets(3);
			const concepts = bullets(8);
			const architecture = bullets(2);
			let fieldLines = '';
			if (topic === 1 && vault) {
				const month = String(1 + (note % 12)).padStart(2, '0');
				const day = String(1 + (note % 28)).padStart(2, '0');
				architecture.push(`- [ ] Review ${name} 📅 2026-${month}-${day}`, `- [x] Read the ${subject.name} notes ✅ 2025-${month}-${day}`);
			}
			if (topic === 1 && data) {
				const related = noteName((note + SUBJECTS.length) % options.notes);
				fieldLines = `\n\ndifficulty:: ${1 + Math.floor(nextData() * 3)}\nreviewed:: ${isoDate(2026)}\nrelated:: [[${related}]]${query}`;
				concepts[0] += ` [priority:: ${pickData(PRIORITIES)}]`;
				concepts[1] += ` [minutes:: ${5 * (1 + Math.floor(nextData() * 12))}]`;
			}
			topics.push(
				`## ${topic}. ${name}\n\n#\n\n### summary\n\n${summary.join('\n')}${fieldLines}\n\n### concepts\n\n${concepts.join('\n')}${image}\n\n### architecture\n\n${architecture.join('\n')}${diagram}\n`,
			);
		}
		const frontmatter = [`title: Synthetic note ${note}`, ...(vault ? [`tags: [${subject.name}]`] : []), ...properties];
		const noteFolder = vault ? path.join(folder, subject.name) : folder;
		mkdirSync(noteFolder, { recursive: true });
		writeFileSync(path.join(noteFolder, `${noteName(note)}.md`), `---\n${frontmatter.join('\n')}\n---\n\n${topics.join('\n')}`);
	}
}
